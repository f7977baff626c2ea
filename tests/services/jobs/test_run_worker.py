"""The worker loop: schedules the hour's housekeeping, runs due jobs, stops when asked."""

from __future__ import annotations

import threading

from heka_app.db import session_scope
from heka_app.models.jobs import DONE
from heka_app.services.jobs.queue import enqueue
from heka_app.services.jobs.registry import job_handler
from heka_app.services.jobs.worker import run_worker
from tests.services.jobs.helpers import NOW, all_jobs, job, wait_until

SEEN: list[tuple] = []


@job_handler("test.record")
def _record(payload, *, key, now):
    SEEN.append((payload, key, now))


def test_the_loop_runs_due_jobs_and_housekeeping_until_stopped(engine):
    SEEN.clear()
    with session_scope() as session:
        enqueue(session, kind="test.record", key="rec:1", payload={"n": 1}, now=NOW)
    stop = threading.Event()
    loop = threading.Thread(
        target=run_worker,
        kwargs={"stop": stop, "poll_seconds": 0.01, "worker_id": "t", "clock": lambda: NOW},
    )
    loop.start()
    try:
        wait_until(
            lambda: len(all_jobs(engine)) == 2 and all(j.status == DONE for j in all_jobs(engine)),
            timeout=30,
            what="both jobs done",
        )
    finally:
        stop.set()
        loop.join(timeout=10)
    assert not loop.is_alive()
    assert SEEN == [({"n": 1}, "rec:1", NOW)]
    assert job(engine, "housekeeping:2026-11-28T09").status == DONE
