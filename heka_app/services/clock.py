"""Time and opaque secrets: one place for "now" (aware UTC) and random bearer secrets."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

HELSINKI_TZ_NAME = "Europe/Helsinki"


def utcnow() -> dt.datetime:
    """Timezone-aware UTC now (the models store aware UTC datetimes)."""
    return dt.datetime.now(dt.UTC)


def helsinki_today(now: dt.datetime | None = None) -> dt.date:
    """The calendar date in Helsinki: leases start and end on Helsinki days."""
    from zoneinfo import ZoneInfo

    return (now or utcnow()).astimezone(ZoneInfo(HELSINKI_TZ_NAME)).date()


def new_secret() -> str:
    """A random 256-bit URL-safe secret (session ids, tickets, one-time codes' source)."""
    return secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    """SHA-256 hex of a secret; only this is stored, so a database leak reveals no secret."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
