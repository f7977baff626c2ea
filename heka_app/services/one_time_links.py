"""Signed one-time links (email verification, email change, password reset).

The token is signed and expiring (services/tokens.py); single use is enforced here by
recording its jti in a UNIQUE column, so two concurrent uses give one success.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from heka_app.models.identification import UsedToken
from heka_app.services import tokens
from heka_app.settings import get_settings

VERIFY_EMAIL = "verify-email"
CHANGE_EMAIL = "change-email"
RESET_PASSWORD = "reset-password"  # noqa: S105 - a token purpose
LINK_TTL = {
    VERIFY_EMAIL: dt.timedelta(days=2),
    CHANGE_EMAIL: dt.timedelta(days=2),
    RESET_PASSWORD: dt.timedelta(hours=1),
}
PATHS = {VERIFY_EMAIL: "/verify-email", CHANGE_EMAIL: "/verify-email", RESET_PASSWORD: "/reset"}


def make_link(purpose: str, account_id: int, *, now: dt.datetime, extra: dict | None = None):
    """The full URL of a one-time link for an account."""
    token = tokens.make_signed_token(
        purpose, str(account_id), ttl=LINK_TTL[purpose], extra=extra, now=now
    )
    return f"{get_settings().public_base_url}{PATHS[purpose]}?token={token}"


def read_link_token(token: str, purpose: str, *, session: Session, now: dt.datetime):
    """The token's contents if valid, unexpired and not used before; else None."""
    try:
        signed = tokens.read_signed_token(token or "", purpose, now=now)
    except tokens.InvalidToken:
        return None
    if session.exec(select(UsedToken).where(UsedToken.jti == signed.jti)).first():
        return None
    return signed


def consume(jti: str, *, session: Session, now: dt.datetime) -> bool:
    """Record a token as used; False if it already was (also under a concurrent race)."""
    try:
        with session.begin_nested():
            session.add(UsedToken(jti=jti, used_at=now))
            session.flush()
    except IntegrityError:
        return False
    return True
