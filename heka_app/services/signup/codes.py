"""Area-office identification: staff check an ID, find the person, issue a one-time code.

Codes are 12 characters from a CSPRNG (no look-alike letters), valid 14 days, single use,
stored only as a hash; issuing a new code cancels the person's earlier unused ones.
Redeeming needs the code plus the identity code and is throttled per client address.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets

from sqlalchemy import update
from sqlmodel import Session, col, or_, select

from heka_app.i18n import N_
from heka_app.models import Person
from heka_app.models.identification import RegistrationCode
from heka_app.services.auth import security_log
from heka_app.services.auth import throttle as login_throttle
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import authorize
from heka_app.services.common.claim_once import claim_once
from heka_app.services.common.clock import helsinki_today
from heka_app.services.common.identity_codes import mask_identity_code
from heka_app.services.common.secrets import hash_secret
from heka_app.services.housing.residency import residency_of
from heka_app.services.signup.eligibility import check_registration_eligibility

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
CODE_TTL = dt.timedelta(days=14)
MAX_ATTEMPTS_PER_CODE = 5

CODE_INVALID = N_("The registration code or personal identity code is not valid.")
CODE_TOO_MANY = N_("Too many attempts. Try again in {minutes} min.")


class NotAllowed(PermissionError):
    """The actor may not issue codes."""


@dataclasses.dataclass(frozen=True)
class PersonMatch:
    """A register person as staff see them: identity code masked."""

    person_id: int
    name: str
    masked_identity_code: str
    residency: str


@dataclasses.dataclass(frozen=True)
class IssuedCode:
    """A code shown once to staff for printing."""

    code: str
    person_name: str
    expires_at: dt.datetime


def format_code(code: str) -> str:
    """``ABCD-EFGH-JKLM`` for reading aloud and printing."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def _canonical(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())[:64]


def find_people(*, session: Session, actor: Actor, query: str, now: dt.datetime):
    """Search the register by full identity code or by name (staff with code rights)."""
    if not authorize(actor, "staff.registration_codes").allowed:
        raise NotAllowed
    text = (query or "").strip()[:80]
    if len(text) < 3:
        return ()
    like = f"%{text}%"
    people = session.exec(
        select(Person)
        .where(
            or_(
                Person.identity_code == text.upper(),
                col(Person.last_name).ilike(like),
                (Person.first_name + " " + Person.last_name).ilike(like),
            )
        )
        .order_by(Person.last_name, Person.first_name)
        .limit(20)
    ).all()
    today = helsinki_today(now)
    return tuple(
        PersonMatch(
            person_id=p.id,
            name=f"{p.first_name} {p.last_name}",
            masked_identity_code=mask_identity_code(p.identity_code),
            residency=residency_of(session=session, person_id=p.id, today=today).status,
        )
        for p in people
    )


def issue_code(*, session: Session, actor: Actor, person_id: int, now: dt.datetime) -> IssuedCode:
    """Issue a new code for a person after staff checked their ID."""
    if not authorize(actor, "staff.registration_codes").allowed:
        raise NotAllowed
    person = session.get(Person, person_id)
    if person is None:
        raise LookupError("no such person")
    for old in session.exec(
        select(RegistrationCode).where(
            RegistrationCode.person_id == person_id, col(RegistrationCode.used_at).is_(None)
        )
    ).all():
        old.expires_at = min(old.expires_at, now)
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    row = RegistrationCode(
        person_id=person_id,
        code_hash=hash_secret(code),
        issued_by_id=actor.account_id,
        created_at=now,
        expires_at=now + CODE_TTL,
    )
    session.add(row)
    session.flush()
    security_log.log_security_event(
        session, event=security_log.REGISTRATION_CODE_ISSUED, account_id=actor.account_id,
        detail=f"person={person_id}", now=now,
    )  # fmt: skip
    return IssuedCode(format_code(code), f"{person.first_name} {person.last_name}", row.expires_at)


def redeem_code(
    *,
    session: Session,
    code: str,
    identity_code: str,
    client_ip: str,
    now: dt.datetime,
    allow_test_codes: bool,
):
    """Check a code against the identity code and the registration rules.

    Returns:
        ``(person_id, "", 0)`` on success (the code is then used up), else
        ``(None, msgid, minutes)``; ``minutes`` fills ``{minutes}`` of a throttled attempt.
    """
    keys = [f"code-ip:{client_ip or 'unknown'}"]
    decision = login_throttle.check_allowed(session, keys=keys, now=now)
    if not decision.allowed:
        return None, CODE_TOO_MANY, max(1, -(-decision.retry_after_seconds // 60))
    row = session.exec(
        select(RegistrationCode).where(RegistrationCode.code_hash == hash_secret(_canonical(code)))
    ).first()
    person = session.get(Person, row.person_id) if row else None
    code_ok = (
        row is not None
        and row.used_at is None
        and row.expires_at > now
        and row.failed_attempts < MAX_ATTEMPTS_PER_CODE
        and person is not None
        and person.identity_code == (identity_code or "").strip().upper()
    )
    if not code_ok:
        if row is not None:
            # One atomic increment: parallel wrong guesses all count toward the cap.
            session.exec(
                update(RegistrationCode)
                .where(RegistrationCode.id == row.id)
                .values(failed_attempts=RegistrationCode.failed_attempts + 1)
            )
        login_throttle.record_failure(session, keys=keys, now=now)
        security_log.log_security_event(
            session, event=security_log.REGISTRATION_CODE_FAILED, client_ip=client_ip, now=now
        )
        return None, CODE_INVALID, 0
    eligibility = check_registration_eligibility(
        session=session, identity_code=person.identity_code, today=helsinki_today(now),
        allow_test_codes=allow_test_codes,
    )  # fmt: skip
    if not eligibility.ok:
        return None, eligibility.error, 0
    if not claim_once(session, RegistrationCode, row.id, now=now):
        return None, CODE_INVALID, 0
    login_throttle.record_success(session, keys=keys, now=now)
    return person.id, "", 0
