"""Registration: an identified person (broker or area-office code) gets a short-lived
ticket, then chooses email and password; the email is confirmed by a one-time link."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from sqlmodel import Session, select

from heka_app.i18n import N_
from heka_app.models import Person, UserAccount
from heka_app.models.identification import RegistrationTicket
from heka_app.services.auth import one_time_links, security_log
from heka_app.services.auth.login import normalize_email
from heka_app.services.auth.password_policy import check_new_password
from heka_app.services.auth.passwords import hash_password
from heka_app.services.common.secrets import hash_secret, new_secret
from heka_app.services.mail.sender import OutgoingMail
from heka_app.services.mail.templates import verify_email_mail

TICKET_TTL = dt.timedelta(minutes=30)
EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")

TICKET_EXPIRED = N_("Your identification has expired. Please identify yourself again.")
INVALID_EMAIL = N_("Enter a valid email address, e.g. name@example.com.")
EMAIL_TAKEN = N_("This email address is already in use. Use another address or log in.")
PASSWORDS_DIFFER = N_("The passwords do not match.")
LINK_INVALID = N_("The link is invalid, expired or already used.")


@dataclasses.dataclass(frozen=True)
class Outcome:
    """Result of a step: ``errors`` maps a form field to a msgid; ``mail`` is to be sent."""

    ok: bool
    errors: dict[str, str] = dataclasses.field(default_factory=dict)
    mail: OutgoingMail | None = None
    greeting_name: str = ""


def issue_ticket(*, session: Session, person_id: int, method: str, now: dt.datetime) -> str:
    """Create a registration ticket for an identified person; returns its secret."""
    secret = new_secret()
    session.add(
        RegistrationTicket(
            secret_hash=hash_secret(secret),
            person_id=person_id,
            method=method,
            created_at=now,
            expires_at=now + TICKET_TTL,
        )
    )
    session.flush()
    return secret


def ticket_person(*, session: Session, secret: str, now: dt.datetime) -> Person | None:
    """The person of a valid, unused ticket."""
    ticket = _ticket(session, secret, now)
    return session.get(Person, ticket.person_id) if ticket else None


def _ticket(session: Session, secret: str, now: dt.datetime) -> RegistrationTicket | None:
    if not secret:
        return None
    ticket = session.exec(
        select(RegistrationTicket).where(RegistrationTicket.secret_hash == hash_secret(secret))
    ).first()
    if ticket is None or ticket.used_at is not None or ticket.expires_at < now:
        return None
    return ticket


def validate_email(raw: str) -> tuple[str, str]:
    """``(normalized, error_msgid)``; the error is empty when the address looks valid."""
    email = normalize_email(raw)
    if len(email) > 254 or not EMAIL_RE.match(email):
        return email, INVALID_EMAIL
    return email, ""


def complete_registration(
    *,
    session: Session,
    ticket_secret: str,
    email: str,
    password: str,
    password_again: str,
    language: str,
    client_ip: str,
    now: dt.datetime,
) -> Outcome:
    """Create the account (email unconfirmed) and build the confirmation mail.

    Blocking (argon2): run it in a thread.
    """
    ticket = _ticket(session, ticket_secret, now)
    if ticket is None:
        return Outcome(False, {"form": TICKET_EXPIRED})
    person = session.get(Person, ticket.person_id)
    email, email_error = validate_email(email)
    errors: dict[str, str] = {}
    if email_error:
        errors["email"] = email_error
    elif session.exec(select(UserAccount).where(UserAccount.email == email)).first():
        errors["email"] = EMAIL_TAKEN
    check = check_new_password(
        password or "", user_inputs=(email.split("@")[0], person.first_name, person.last_name)
    )
    if not check.ok:
        errors["password"] = check.problems[0]
    elif password != password_again:
        errors["password_again"] = PASSWORDS_DIFFER
    if errors:
        return Outcome(False, errors)
    account = UserAccount(
        email=email,
        password_hash=hash_password(password),
        language=language,
        person_id=person.id,
        created_at=now,
    )
    session.add(account)
    ticket.used_at = now
    session.flush()
    security_log.log_security_event(
        session, event=security_log.REGISTERED, account_id=account.id, client_ip=client_ip,
        detail=f"method={ticket.method}", now=now,
    )  # fmt: skip
    link = one_time_links.make_link(one_time_links.VERIFY_EMAIL, account, now=now)
    return Outcome(
        True, mail=verify_email_mail(email, link, language), greeting_name=person.first_name
    )


def confirm_email(*, session: Session, token: str, now: dt.datetime) -> Outcome:
    """Confirm a new account's address, or apply an email change, from a one-time link."""
    for purpose in (one_time_links.VERIFY_EMAIL, one_time_links.CHANGE_EMAIL):
        link = one_time_links.read_link_token(token, purpose, session=session, now=now)
        if link is not None:
            break
    else:
        return Outcome(False, {"form": LINK_INVALID})
    account = link.account
    if purpose == one_time_links.CHANGE_EMAIL:
        new_email = link.signed.extra.get("email", "")
        if session.exec(select(UserAccount).where(UserAccount.email == new_email)).first():
            return Outcome(False, {"form": EMAIL_TAKEN})
    if not one_time_links.consume(link.signed.jti, session=session, now=now):
        return Outcome(False, {"form": LINK_INVALID})
    if purpose == one_time_links.CHANGE_EMAIL:
        account.email = new_email
        security_log.log_security_event(
            session, event=security_log.EMAIL_CHANGED, account_id=account.id, now=now
        )
    account.email_verified_at = now
    session.flush()
    return Outcome(True)
