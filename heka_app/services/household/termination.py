"""A notice of termination: its dates, and the lease's end when staff confirm it."""

from __future__ import annotations

import datetime as dt
import json

from sqlmodel import Session

from heka_app.i18n import N_
from heka_app.models import Lease, MessageThread
from heka_app.services.household.notice_period import lease_end_after_notice

LEASE_GONE = N_("The lease of this notice was not found.")


def notice_dates(day: dt.date) -> dict[str, str]:
    """The computed fields of a notice given on ``day``: that day and the lease's end."""
    return {"notice_given": day.isoformat(), "ends_on": lease_end_after_notice(day).isoformat()}


def apply_termination(session: Session, thread: MessageThread, now: dt.datetime) -> str:
    """End the lease on the notice's end date (an earlier end already set stays)."""
    lease = session.get(Lease, thread.lease_id)
    if lease is None:
        return LEASE_GONE
    ends_on = dt.date.fromisoformat(json.loads(thread.request_data)["ends_on"])
    if lease.ends_on is None or lease.ends_on > ends_on:
        lease.ends_on = ends_on
        session.add(lease)
    return ""
