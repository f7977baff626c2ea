"""The worker: run due jobs one at a time, retrying failures with backoff (``heka worker``).

A job is claimed under a lease and committed before its handler starts (``claims``); the
handler runs outside any transaction, and only then is the job marked done or rescheduled
(10 s after the first failure, doubling, at most 1 h; ``failed`` after ``max_attempts``,
logged at ERROR). SIGTERM and SIGINT let the current job finish, then the loop ends.
Several workers may run against one database, on one host or many.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy.exc import SQLAlchemyError

from heka_app.db import session_scope
from heka_app.services.common.clock import utcnow
from heka_app.services.jobs import housekeeping
from heka_app.services.jobs.claims import (
    DEFAULT_LEASE,
    ClaimedJob,
    claim_next,
    finish,
    retry_delay,
)
from heka_app.services.jobs.registry import handler_for, load_handlers

__all__ = ["DEFAULT_LEASE", "ClaimedJob", "claim_next", "retry_delay", "run_once", "run_worker"]
LOGGER = logging.getLogger("heka.jobs")


def _describe(exc: BaseException) -> str:
    # Type and a short one-line message; never the payload, which may hold links.
    message = " ".join(str(exc).split())[:300]
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def run_once(*, now: dt.datetime, worker_id: str, lease: dt.timedelta = DEFAULT_LEASE) -> bool:
    """Claim one due job, run its handler outside any transaction, record the outcome.

    Args:
        now: Current aware UTC time (also given to the handler).
        worker_id: This worker's name, stored while it holds the job.
        lease: How long the job is held before another worker may take it.

    Returns:
        True if a job was claimed (whatever its outcome), False if none was due.
    """
    with session_scope() as session:
        job = claim_next(session=session, now=now, worker_id=worker_id, lease=lease)
    if job is None:
        return False
    if job.attempts > job.max_attempts:
        # Claimed again after the worker of its last allowed attempt died.
        finish(job, now, "WorkerLost: the worker stopped during the last attempt")
        return True
    started = time.monotonic()
    try:
        handler_for(job.kind)(json.loads(job.payload), key=job.key, now=now)
    except Exception as exc:  # any failure of a job is recorded and retried, never raised
        error: str | None = _describe(exc)
    else:
        error = None
    # The backoff counts from when the attempt ended: a handler that hung for its 20 s
    # SMTP timeout must not be due again at once.
    ended = now + dt.timedelta(seconds=int(time.monotonic() - started))
    finish(job, ended, error)
    return True


def default_worker_id() -> str:
    """``host:pid``, so an operator can tell which process holds a job."""
    return f"{socket.gethostname()[:100]}:{os.getpid()}"


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    # The handlers only set the event, so a running job is never interrupted half-way.
    if threading.current_thread() is not threading.main_thread():
        yield  # signals can only be handled in the main thread (tests run loops in threads)
        return

    def handle(signum, _frame):
        LOGGER.info("signal %s: stopping after the current job", signum)
        stop.set()

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def run_worker(
    *,
    stop: threading.Event,
    poll_seconds: float = 1.0,
    lease: dt.timedelta = DEFAULT_LEASE,
    worker_id: str | None = None,
    clock: Callable[[], dt.datetime] | None = None,
    hourly: Sequence[Callable[..., object]] = (),
) -> None:
    """Run due jobs until ``stop`` is set or SIGTERM/SIGINT arrives.

    At start and whenever the UTC hour changes, the housekeeping job is enqueued under
    the key ``housekeeping:<UTC hour>``, which makes several workers enqueue it once.

    Args:
        stop: Set to end the loop after the current job.
        poll_seconds: Sleep between polls when no job is due.
        lease: How long a claimed job is held (longer than the slowest handler).
        worker_id: Name stored in ``locked_by``; ``host:pid`` by default.
        clock: Source of aware UTC "now" (tests); the system clock by default.
        hourly: More ``schedule(session, now=...)`` functions to call with housekeeping's
            (e.g. the demo reset of a kiosk in demo mode, heka_app/demo/reset.py).
    """
    load_handlers()
    clock = clock or utcnow
    worker_id = worker_id or default_worker_id()
    scheduled_hour = None
    with _stop_on_signals(stop):
        LOGGER.info("worker %s started (poll %s s, lease %s)", worker_id, poll_seconds, lease)
        while not stop.is_set():
            now = clock()
            worked = False
            try:
                if scheduled_hour != housekeeping.hour_key(now):
                    with session_scope() as session:
                        for schedule in (housekeeping.schedule, *hourly):
                            schedule(session, now=now)
                    scheduled_hour = housekeeping.hour_key(now)
                worked = run_once(now=now, worker_id=worker_id, lease=lease)
            except SQLAlchemyError:
                # Database restarting or busy: keep the worker alive and try again.
                LOGGER.exception("job queue unavailable; retrying in %s s", poll_seconds)
            if not worked:
                stop.wait(poll_seconds)
        LOGGER.info("worker %s stopped", worker_id)
