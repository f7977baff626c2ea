"""Log in with email and password: throttled, timing-safe, logged, lease-checked.

Unknown email and wrong password give the same message and take the same time (a dummy
hash is verified). Runs blocking work (argon2): callers use ``asyncio.to_thread``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

from sqlmodel import Session, select

from heka_app import routes
from heka_app.i18n import N_
from heka_app.models import UserAccount
from heka_app.services.auth import security_log
from heka_app.services.auth import throttle as login_throttle
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.devices import device_account, device_key, new_device_token
from heka_app.services.auth.handoff import make_handoff, start_pending_session
from heka_app.services.auth.passwords import hash_password, hashes_passwords, verify_password
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.auth.throttle_commit import reserve_committed
from heka_app.services.common.emails import normalize_email

MAX_EMAIL_LENGTH = 254
MAX_PASSWORD_LENGTH = 256

WRONG_CREDENTIALS = N_("Email address or password is incorrect.")
TOO_MANY_ATTEMPTS = N_("Too many attempts. Try again in {minutes} min.")
EMAIL_NOT_VERIFIED = N_("Confirm your email address first: open the link we sent you.")
LEASE_NOT_VALID = N_(
    "Your lease has ended or has not been found, so you cannot log in. "
    "Contact customer service if this is wrong."
)


@dataclasses.dataclass(frozen=True)
class LoginResult:
    """Outcome of a login attempt; ``error`` is a msgid. ``handoff`` is the single-use
    token the browser exchanges at ``/_session/start`` for its HttpOnly session cookie
    (services/auth/handoff.py): the session secret itself never leaves the server here."""

    ok: bool
    handoff: str = ""
    actor: Actor | None = None
    error: str = ""
    retry_after_seconds: int = 0
    device: str = ""  # the device cookie to keep (services/auth/devices.py), on success


@functools.cache
def _dummy_hash() -> str:
    return hash_password("dummy password for timing equality")


def throttle_keys(email: str, client_ip: str) -> list[str]:
    """Failures count per account and address, per account overall, and per address.

    The account is keyed by the typed email, known or not, so unknown and known
    addresses behave alike.
    """
    address = client_ip or "unknown"
    return [f"account:{email}|{address}", f"account-all:{email}", f"ip:{address}"]


def _login_keys(session: Session, email: str, client_ip: str, device: str) -> list[str]:
    """A browser that signed in to this account before counts only its own failures:
    strangers' failures (other devices, any address) never lock it out (finding 1)."""
    owner_id = device_account(device)
    if owner_id is not None:
        owner = session.get(UserAccount, owner_id)
        if owner is not None and owner.email == email:
            return [device_key(device)]
    return throttle_keys(email, client_ip)


@hashes_passwords
def login(
    *,
    session: Session,
    email: str,
    password: str,
    client_ip: str,
    now: dt.datetime,
    device: str = "",
    origin: str = "",
) -> LoginResult:
    """Check the credentials and start a session.

    Args:
        session: Database session: the throttle's reservation is committed here, before
            the hash check; the caller commits the rest.
        email: What the user typed.
        password: What the user typed (never logged).
        client_ip: The real peer address, for throttling and the security log.
        device: The browser's device cookie, if any.
        origin: The page's origin (``https://host``): the handoff returns there.
        now: Current aware UTC time.

    Returns:
        A :class:`LoginResult`.
    """
    email = normalize_email(email)
    if not isinstance(password, str) or not email or len(email) > MAX_EMAIL_LENGTH:
        return LoginResult(False, error=WRONG_CREDENTIALS)
    keys = _login_keys(session, email, client_ip, str(device or ""))
    # Counted before the password is checked (atomic: a parallel burst gets no more tries)
    # and committed, so no write lock is held while argon2 runs (throttle_commit.py).
    decision = reserve_committed(session, keys=keys, now=now)
    if not decision.allowed:
        security_log.log_security_event(
            session, event=security_log.LOCKED_OUT, client_ip=client_ip, now=now
        )
        minutes = decision.retry_after_minutes
        return LoginResult(
            False, error=TOO_MANY_ATTEMPTS, retry_after_seconds=max(60, minutes * 60)
        )
    account = session.exec(select(UserAccount).where(UserAccount.email == email)).first()
    candidate = password[:MAX_PASSWORD_LENGTH]
    ok, new_hash = verify_password(candidate, account.password_hash if account else _dummy_hash())
    if not ok or account is None or not account.is_active:
        security_log.log_security_event(
            session,
            event=security_log.LOGIN_FAILED,
            account_id=account.id if account else None,
            client_ip=client_ip,
            now=now,
        )
        return LoginResult(False, error=WRONG_CREDENTIALS)
    login_throttle.release(session, keys=keys, now=now)
    if new_hash:
        account.password_hash = new_hash
    if account.email_verified_at is None:
        return LoginResult(False, error=EMAIL_NOT_VERIFIED)
    actor = actor_for_account(session=session, account=account, now=now)
    if actor is None:
        security_log.log_security_event(
            session,
            event=security_log.LOGIN_REFUSED,
            account_id=account.id,
            client_ip=client_ip,
            detail="no valid lease",
            now=now,
        )
        return LoginResult(False, error=LEASE_NOT_VALID)
    assert account.id is not None  # read from the database, so it has its key
    login_session_id = start_pending_session(session=session, account_id=account.id, now=now)
    security_log.log_security_event(
        session,
        event=security_log.LOGIN_SUCCEEDED,
        account_id=account.id,
        client_ip=client_ip,
        now=now,
    )
    known = device_account(device) == account.id
    # Back to the login page, now with the cookie: it forwards a signed-in user to their
    # front page in the browser (a full load of /home would end up at /home/).
    handoff = make_handoff(
        login_session_id=login_session_id, next_url=f"{origin}{routes.LOGIN}", now=now
    )
    return LoginResult(
        True, handoff=handoff, actor=actor, device=device if known else new_device_token(account.id)
    )
