"""Demo mode (``HEKA_KIOSK_DEMO``): an area-office kiosk that shows the service to visitors
on the demo dataset, put back as new every night.

``reset_demo_data`` empties every table and loads the demo dataset again. It refuses a
database that holds any account outside the demo domain, so pointing a demo terminal at
a real database can never erase residents' data. The worker enqueues the reset for the
coming 03:00 in Helsinki once per hour (the key names the night, so several workers and
hourly repeats record it once); ``heka demo-reset`` runs it by hand.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, SQLModel, col, select

from heka_app.db import session_scope
from heka_app.demo.dataset import DemoSummary, load_demo_data
from heka_app.models import UserAccount
from heka_app.models.jobs import BackgroundJob
from heka_app.services.common.clock import HELSINKI, helsinki_today
from heka_app.services.jobs.queue import enqueue
from heka_app.services.jobs.registry import job_handler

LOGGER = logging.getLogger(__name__)
RESET = "demo.reset"
RESET_HOUR = 3  # Helsinki time: area offices are closed
DEMO_DOMAIN = "@demo.heka.example"
# The job queue itself stays: the running reset job must be able to finish.
_KEPT_TABLES = {BackgroundJob.__tablename__}


class NotADemoDatabase(RuntimeError):
    """The database holds real accounts: a demo reset would erase them."""


def next_reset(now: dt.datetime) -> dt.datetime:
    """The first 03:00 Helsinki time after ``now`` (aware, UTC)."""
    local = now.astimezone(HELSINKI)
    at = local.replace(hour=RESET_HOUR, minute=0, second=0, microsecond=0)
    if at <= local:
        at += dt.timedelta(days=1)  # wall-clock arithmetic: 03:00 again across DST
    return at.astimezone(dt.UTC)


def schedule(session: Session, *, now: dt.datetime) -> bool:
    """Enqueue the coming night's reset once (key ``demo-reset:<Helsinki date>``)."""
    at = next_reset(now)
    return enqueue(
        session,
        kind=RESET,
        key=f"demo-reset:{at.astimezone(HELSINKI).date().isoformat()}",
        payload={},
        now=now,
        delay=at - now,
        max_attempts=3,
    )


def reset_demo_data(*, session: Session, today: dt.date | None = None) -> DemoSummary:
    """Delete every row (but the job queue) and load the demo dataset again.

    Raises:
        NotADemoDatabase: If any account's email is outside the demo domain.
    """
    real = session.exec(
        select(UserAccount.id).where(col(UserAccount.email).not_like(f"%{DEMO_DOMAIN}"))
    ).first()
    if real is not None:
        raise NotADemoDatabase("the database has accounts outside the demo domain")
    for table in reversed(SQLModel.metadata.sorted_tables):  # children before parents
        if table.name not in _KEPT_TABLES:
            session.execute(delete(table))
    session.flush()
    session.expunge_all()  # the deleted rows' objects must not shadow the new rows' ids
    return load_demo_data(session=session, today=today)


@job_handler(RESET)
def run_reset(payload: dict[str, Any], *, key: str, now: dt.datetime) -> None:
    """The nightly reset job (``payload`` is empty)."""
    with session_scope() as session:
        summary = reset_demo_data(session=session, today=helsinki_today(now))
    LOGGER.info("demo data reset (%s): %s", key, summary)
