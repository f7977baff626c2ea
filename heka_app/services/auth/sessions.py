"""Server-side login sessions: created at login, re-checked on every protected event.

The browser holds a random 256-bit secret; only its SHA-256 is stored. A session ends
after 30 idle minutes (2 in kiosk mode) or 12 hours in all, at logout, at a password
change (other sessions), and at once when the account is disabled or the lease ended.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from heka_app.models import LoginSession, Person, UserAccount
from heka_app.services.auth import security_log
from heka_app.services.auth.actor import Actor, resident_actor
from heka_app.services.auth.actor_lookup import quick_actor
from heka_app.services.common.clock import helsinki_today
from heka_app.services.common.secrets import hash_secret, new_secret
from heka_app.services.housing.residency import residency_of
from heka_app.settings import get_settings

IDLE_TIMEOUT = dt.timedelta(minutes=30)
KIOSK_IDLE_TIMEOUT = dt.timedelta(minutes=2)
ABSOLUTE_TIMEOUT = dt.timedelta(hours=12)
# last_seen_at is written at most this often: one write a minute, not one per event.
TOUCH_INTERVAL = dt.timedelta(seconds=30)


def idle_timeout() -> dt.timedelta:
    """30 minutes; 2 minutes on a shared kiosk at an area office."""
    return KIOSK_IDLE_TIMEOUT if get_settings().kiosk_mode else IDLE_TIMEOUT


def start_session(*, session: Session, account_id: int, now: dt.datetime) -> str:
    """Create a session for a just-authenticated account; returns the browser's secret."""
    secret = new_secret()
    session.add(
        LoginSession(
            account_id=account_id,
            secret_hash=hash_secret(secret),
            created_at=now,
            last_seen_at=now,
        )
    )
    session.flush()
    return secret


def _end(rows, now: dt.datetime) -> int:
    count = 0
    for row in rows:
        if row.ended_at is None:
            row.ended_at = now
            count += 1
    return count


def end_session(*, session: Session, secret: str, now: dt.datetime) -> int | None:
    """End the session of ``secret``; returns its account id (None if unknown)."""
    row = session.exec(
        select(LoginSession).where(LoginSession.secret_hash == hash_secret(secret or ""))
    ).first()
    if row is None:
        return None
    if _end([row], now):
        security_log.log_security_event(
            session, event=security_log.LOGGED_OUT, account_id=row.account_id, now=now
        )
    session.flush()
    return row.account_id


def _log_ended(session: Session, account_id: int | None, reason: str, now: dt.datetime) -> None:
    security_log.log_security_event(
        session, event=security_log.SESSION_ENDED, account_id=account_id, detail=reason, now=now
    )


def end_all_sessions(
    *, session: Session, account_id: int, now: dt.datetime, keep_secret: str | None = None
) -> int:
    """End every open session of an account, except the one of ``keep_secret``."""
    query = select(LoginSession).where(
        LoginSession.account_id == account_id, col(LoginSession.ended_at).is_(None)
    )
    if keep_secret:
        query = query.where(LoginSession.secret_hash != hash_secret(keep_secret))
    count = _end(session.exec(query).all(), now)
    session.flush()
    return count


def resolve_actor(
    *, session: Session, secret: str, now: dt.datetime, idle_timeout: dt.timedelta = IDLE_TIMEOUT
) -> Actor | None:
    """The actor behind a session secret, or None when there is no valid session.

    Expired sessions are ended; a tenant whose lease has ended loses every session here,
    so the change takes effect on the very next event.
    """
    if not secret or len(secret) > 200:
        return None
    secret_hash = hash_secret(secret)
    # The common case, nothing to write: one statement (auth/actor_lookup.py).
    actor = quick_actor(
        session=session,
        secret_hash=secret_hash,
        now=now,
        idle_timeout=idle_timeout,
        absolute_timeout=ABSOLUTE_TIMEOUT,
        touch_interval=TOUCH_INTERVAL,
    )
    if actor is not None:
        return actor
    row = session.exec(select(LoginSession).where(LoginSession.secret_hash == secret_hash)).first()
    if row is None or row.ended_at is not None:
        return None
    if now - row.last_seen_at > idle_timeout or now - row.created_at > ABSOLUTE_TIMEOUT:
        _end([row], now)
        _log_ended(session, row.account_id, "timed out", now)
        return None
    account = session.get(UserAccount, row.account_id)
    if account is None or not account.is_active:
        end_all_sessions(session=session, account_id=row.account_id, now=now)
        # A vanished account cannot be referenced by the event row.
        _log_ended(session, account.id if account else None, "account closed", now)
        return None
    actor = actor_for_account(session=session, account=account, now=now)
    if actor is None:
        end_all_sessions(session=session, account_id=row.account_id, now=now)
        _log_ended(session, row.account_id, "no valid lease", now)
        return None
    if now - row.last_seen_at > TOUCH_INTERVAL:
        row.last_seen_at = now
        session.flush()
    return actor


def actor_for_account(*, session: Session, account: UserAccount, now: dt.datetime):
    """Build the actor of an account; None for a tenant who may no longer log in."""
    if account.person_id is None:
        return Actor(
            role=account.role,
            account_id=account.id,
            display_name=account.display_name or account.email,
            language=account.language,
        )
    residency = residency_of(
        session=session, person_id=account.person_id, today=helsinki_today(now)
    )
    if not residency.may_log_in:
        return None
    person = session.get(Person, account.person_id)
    return resident_actor(
        role=account.role,
        account_id=account.id,
        person_id=account.person_id,
        residency=residency,
        display_name=f"{person.first_name} {person.last_name}" if person else account.email,
        language=account.language,
    )
