"""The background job queue's table (services/jobs/): one row per job, in the app's database.

A job row is written in the same transaction as the change that causes it, so a committed
change always has its job and a rolled-back one never does. Datetimes are aware UTC.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, Text
from sqlmodel import Field, SQLModel

PENDING = "pending"
RUNNING = "running"
DONE = "done"
FAILED = "failed"
JOB_STATUSES = (PENDING, RUNNING, DONE, FAILED)


class BackgroundJob(SQLModel, table=True):
    """One unit of background work (send a mail, purge expired rows...).

    ``dedupe_key`` is UNIQUE: enqueueing the same logical job twice (a retried request,
    several workers scheduling the hourly housekeeping) records it once. ``locked_until``
    is the lease of the worker running it; a running job past its lease belonged to a
    worker that died and may be claimed again. ``last_error`` holds the exception type and
    a short message, never the payload (it may carry one-time links).
    """

    __tablename__ = "background_job"
    # The worker's poll: "pending jobs due by now", oldest first.
    __table_args__ = (Index("ix_background_job_status_run_after", "status", "run_after"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=64)
    dedupe_key: str = Field(unique=True, max_length=200)
    payload: str = Field(default="{}", sa_type=Text)  # JSON object
    status: str = Field(default=PENDING, max_length=16)
    attempts: int = 0  # attempts started (counted at claim, so a crash counts too)
    max_attempts: int = 12
    run_after: dt.datetime
    locked_by: str | None = Field(default=None, max_length=120)
    locked_until: dt.datetime | None = None
    last_error: str = Field(default="", max_length=500)
    created_at: dt.datetime
    finished_at: dt.datetime | None = None
