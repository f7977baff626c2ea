"""Forgotten password, password change and email change (re-authentication first).

A password change or reset ends the account's other sessions and voids older one-time
links; re-authentication is throttled like a login; every step is logged.
Blocking (argon2): callers run these in a thread.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from heka_app.i18n import N_
from heka_app.models import UserAccount
from heka_app.services.auth import one_time_links, security_log
from heka_app.services.auth import throttle as login_throttle
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.login import TOO_MANY_ATTEMPTS, normalize_email, throttle_keys
from heka_app.services.auth.password_policy import check_new_password
from heka_app.services.auth.passwords import hash_password, verify_password
from heka_app.services.auth.sessions import end_all_sessions
from heka_app.services.mail.templates import (
    email_changed_notice_mail,
    password_changed_mail,
    reset_password_mail,
    verify_email_mail,
)
from heka_app.services.signup.registration import (
    EMAIL_TAKEN,
    LINK_INVALID,
    PASSWORDS_DIFFER,
    Outcome,
    validate_email,
)

WRONG_PASSWORD = N_("The current password is incorrect.")


def request_password_reset(
    *, session: Session, email: str, now: dt.datetime, client_ip: str = ""
) -> Outcome:
    """Build a reset mail if the address belongs to an active account.

    The caller shows the same confirmation either way (and sends in the background), so
    addresses cannot be probed; requests are counted per address and per email so the
    form cannot be used to flood someone's mailbox.
    """
    email = normalize_email(email)
    keys = [f"reset-ip:{client_ip or 'unknown'}", f"reset-to:{email}"]
    if not login_throttle.check_allowed(session, keys=keys, now=now).allowed:
        return Outcome(True)
    login_throttle.record_failure(session, keys=keys, now=now)  # counts requests
    account = session.exec(select(UserAccount).where(UserAccount.email == email)).first()
    if account is None or not account.is_active:
        return Outcome(True)
    link = one_time_links.make_link(one_time_links.RESET_PASSWORD, account, now=now)
    return Outcome(True, mail=reset_password_mail(account.email, link, account.language))


def _password_problems(account: UserAccount, new_password: str, again: str) -> dict[str, str]:
    check = check_new_password(new_password or "", user_inputs=(account.email.split("@")[0],))
    if not check.ok:
        return {"password": check.problems[0]}
    if new_password != again:
        return {"password_again": PASSWORDS_DIFFER}
    return {}


def reset_password(
    *, session: Session, token: str, new_password: str, again: str, now: dt.datetime
) -> Outcome:
    """Set a new password from a reset link; ends every session of the account."""
    link = one_time_links.read_link_token(
        token, one_time_links.RESET_PASSWORD, session=session, now=now
    )
    if link is None:
        return Outcome(False, {"form": LINK_INVALID})
    account = link.account
    errors = _password_problems(account, new_password, again)
    if errors:
        return Outcome(False, errors)
    # Consume first: of two racing uses only the winner sets a password.
    if not one_time_links.consume(link.signed.jti, session=session, now=now):
        return Outcome(False, {"form": LINK_INVALID})
    account.password_hash = hash_password(new_password)
    # Following the emailed link proves the address, e.g. for a never-confirmed account.
    account.email_verified_at = account.email_verified_at or now
    end_all_sessions(session=session, account_id=account.id, now=now)
    # The owner proved control of the mailbox: lift the overall brute-force lock.
    login_throttle.record_success(session, keys=[f"account-all:{account.email}"], now=now)
    security_log.log_security_event(
        session, event=security_log.PASSWORD_RESET, account_id=account.id, now=now
    )
    return Outcome(True, mail=password_changed_mail(account.email, account.language))


def _reauthenticate(
    session: Session, account: UserAccount, password: str, client_ip: str, now: dt.datetime
) -> dict[str, str]:
    """Check the current password, throttled like a login (a stolen session must not
    become an unlimited password oracle)."""
    keys = [f"reauth:{account.id}", *throttle_keys(account.email, client_ip)[1:]]
    if not login_throttle.check_allowed(session, keys=keys, now=now).allowed:
        return {"current": TOO_MANY_ATTEMPTS}
    ok, _ = verify_password((password or "")[:256], account.password_hash)
    if not ok:
        login_throttle.record_failure(session, keys=keys, now=now)
        security_log.log_security_event(
            session, event=security_log.LOGIN_FAILED, account_id=account.id,
            client_ip=client_ip, detail="re-authentication", now=now,
        )  # fmt: skip
        return {"current": WRONG_PASSWORD}
    login_throttle.record_success(session, keys=keys[:1], now=now)
    return {}


def change_password(
    *,
    session: Session,
    actor: Actor,
    current: str,
    new_password: str,
    again: str,
    keep_secret: str,
    now: dt.datetime,
    client_ip: str = "",
) -> Outcome:
    """Change the password after checking the current one; ends the other sessions."""
    account = session.get(UserAccount, actor.account_id)
    errors = _reauthenticate(session, account, current, client_ip, now)
    errors = errors or _password_problems(account, new_password, again)
    if errors:
        return Outcome(False, errors)
    account.password_hash = hash_password(new_password)
    end_all_sessions(session=session, account_id=account.id, now=now, keep_secret=keep_secret)
    security_log.log_security_event(
        session, event=security_log.PASSWORD_CHANGED, account_id=account.id, now=now
    )
    return Outcome(True, mail=password_changed_mail(account.email, account.language))


def request_email_change(
    *,
    session: Session,
    actor: Actor,
    password: str,
    new_email: str,
    now: dt.datetime,
    client_ip: str = "",
) -> tuple[Outcome, list]:
    """Re-authenticate, then mail a confirmation link to the new address.

    Returns:
        The outcome and the mails to send (confirmation to the new address, a notice to
        the old one). The address changes only when the link is opened.
    """
    account = session.get(UserAccount, actor.account_id)
    errors = _reauthenticate(session, account, password, client_ip, now)
    if errors:
        return Outcome(False, errors), []
    email, error = validate_email(new_email)
    if error:
        return Outcome(False, {"email": error}), []
    if session.exec(select(UserAccount).where(UserAccount.email == email)).first():
        return Outcome(False, {"email": EMAIL_TAKEN}), []
    link = one_time_links.make_link(
        one_time_links.CHANGE_EMAIL, account, now=now, extra={"email": email}
    )
    mails = [
        verify_email_mail(email, link, account.language),
        email_changed_notice_mail(account.email, email, account.language),
    ]
    return Outcome(True), mails
