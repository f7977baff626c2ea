"""Registration: an identified person (broker or area-office code) gets a short-lived
ticket, then chooses email and password; the email is confirmed by a one-time link."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, select

from heka_app.i18n import N_
from heka_app.models import Person, UserAccount
from heka_app.models.identification import RegistrationTicket
from heka_app.services.auth import one_time_links, security_log
from heka_app.services.auth.one_time_links import LINK_INVALID
from heka_app.services.auth.password_policy import new_password_errors
from heka_app.services.auth.passwords import hash_password, hashes_passwords
from heka_app.services.common.emails import EMAIL_TAKEN, email_problem, email_taken, normalize_email
from heka_app.services.common.results import FormResult
from heka_app.services.common.secrets import hash_secret, new_secret
from heka_app.services.mail.jobs import enqueue_mail
from heka_app.services.mail.templates import address_in_use_mail, verify_email_mail

TICKET_TTL = dt.timedelta(minutes=30)
TICKET_EXPIRED = N_("Your identification has expired. Please identify yourself again.")


@dataclasses.dataclass(frozen=True)
class Identified:
    """An identification step's answer (broker or area-office code): ``ticket`` on
    success, else ``error`` is a msgid whose ``{minutes}`` is ``minutes``."""

    ticket: str = ""
    first_name: str = ""
    error: str = ""
    minutes: int = 0


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


@hashes_passwords
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
) -> FormResult:
    """Create the account (email unconfirmed) and queue the confirmation mail.

    Blocking (argon2): run it in a thread.
    """
    ticket = _ticket(session, ticket_secret, now)
    if ticket is None:
        return FormResult.refused(TICKET_EXPIRED)
    person = session.get_one(Person, ticket.person_id)  # the ticket's foreign key
    email = normalize_email(email)
    errors: dict[str, str] = {}
    problem = email_problem(email)
    if problem:
        errors["email"] = problem
    personal = (email.split("@")[0], person.first_name, person.last_name)
    errors.update(new_password_errors(password, password_again, user_inputs=personal))
    if errors:
        return FormResult.from_errors(errors)
    owner = session.exec(select(UserAccount).where(UserAccount.email == email)).first()
    if owner is not None:
        # The same answer as a new account (no oracle): the ticket is used up and the
        # address's owner is told, the registrant sees "check your mail".
        hash_password(password)  # the same work as the real path
        ticket.used_at = now
        session.flush()
        notice = address_in_use_mail(owner.email, owner.language)
        enqueue_mail(session, notice, key=f"mail:address-in-use:ticket:{ticket.id}", now=now)
        return FormResult.done()
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
        session,
        event=security_log.REGISTERED,
        account_id=account.id,
        client_ip=client_ip,
        detail=f"method={ticket.method}",
        now=now,
    )
    link = one_time_links.make_link(one_time_links.VERIFY_EMAIL, account, now=now)
    mail = verify_email_mail(email, link.url, language)
    enqueue_mail(session, mail, key=f"mail:verify:{link.jti}", now=now, valid_for=link.valid_for)
    return FormResult.done()


def confirm_email(*, session: Session, token: str, now: dt.datetime) -> FormResult:
    """Confirm a new account's address, or apply an email change, from a one-time link."""
    for purpose in (one_time_links.VERIFY_EMAIL, one_time_links.CHANGE_EMAIL):
        link = one_time_links.read_link_token(token, purpose, session=session, now=now)
        if link is not None:
            break
    else:
        return FormResult.refused(LINK_INVALID)
    account = link.account
    if purpose == one_time_links.CHANGE_EMAIL:
        new_email = link.signed.extra.get("email", "")
        if email_taken(session, new_email):
            return FormResult.refused(EMAIL_TAKEN)
    if not one_time_links.consume(link.signed.jti, session=session, now=now):
        return FormResult.refused(LINK_INVALID)
    if purpose == one_time_links.CHANGE_EMAIL:
        account.email = new_email
        security_log.log_security_event(
            session, event=security_log.EMAIL_CHANGED, account_id=account.id, now=now
        )
    else:
        security_log.log_security_event(
            session, event=security_log.EMAIL_VERIFIED, account_id=account.id, now=now
        )
    account.email_verified_at = now
    session.flush()
    return FormResult.done()
