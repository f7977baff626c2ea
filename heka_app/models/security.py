"""Security bookkeeping: brute-force counters (login throttle) and the security event log."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel


class LoginThrottle(SQLModel, table=True):
    """Failure counter of one throttle key ("account:<email>", "ip:<addr>", "code-ip:<addr>").

    One row per key; the UNIQUE key plus compare-and-set updates make concurrent failures
    count once each (services/auth/throttle.py). Datetimes are aware UTC.
    """

    __tablename__ = "login_throttle"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=200)
    failures: int = 0
    window_started_at: dt.datetime
    locked_until: dt.datetime | None = None
    updated_at: dt.datetime


class SecurityEvent(SQLModel, table=True):
    """One security-relevant event (login, lockout, password change...), in UTC.

    ``detail`` is sanitized before it is stored: no passwords, tokens or identity codes.
    """

    __tablename__ = "security_event"

    id: int | None = Field(default=None, primary_key=True)
    occurred_at: dt.datetime = Field(index=True)
    event: str = Field(max_length=40)
    account_id: int | None = Field(default=None, foreign_key="user_account.id", index=True)
    client_ip: str = Field(default="", max_length=64)
    detail: str = Field(default="", max_length=300)
