"""Claiming: one due job goes to one worker; a dead worker's job is claimed again once its
lease has run out; a worker that lost its lease cannot overwrite the new holder's work."""

from __future__ import annotations

import datetime as dt
import threading

from sqlmodel import Session

from heka_app.db import session_scope
from heka_app.models.jobs import DONE, RUNNING
from heka_app.services.jobs.claims import claim_next, finish
from heka_app.services.jobs.queue import enqueue
from tests.services.jobs.helpers import NOW, job

LEASE = dt.timedelta(minutes=5)


def _enqueue(*keys: str, now=NOW, **kw) -> None:
    with session_scope() as session:
        for key in keys:
            enqueue(session, kind="test.noop", key=key, payload={}, now=now, **kw)


def test_two_claims_of_one_due_job_give_it_to_one_worker(engine):
    _enqueue("only")
    with Session(engine) as a, Session(engine) as b:
        first = claim_next(session=a, now=NOW, worker_id="a", lease=LEASE)
        second = claim_next(session=b, now=NOW, worker_id="b", lease=LEASE)
    assert first is not None and (first.key, first.attempts) == ("only", 1)
    assert second is None
    row = job(engine, "only")
    assert (row.status, row.locked_by, row.attempts) == (RUNNING, "a", 1)
    assert row.locked_until == NOW + LEASE


def test_a_job_not_yet_due_is_not_claimed(session):
    _enqueue("later", delay=dt.timedelta(seconds=30))
    assert claim_next(session=session, now=NOW, worker_id="a") is None
    assert claim_next(session=session, now=NOW + dt.timedelta(seconds=30), worker_id="a")


def test_a_running_job_is_claimed_again_only_after_its_lease_ran_out(engine, session):
    _enqueue("crashy")
    dead = claim_next(session=session, now=NOW, worker_id="dead", lease=LEASE)
    assert (
        claim_next(session=session, now=NOW + LEASE - dt.timedelta(seconds=1), worker_id="b")
        is None
    )
    later = NOW + LEASE + dt.timedelta(seconds=1)
    again = claim_next(session=session, now=later, worker_id="b", lease=LEASE)
    assert again is not None and again.attempts == 2
    # The first worker was only slow, not dead: its late result must not count.
    finish(dead, later, None)
    row = job(engine, "crashy")
    assert (row.status, row.locked_by, row.attempts) == (RUNNING, "b", 2)
    finish(again, later, None)
    assert job(engine, "crashy").status == DONE


def test_concurrent_workers_claim_every_job_exactly_once(engine):
    keys = [f"job:{n}" for n in range(24)]
    _enqueue(*keys)
    claimed: dict[str, list[str]] = {name: [] for name in ("w1", "w2", "w3", "w4")}
    start = threading.Barrier(len(claimed))

    def work(name: str) -> None:
        start.wait()
        with Session(engine) as session:
            while (got := claim_next(session=session, now=NOW, worker_id=name)) is not None:
                claimed[name].append(got.key)

    threads = [threading.Thread(target=work, args=(name,)) for name in claimed]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    every = [key for keys_of_one in claimed.values() for key in keys_of_one]
    assert sorted(every) == sorted(keys)
