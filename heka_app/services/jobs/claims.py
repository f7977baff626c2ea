"""Claiming a job under a lease, and releasing it with the outcome of its run.

Claiming is one compare-and-set UPDATE (the row must still be due and unchanged since it
was read), committed before the handler starts, so two workers never run the same job at
once and no lock is held while a handler talks to the network. The outcome is written the
same way, only if the row is still ours. A worker that dies (SIGKILL, power loss) leaves
its job ``running`` with a lease that runs out; any worker may claim it then. Attempts are
counted at claim time, so a job that keeps killing its worker still ends ``failed``.

The lease must be longer than the slowest handler (SMTP gives up after 20 s); a handler
outliving its lease may run twice, which handlers tolerate anyway.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging

from sqlalchemy import select, update
from sqlmodel import Session

from heka_app.db import session_scope
from heka_app.models.jobs import DONE, FAILED, PENDING, RUNNING, BackgroundJob
from heka_app.services.common.tables import table_of

LOGGER = logging.getLogger("heka.jobs")
DEFAULT_LEASE = dt.timedelta(minutes=5)
FIRST_RETRY_DELAY = dt.timedelta(seconds=10)
MAX_RETRY_DELAY = dt.timedelta(hours=1)
_JOBS = table_of(BackgroundJob)
_C = _JOBS.c
_CANDIDATES = 5  # rows tried per claim when other workers win the race for the first


@dataclasses.dataclass(frozen=True)
class ClaimedJob:
    """A job this worker holds until ``lease`` ends; ``attempts`` includes this one."""

    id: int
    kind: str
    key: str
    payload: str
    attempts: int
    max_attempts: int
    worker_id: str


def retry_delay(attempts: int) -> dt.timedelta:
    """Wait before the next attempt: 10 s after the first failure, doubling, at most 1 h."""
    return min(FIRST_RETRY_DELAY * 2 ** min(max(attempts - 1, 0), 20), MAX_RETRY_DELAY)


def attempts_within(window: dt.timedelta) -> int:
    """How many attempts fit before ``window`` runs out with the backoff of
    :func:`retry_delay` (e.g. a mail whose link expires: later tries would send a dead
    link)."""
    attempts, waited = 1, retry_delay(1)
    while waited < window:
        attempts += 1
        waited += retry_delay(attempts)
    return attempts


def _due(now: dt.datetime):
    # Pending and due, or running under a lease that has run out (its worker died).
    return ((_C.status == PENDING) & (_C.run_after <= now)) | (
        (_C.status == RUNNING) & (_C.locked_until < now)
    )


def claim_next(
    *, session: Session, now: dt.datetime, worker_id: str, lease: dt.timedelta = DEFAULT_LEASE
) -> ClaimedJob | None:
    """Claim the oldest due job for ``worker_id`` and commit the claim.

    Args:
        session: A session of its own; it is committed here, so the claim is visible to
            every other worker before the handler starts.
        now: Current aware UTC time.
        worker_id: Who holds the job (host:pid), stored in ``locked_by``.
        lease: How long the job is ours; after that another worker may take it.

    Returns:
        The claimed job, or None when no job is due (or other workers took them all).
    """
    columns = (_C.id, _C.kind, _C.dedupe_key, _C.payload, _C.status, _C.attempts, _C.max_attempts)
    query = select(*columns).where(_due(now)).order_by(_C.run_after, _C.id).limit(_CANDIDATES)
    # execute(), not exec(): SQLModel's exec() overloads take its own select() of at most
    # four columns; for a Core select both run the same SQLAlchemy execute().
    for row in session.execute(query).all():
        claimed = session.exec(
            update(_JOBS)
            .where(_C.id == row.id, _C.status == row.status, _C.attempts == row.attempts)
            .where(_due(now))
            .values(
                status=RUNNING,
                attempts=row.attempts + 1,
                locked_by=worker_id,
                locked_until=now + lease,
            )
        )
        if claimed.rowcount == 1:
            session.commit()
            if row.status == RUNNING:  # an operator should know workers are dying
                LOGGER.warning(
                    "job %s (%s): lease of a lost worker ran out; claimed again", row.id, row.kind
                )
            return ClaimedJob(
                row.id,
                row.kind,
                row.dedupe_key,
                row.payload,
                row.attempts + 1,
                row.max_attempts,
                worker_id,
            )
    session.commit()
    return None


def finish(job: ClaimedJob, now: dt.datetime, error: str | None) -> None:
    """Record the outcome of a run, if the job is still held by this claim.

    Args:
        job: The claim returned by :func:`claim_next`.
        now: Current aware UTC time.
        error: None on success; else a short description of the failure (no payload).
            The job is then rescheduled with backoff, or marked failed after its last
            attempt.
    """
    if error is None:
        # The payload is cleared: a mail's one-time link should not rest in the database.
        values = {"status": DONE, "finished_at": now, "payload": "{}", "last_error": ""}
    elif job.attempts >= job.max_attempts:
        # Kind, key and error say what failed; the payload (a mail's address, text and
        # one-time link) is not kept for a job that will never run again.
        values = {"status": FAILED, "finished_at": now, "payload": "{}", "last_error": error[:500]}
    else:
        values = {
            "status": PENDING,
            "run_after": now + retry_delay(job.attempts),
            "last_error": error[:500],
        }
    with session_scope() as session:
        result = session.exec(
            update(_JOBS)
            .where(_C.id == job.id, _C.status == RUNNING, _C.attempts == job.attempts)
            .where(_C.locked_by == job.worker_id)
            .values(locked_by=None, locked_until=None, **values)
        )
    if result.rowcount != 1:
        LOGGER.warning("job %s (%s): lease lost before it finished", job.id, job.kind)
    elif error is None:
        LOGGER.info("job %s (%s) done", job.id, job.kind)
    elif values["status"] == FAILED:
        LOGGER.error(
            "job %s (%s) failed for good after %s attempts: %s",
            job.id,
            job.kind,
            job.attempts,
            error,
        )
    else:
        LOGGER.warning(
            "job %s (%s) attempt %s failed, retry at %s: %s",
            job.id,
            job.kind,
            job.attempts,
            values["run_after"],
            error,
        )
