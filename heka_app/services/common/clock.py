"""One place for "now" (aware UTC) and for the Helsinki calendar day."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")


def utcnow() -> dt.datetime:
    """Timezone-aware UTC now (the models store aware UTC datetimes)."""
    return dt.datetime.now(dt.UTC)


def helsinki_today(now: dt.datetime | None = None) -> dt.date:
    """The calendar date in Helsinki: leases start and end on Helsinki days."""
    return (now or utcnow()).astimezone(HELSINKI).date()
