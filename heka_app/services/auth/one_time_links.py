"""Signed one-time links (email verification, email change, password reset).

The token is signed and expiring (services/auth/tokens.py); single use is enforced here by
recording its jti in a UNIQUE column, so two concurrent uses give one success. Each link
also carries a stamp of the account's email and password hash: a password reset or an
email change voids every link issued before it (e.g. an attacker's pending email change).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

from sqlmodel import Session, select

from heka_app import routes
from heka_app.i18n import N_
from heka_app.models import UserAccount
from heka_app.models.identification import UsedToken
from heka_app.services.auth import tokens
from heka_app.services.common.insert_once import insert_once
from heka_app.services.common.tables import table_of
from heka_app.settings import get_settings

VERIFY_EMAIL = "verify-email"
CHANGE_EMAIL = "change-email"
RESET_PASSWORD = "reset-password"  # noqa: S105 - a token purpose
LINK_INVALID = N_("The link is invalid, expired or already used.")
LINK_TTL = {
    VERIFY_EMAIL: dt.timedelta(days=2),
    CHANGE_EMAIL: dt.timedelta(days=2),
    RESET_PASSWORD: dt.timedelta(hours=1),
}
PATHS = {
    VERIFY_EMAIL: routes.VERIFY_EMAIL,
    CHANGE_EMAIL: routes.VERIFY_EMAIL,
    RESET_PASSWORD: routes.RESET_PASSWORD,
}


@dataclasses.dataclass(frozen=True)
class LinkUse:
    """A valid, unused link and the active account it belongs to."""

    signed: tokens.SignedToken
    account: UserAccount


def account_stamp(account: UserAccount) -> str:
    """Changes whenever the account's email or password changes."""
    material = f"{account.id}|{account.email}|{account.password_hash}".encode()
    return hashlib.sha256(material).hexdigest()[:24]


@dataclasses.dataclass(frozen=True)
class OneTimeLink:
    """A link to mail: its URL, its token id (names the mail job; not a secret) and how
    long it works."""

    url: str
    jti: str
    valid_for: dt.timedelta


def make_link(
    purpose: str, account: UserAccount, *, now: dt.datetime, extra: dict | None = None
) -> OneTimeLink:
    """A one-time link for an account."""
    claims = {**(extra or {}), "stamp": account_stamp(account)}
    token = tokens.make_signed_token(
        purpose, str(account.id), ttl=LINK_TTL[purpose], extra=claims, now=now
    )
    jti = tokens.read_signed_token(token, purpose, now=now).jti
    url = f"{get_settings().public_base_url}{PATHS[purpose]}?token={token}"
    return OneTimeLink(url, jti, LINK_TTL[purpose])


def read_link_token(
    token: str, purpose: str, *, session: Session, now: dt.datetime
) -> LinkUse | None:
    """The link's contents if valid, unexpired, unused and still matching the account."""
    try:
        signed = tokens.read_signed_token(token or "", purpose, now=now)
    except tokens.InvalidToken:
        return None
    if session.exec(select(UsedToken).where(UsedToken.jti == signed.jti)).first():
        return None
    account = session.get(UserAccount, int(signed.subject)) if signed.subject.isdigit() else None
    if account is None or not account.is_active:
        return None
    if signed.extra.get("stamp") != account_stamp(account):
        return None
    return LinkUse(signed, account)


def consume(jti: str, *, session: Session, now: dt.datetime) -> bool:
    """Record a token as used; False if it already was (also under a concurrent race)."""
    return insert_once(session, table_of(UsedToken), {"jti": jti, "used_at": now}, unique="jti")
