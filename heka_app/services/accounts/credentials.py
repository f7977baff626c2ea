"""Forgotten password, password change and email change (re-authentication first).

A password change or reset ends the account's other sessions and voids older one-time
links; re-authentication is throttled like a login; every step is logged. Mails are queued
in the same transaction (services/mail/jobs.py). Blocking (argon2): callers run these in a
thread.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from heka_app.i18n import N_
from heka_app.models import UserAccount
from heka_app.services.accounts.permissions import CHANGE_EMAIL, CHANGE_PASSWORD
from heka_app.services.accounts.reset_requests import (  # re-exported for the state
    request_password_reset as request_password_reset,
)
from heka_app.services.auth import one_time_links, security_log
from heka_app.services.auth import throttle as login_throttle
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.auth.login import TOO_MANY_ATTEMPTS, throttle_keys
from heka_app.services.auth.one_time_links import LINK_INVALID
from heka_app.services.auth.password_policy import new_password_errors
from heka_app.services.auth.passwords import hash_password, hashes_passwords, verify_password
from heka_app.services.auth.sessions import end_all_sessions
from heka_app.services.auth.throttle_commit import reserve_committed, take_back
from heka_app.services.common.emails import email_problem, normalize_email
from heka_app.services.common.results import FormResult
from heka_app.services.mail.jobs import enqueue_mail
from heka_app.services.mail.templates import (
    address_in_use_mail,
    email_changed_notice_mail,
    password_changed_mail,
    verify_email_mail,
)

WRONG_PASSWORD = N_("The current password is incorrect.")


def _new_password_errors(account: UserAccount, new_password: str, again: str) -> dict[str, str]:
    return new_password_errors(new_password, again, user_inputs=(account.email.split("@")[0],))


def _password_changed(session: Session, account: UserAccount, event: str, now: dt.datetime):
    security_log.log_security_event(session, event=event, account_id=account.id, now=now)
    mail = password_changed_mail(account.email, account.language)
    stamp = one_time_links.account_stamp(account)
    enqueue_mail(session, mail, key=f"mail:password-changed:{account.id}:{stamp}", now=now)


@hashes_passwords
def reset_password(
    *, session: Session, token: str, new_password: str, again: str, now: dt.datetime
) -> FormResult:
    """Set a new password from a reset link; ends every session of the account."""
    link = one_time_links.read_link_token(
        token, one_time_links.RESET_PASSWORD, session=session, now=now
    )
    if link is None:
        return FormResult.refused(LINK_INVALID)
    account = link.account
    errors = _new_password_errors(account, new_password, again)
    if errors:
        return FormResult.from_errors(errors)
    # Hashed before the first write, so no write lock is held while argon2 runs.
    new_hash = hash_password(new_password)
    # Consume first: of two racing uses only the winner sets a password.
    if not one_time_links.consume(link.signed.jti, session=session, now=now):
        return FormResult.refused(LINK_INVALID)
    account.password_hash = new_hash
    # Following the emailed link proves the address, e.g. for a never-confirmed account.
    account.email_verified_at = account.email_verified_at or now
    assert account.id is not None  # loaded from the database
    end_all_sessions(session=session, account_id=account.id, now=now)
    # The owner proved control of the mailbox: lift the overall brute-force lock.
    login_throttle.record_success(session, keys=[f"account-all:{account.email}"], now=now)
    _password_changed(session, account, security_log.PASSWORD_RESET, now)
    return FormResult.done()


def reauthenticate(
    session: Session, account: UserAccount, password: str, client_ip: str, now: dt.datetime
) -> FormResult | None:
    """Check the current password, throttled like a login (a stolen session must not
    become an unlimited password oracle). None when it is right.

    Commits the session (the reservation, then the give-back): call it before writing.
    """
    keys = [f"reauth:{account.id}", *throttle_keys(account.email, client_ip)[1:]]
    # Counted and committed before the check, like a login: a parallel burst gets no
    # more tries, and no write lock is held while argon2 runs (throttle_commit.py).
    decision = reserve_committed(session, keys=keys, now=now)
    if not decision.allowed:
        minutes = decision.retry_after_minutes
        return FormResult(
            False, field_errors={"current": TOO_MANY_ATTEMPTS}, params={"minutes": minutes}
        )
    ok, _ = verify_password((password or "")[:256], account.password_hash)
    if not ok:
        security_log.log_security_event(
            session,
            event=security_log.LOGIN_FAILED,
            account_id=account.id,
            client_ip=client_ip,
            detail="re-authentication",
            now=now,
        )
        return FormResult.refused(current=WRONG_PASSWORD)
    # A right password does not reset the count: whoever holds the session knows it
    # after one success, and must not earn unlimited address probes with it (finding 4).
    # Only this attempt is given back (and committed: the caller may hash next).
    take_back(session, keys=keys, now=now)
    return None


@hashes_passwords
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
) -> FormResult:
    """Change the password after checking the current one; ends the other sessions.

    Raises:
        NotAllowed: The actor may not change a password (e.g. anonymous).
    """
    require(actor, CHANGE_PASSWORD)
    account = session.get_one(UserAccount, actor.account_id)  # a signed-in actor's own row
    refused = reauthenticate(session, account, current, client_ip, now)
    if refused is not None:
        return refused
    errors = _new_password_errors(account, new_password, again)
    if errors:
        return FormResult.from_errors(errors)
    account.password_hash = hash_password(new_password)
    assert account.id is not None  # loaded from the database
    end_all_sessions(session=session, account_id=account.id, now=now, keep_secret=keep_secret)
    _password_changed(session, account, security_log.PASSWORD_CHANGED, now)
    return FormResult.done()


@hashes_passwords
def request_email_change(
    *,
    session: Session,
    actor: Actor,
    password: str,
    new_email: str,
    now: dt.datetime,
    client_ip: str = "",
) -> FormResult:
    """Re-authenticate, then mail a confirmation link to the new address and a notice to
    the old one. The address changes only when the link is opened.

    Raises:
        NotAllowed: The actor may not change an email address.
    """
    require(actor, CHANGE_EMAIL)
    account = session.get_one(UserAccount, actor.account_id)  # a signed-in actor's own row
    refused = reauthenticate(session, account, password, client_ip, now)
    if refused is not None:
        return refused
    email = normalize_email(new_email)
    problem = email_problem(email)
    if problem:
        return FormResult.refused(email=problem)
    requests = [f"email-change:{account.id}"]
    decision = login_throttle.check_allowed(session, keys=requests, now=now)
    if not decision.allowed:
        minutes = decision.retry_after_minutes
        return FormResult(
            False, field_errors={"email": TOO_MANY_ATTEMPTS}, params={"minutes": minutes}
        )
    login_throttle.record_failure(session, keys=requests, now=now)  # counts requests
    security_log.log_security_event(
        session,
        event=security_log.EMAIL_CHANGE_REQUESTED,
        account_id=account.id,
        client_ip=client_ip,
        now=now,
    )
    link = one_time_links.make_link(
        one_time_links.CHANGE_EMAIL, account, now=now, extra={"email": email}
    )
    owner = session.exec(select(UserAccount).where(UserAccount.email == email)).first()
    if owner is None:
        enqueue_mail(
            session,
            verify_email_mail(email, link.url, account.language),
            key=f"mail:change-email:{link.jti}",
            now=now,
            valid_for=link.valid_for,
        )
    else:  # the same answer and mails; the address's owner is told instead of the asker
        enqueue_mail(
            session,
            address_in_use_mail(owner.email, owner.language),
            key=f"mail:address-in-use:{link.jti}",
            now=now,
        )
    enqueue_mail(
        session,
        email_changed_notice_mail(account.email, email, account.language),
        key=f"mail:change-email-notice:{link.jti}",
        now=now,
    )
    return FormResult.done()
