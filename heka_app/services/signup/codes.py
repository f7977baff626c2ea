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
from heka_app.i18n.formatting import format_date
from heka_app.models import Person
from heka_app.models.identification import RegistrationCode
from heka_app.services.auth import security_log
from heka_app.services.auth import throttle as login_throttle
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.common.claim_once import claim_once
from heka_app.services.common.clock import HELSINKI, helsinki_today
from heka_app.services.common.identity_codes import age_on, mask_identity_code
from heka_app.services.common.localized import localized
from heka_app.services.common.results import NotFound
from heka_app.services.common.secrets import hash_secret
from heka_app.services.housing.residency import residency_of
from heka_app.services.signup import eligibility as rules
from heka_app.services.signup.eligibility import check_registration_eligibility
from heka_app.services.signup.permissions import ISSUE_CODES
from heka_app.services.signup.registration import Identified, issue_ticket
from heka_app.settings import get_settings

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
CODE_TTL = dt.timedelta(days=14)
MAX_ATTEMPTS_PER_CODE = 5

CODE_INVALID = N_("The registration code or personal identity code is not valid.")
CODE_TOO_MANY = N_("Too many attempts. Try again in {minutes} min.")
# Why a person cannot use a code, as the office reads it (the registration rules' reasons).
CANNOT_USE = {
    rules.UNDER_AGE: N_("Under 18: cannot register yet."),
    rules.NOT_IN_REGISTER: N_("No current or upcoming lease: cannot register."),
    rules.LEASE_ENDED: N_("Lease has ended: cannot register."),
    rules.ALREADY_REGISTERED: N_("Already has an account: no code needed."),
}


@dataclasses.dataclass(frozen=True)
class PersonMatch:
    """A register person as staff see them: identity code masked."""

    person_id: int
    name: str
    masked_identity_code: str
    residency: str
    age: int
    cannot_use: str  # msgid of why a code would not work ("" when it would)


@dataclasses.dataclass(frozen=True)
class IssuedCode:
    """A code shown once to staff for printing."""

    code: str = ""
    person_name: str = ""
    expires_at: dt.datetime | None = None
    expires: dict[str, str] = dataclasses.field(default_factory=dict)  # for the slip, per language
    refused: str = ""  # msgid: no code issued, the person cannot use one (CANNOT_USE)


MIN_SEARCH_CHARACTERS = 3  # letters or digits: wildcards and spaces do not count


def escape_like(text: str) -> str:
    """``text`` as a literal inside a LIKE pattern with ``escape="\\"``: % and _ match
    themselves, so a search for ``__%`` does not list the register."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def format_code(code: str) -> str:
    """``ABCD-EFGH-JKLM`` for reading aloud and printing."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def _canonical(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())[:64]


def find_people(*, session: Session, actor: Actor, query: str, now: dt.datetime):
    """Search the register by full identity code or by name (staff with code rights)."""
    require(actor, ISSUE_CODES)
    text = (query or "").strip()[:80]
    if sum(ch.isalnum() for ch in text) < MIN_SEARCH_CHARACTERS:
        return ()
    like = f"%{escape_like(text)}%"
    people = session.exec(
        select(Person)
        .where(
            or_(
                Person.identity_code == text.upper(),
                col(Person.last_name).ilike(like, escape="\\"),
                (col(Person.first_name) + " " + col(Person.last_name)).ilike(like, escape="\\"),
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
            age=age_on(p.identity_code, today),
            cannot_use=_cannot_use(session, p, today),
        )
        for p in people
        if p.id is not None  # always, for loaded rows
    )


def _cannot_use(session: Session, person: Person, today: dt.date) -> str:
    refusal = rules.registration_refusal(session=session, person=person, today=today)
    return CANNOT_USE.get(refusal, refusal)


def get_person_for(*, session: Session, actor: Actor, person_id: int) -> Person:
    """The register person ``person_id`` (an id from the client), for staff who issue codes.

    Raises:
        NotAllowed: The actor may not issue codes.
        NotFound: No such person.
    """
    require(actor, ISSUE_CODES)
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("no such person")
    return person


def issue_code(*, session: Session, actor: Actor, person_id: int, now: dt.datetime) -> IssuedCode:
    """Issue a new code for a person after staff checked their ID; refused (``refused``)
    when the registration rules would turn the code down (age, lease, existing account)."""
    person = get_person_for(session=session, actor=actor, person_id=person_id)
    assert actor.account_id is not None  # require() refuses anonymous actors
    refused = _cannot_use(session, person, helsinki_today(now))
    if refused:
        return IssuedCode(person_name=f"{person.first_name} {person.last_name}", refused=refused)
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
        session,
        event=security_log.REGISTRATION_CODE_ISSUED,
        account_id=actor.account_id,
        detail=f"person={person_id}",
        now=now,
    )
    expires_on = row.expires_at.astimezone(HELSINKI).date()
    return IssuedCode(
        format_code(code),
        f"{person.first_name} {person.last_name}",
        row.expires_at,
        localized(lambda lang: format_date(expires_on, lang)),
    )


def redeem_code(
    *,
    session: Session,
    code: str,
    identity_code: str,
    client_ip: str,
    now: dt.datetime,
    allow_test_codes: bool | None = None,
) -> Identified:
    """Check a code against the identity code and the registration rules; on success the
    code is used up and a registration ticket issued.

    Args:
        allow_test_codes: Accept the 900-range test identity codes; the setting when None.
    """
    if allow_test_codes is None:
        allow_test_codes = get_settings().allow_test_identity_codes
    keys = [f"code-ip:{client_ip or 'unknown'}"]
    decision = login_throttle.check_allowed(session, keys=keys, now=now)
    if not decision.allowed:
        minutes = decision.retry_after_minutes
        return Identified(error=CODE_TOO_MANY, minutes=minutes)
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
                .where(col(RegistrationCode.id) == row.id)
                .values(failed_attempts=col(RegistrationCode.failed_attempts) + 1)
            )
        login_throttle.record_failure(session, keys=keys, now=now)
        security_log.log_security_event(
            session, event=security_log.REGISTRATION_CODE_FAILED, client_ip=client_ip, now=now
        )
        return Identified(error=CODE_INVALID)
    # code_ok means both rows were found (and loaded rows have their ids).
    assert row is not None and row.id is not None
    assert person is not None and person.id is not None
    eligibility = check_registration_eligibility(
        session=session,
        identity_code=person.identity_code,
        today=helsinki_today(now),
        allow_test_codes=allow_test_codes,
    )
    if not eligibility.ok:
        return Identified(error=eligibility.error)
    if not claim_once(session, RegistrationCode, row.id, now=now):
        return Identified(error=CODE_INVALID)
    login_throttle.record_success(session, keys=keys, now=now)
    security_log.log_security_event(
        session,
        event=security_log.REGISTRATION_CODE_USED,
        client_ip=client_ip,
        detail=f"person={person.id}",
        now=now,
    )
    ticket = issue_ticket(session=session, person_id=person.id, method="office", now=now)
    return Identified(ticket=ticket, first_name=person.first_name)
