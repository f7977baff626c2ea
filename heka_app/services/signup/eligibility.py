"""Who may register: in the register, 18 or older, lease current or upcoming, no account yet.

Each refusal is a msgid the UI shows in the user's language.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, select

from heka_app.i18n import N_
from heka_app.models import Person, UserAccount
from heka_app.services.common.identity_codes import (
    InvalidIdentityCode,
    age_on,
    normalize_identity_code,
)
from heka_app.services.housing.residency import ENDED, NONE, residency_of

NOT_IN_REGISTER = N_(
    "We did not find you in Heka's resident register. You can register once you have "
    "signed a lease. Applicants cannot register."
)
UNDER_AGE = N_("You must be 18 or older to register.")
LEASE_ENDED = N_("Your lease has ended, so you cannot register.")
ALREADY_REGISTERED = N_(
    "You already have an account. Log in, or reset your password if you have forgotten it."
)
INVALID_IDENTITY_CODE = N_("Check the personal identity code.")


@dataclasses.dataclass(frozen=True)
class Eligibility:
    """May this person register? ``person_id`` is set when they may."""

    ok: bool
    error: str = ""
    person_id: int | None = None


def check_registration_eligibility(
    *, session: Session, identity_code: str, today: dt.date, allow_test_codes: bool
) -> Eligibility:
    """Apply the registration rules to an identified person.

    Args:
        session: Database session.
        identity_code: From the identification broker or typed with an office code.
        today: Helsinki date.
        allow_test_codes: Whether 900-999 test codes are accepted (never in production).

    Returns:
        An :class:`Eligibility`.
    """
    try:
        code = normalize_identity_code(identity_code, allow_test_codes=allow_test_codes)
    except InvalidIdentityCode:
        return Eligibility(False, INVALID_IDENTITY_CODE)
    person = session.exec(select(Person).where(Person.identity_code == code)).first()
    if person is None:
        return Eligibility(False, NOT_IN_REGISTER)
    assert person.id is not None  # loaded from the database
    refusal = registration_refusal(session=session, person=person, today=today)
    if refusal:
        return Eligibility(False, refusal)
    return Eligibility(True, person_id=person.id)


def registration_refusal(*, session: Session, person: Person, today: dt.date) -> str:
    """Why ``person`` (found in the register) cannot register today, or "" when they can.

    The same rules whether the person identifies online or brings an area-office code, so
    an office sees before issuing a code whether it can be used.
    """
    assert person.id is not None  # loaded from the database
    if age_on(person.identity_code, today) < 18:
        return UNDER_AGE
    residency = residency_of(session=session, person_id=person.id, today=today)
    if residency.status == NONE:
        return NOT_IN_REGISTER
    if residency.status == ENDED:
        return LEASE_ENDED
    if has_account(session, person.id):
        return ALREADY_REGISTERED
    return ""


def has_account(session: Session, person_id: int) -> bool:
    """True when the person already has a login."""
    found = session.exec(select(UserAccount.id).where(UserAccount.person_id == person_id))
    return found.first() is not None
