"""Forgotten password, password change and email change (re-authentication first).

A password change or reset ends the account's other sessions; every step is logged.
Blocking (argon2): callers run these in a thread.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from heka_app.i18n import N_
from heka_app.models import UserAccount
from heka_app.services import one_time_links, security_log
from heka_app.services.actor import Actor
from heka_app.services.login import normalize_email
from heka_app.services.mail_templates import (
    email_changed_notice_mail,
    password_changed_mail,
    reset_password_mail,
    verify_email_mail,
)
from heka_app.services.password_policy import check_new_password
from heka_app.services.passwords import hash_password, verify_password
from heka_app.services.registration import (
    EMAIL_TAKEN,
    LINK_INVALID,
    PASSWORDS_DIFFER,
    Outcome,
    validate_email,
)
from heka_app.services.sessions import end_all_sessions

WRONG_PASSWORD = N_("The current password is incorrect.")


def request_password_reset(*, session: Session, email: str, now: dt.datetime) -> Outcome:
    """Build a reset mail if the address belongs to an active account.

    The caller shows the same confirmation either way, so addresses cannot be probed.
    """
    account = session.exec(
        select(UserAccount).where(UserAccount.email == normalize_email(email))
    ).first()
    if account is None or not account.is_active:
        return Outcome(True)
    link = one_time_links.make_link(one_time_links.RESET_PASSWORD, account.id, now=now)
    return Outcome(True, mail=reset_password_mail(account.email, link, account.language))


def _set_password(
    session: Session, account: UserAccount, new_password: str, again: str
) -> dict[str, str]:
    check = check_new_password(new_password or "", user_inputs=(account.email.split("@")[0],))
    if not check.ok:
        return {"password": check.problems[0]}
    if new_password != again:
        return {"password_again": PASSWORDS_DIFFER}
    account.password_hash = hash_password(new_password)
    return {}


def reset_password(
    *, session: Session, token: str, new_password: str, again: str, now: dt.datetime
) -> Outcome:
    """Set a new password from a reset link; ends every session of the account."""
    signed = one_time_links.read_link_token(
        token, one_time_links.RESET_PASSWORD, session=session, now=now
    )
    account = session.get(UserAccount, int(signed.subject)) if signed else None
    if account is None:
        return Outcome(False, {"form": LINK_INVALID})
    errors = _set_password(session, account, new_password, again)
    if errors:
        return Outcome(False, errors)
    if not one_time_links.consume(signed.jti, session=session, now=now):
        return Outcome(False, {"form": LINK_INVALID})
    # Following the emailed link proves the address, e.g. for a never-confirmed account.
    account.email_verified_at = account.email_verified_at or now
    end_all_sessions(session=session, account_id=account.id, now=now)
    security_log.log_security_event(
        session, event=security_log.PASSWORD_RESET, account_id=account.id, now=now
    )
    return Outcome(True, mail=password_changed_mail(account.email, account.language))


def change_password(
    *,
    session: Session,
    actor: Actor,
    current: str,
    new_password: str,
    again: str,
    keep_secret: str,
    now: dt.datetime,
) -> Outcome:
    """Change the password after checking the current one; ends the other sessions."""
    account = session.get(UserAccount, actor.account_id)
    ok, _ = verify_password((current or "")[:256], account.password_hash)
    if not ok:
        return Outcome(False, {"current": WRONG_PASSWORD})
    errors = _set_password(session, account, new_password, again)
    if errors:
        return Outcome(False, errors)
    end_all_sessions(session=session, account_id=account.id, now=now, keep_secret=keep_secret)
    security_log.log_security_event(
        session, event=security_log.PASSWORD_CHANGED, account_id=account.id, now=now
    )
    return Outcome(True, mail=password_changed_mail(account.email, account.language))


def request_email_change(
    *, session: Session, actor: Actor, password: str, new_email: str, now: dt.datetime
) -> tuple[Outcome, list]:
    """Re-authenticate, then mail a confirmation link to the new address.

    Returns:
        The outcome and the mails to send (confirmation to the new address, a notice to
        the old one). The address changes only when the link is opened.
    """
    account = session.get(UserAccount, actor.account_id)
    ok, _ = verify_password((password or "")[:256], account.password_hash)
    if not ok:
        return Outcome(False, {"current": WRONG_PASSWORD}), []
    email, error = validate_email(new_email)
    if error:
        return Outcome(False, {"email": error}), []
    if session.exec(select(UserAccount).where(UserAccount.email == email)).first():
        return Outcome(False, {"email": EMAIL_TAKEN}), []
    link = one_time_links.make_link(
        one_time_links.CHANGE_EMAIL, account.id, now=now, extra={"email": email}
    )
    mails = [
        verify_email_mail(email, link, account.language),
        email_changed_notice_mail(account.email, email, account.language),
    ]
    return Outcome(True), mails
