"""Handing a new login session to the browser over HTTP, never over the websocket.

``login`` starts the session with a secret nobody ever learns and returns a *handoff*: a
signed token (60 s, single use) naming the session row and the page to open next. The
browser opens ``/_session/start?h=<handoff>`` (heka_app/session_routes.py), whose
response sets the session cookie ``HttpOnly``: :func:`redeem_handoff` claims the token
once, gives the session a fresh secret and returns it only to that HTTP response. So the
secret is never in a state var, a delta or JavaScript's reach; a handoff seen in a proxy
log is already used.

Logout and the kiosk wipe go to ``/_session/end?r=<return>``; the return token (signed,
12 h) names the page to go back to, so the route is no open redirect.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session

from heka_app.models import LoginSession
from heka_app.services.auth import tokens
from heka_app.services.auth.one_time_links import consume
from heka_app.services.common.secrets import hash_secret, new_secret

HANDOFF = "session-handoff"
RETURN = "session-return"
HANDOFF_TTL = dt.timedelta(seconds=60)
RETURN_TTL = dt.timedelta(hours=12)


@dataclasses.dataclass(frozen=True)
class Redeemed:
    """A redeemed handoff: the session's new secret (for the cookie) and where to go."""

    secret: str
    next_url: str


def start_pending_session(*, session: Session, account_id: int, now: dt.datetime) -> int:
    """A session whose secret is thrown away at once: usable only after a handoff."""
    row = LoginSession(
        account_id=account_id,
        secret_hash=hash_secret(new_secret()),
        created_at=now,
        last_seen_at=now,
    )
    session.add(row)
    session.flush()
    assert row.id is not None  # flushed
    return row.id


def make_handoff(*, login_session_id: int, next_url: str, now: dt.datetime) -> str:
    """The single-use token the browser exchanges for its session cookie."""
    return tokens.make_signed_token(
        HANDOFF, str(login_session_id), ttl=HANDOFF_TTL, extra={"next": next_url}, now=now
    )


def redeem_handoff(*, session: Session, token: str, now: dt.datetime) -> Redeemed | None:
    """Claim a handoff once; the session gets a new secret, returned only here.

    None for a forged, expired or used token, or a session that has ended meanwhile.
    """
    try:
        signed = tokens.read_signed_token(token or "", HANDOFF, now=now)
    except tokens.InvalidToken:
        return None
    if not signed.subject.isdigit() or not consume(signed.jti, session=session, now=now):
        return None
    row = session.get(LoginSession, int(signed.subject))
    if row is None or row.ended_at is not None or now - row.created_at > HANDOFF_TTL:
        return None
    secret = new_secret()
    row.secret_hash = hash_secret(secret)
    row.last_seen_at = now
    session.flush()
    return Redeemed(secret, str(signed.extra.get("next") or ""))


def make_return(next_url: str, *, now: dt.datetime) -> str:
    """A signed return address for ``/_session/end`` (not secret; only not forgeable)."""
    return tokens.make_signed_token(
        RETURN, "return", ttl=RETURN_TTL, extra={"next": next_url}, now=now
    )


def read_return(token: str, *, now: dt.datetime) -> str | None:
    """The return address of a token from :func:`make_return`, or None."""
    try:
        signed = tokens.read_signed_token(token or "", RETURN, now=now)
    except tokens.InvalidToken:
        return None
    return str(signed.extra.get("next") or "") or None
