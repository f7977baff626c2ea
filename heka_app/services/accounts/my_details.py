"""The "My details" page: what the register says about the user (read-only) and what they
keep themselves (phone, refund account, mail choices, language), each change confirmed
and written to the change log (change_log.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, select

from heka_app.i18n.formatting import format_date
from heka_app.models import (
    AccountContact,
    Apartment,
    Building,
    Lease,
    Person,
    Property,
    UserAccount,
)
from heka_app.services.accounts.contact_formats import (
    bic_of,
    iban_for_display,
    phone_for_display,
)
from heka_app.services.accounts.permissions import VIEW
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.common.clock import helsinki_today
from heka_app.services.common.identity_codes import mask_identity_code
from heka_app.services.housing.home_details import residents_on
from heka_app.services.notifications.preferences import DEFAULTS, wants_email


@dataclasses.dataclass(frozen=True)
class LeaseFacts:
    """The lease as the register holds it, formatted for the reader."""

    address: str
    contract_number: str
    role: str  # "primary" | "co_resident"
    starts_on: str
    ends_on: str
    household: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class MyDetails:
    """Everything the page shows; ``lease`` None for staff and users without a lease."""

    name: str
    email: str
    identity_code: str  # masked
    phone: str  # as typed back into the form (international format)
    refund_iban: str  # grouped by four
    bic: str
    language: str
    notify: dict[str, bool]
    lease: LeaseFacts | None


def contact_of(session: Session, account_id: int) -> AccountContact | None:
    """The account's contact row (None before the first change)."""
    return session.exec(
        select(AccountContact).where(AccountContact.account_id == account_id)
    ).first()


def my_details(*, session: Session, actor: Actor, now: dt.datetime, language: str) -> MyDetails:
    """The actor's own details.

    Raises:
        NotAllowed: Not signed in.
    """
    require(actor, VIEW)
    assert actor.account_id is not None  # require() refuses anonymous actors
    account = session.get_one(UserAccount, actor.account_id)
    person = session.get(Person, account.person_id) if account.person_id else None
    contact = contact_of(session, actor.account_id)
    iban = contact.refund_iban if contact else ""
    return MyDetails(
        name=f"{person.first_name} {person.last_name}" if person else account.display_name,
        email=account.email,
        identity_code=mask_identity_code(person.identity_code) if person else "",
        phone=phone_for_display(contact.phone if contact else ""),
        refund_iban=iban_for_display(iban),
        bic=bic_of(iban),
        language=account.language,
        notify={kind: wants_email(session, actor.account_id, kind) for kind in DEFAULTS},
        lease=lease_facts(session, actor, now, language),
    )


def lease_facts(
    session: Session, actor: Actor, now: dt.datetime, language: str
) -> LeaseFacts | None:
    """The actor's lease from the register (None without one)."""
    if actor.lease_id is None:
        return None
    lease = session.get_one(Lease, actor.lease_id)
    apartment = session.get_one(Apartment, lease.apartment_id)
    building = session.get_one(Building, apartment.building_id)
    prop = session.get_one(Property, building.property_id)
    today = helsinki_today(now)
    return LeaseFacts(
        address=f"{building.street_address} {apartment.number}, {prop.postal_code} {prop.city}",
        contract_number=lease.contract_number,
        role="primary" if actor.is_primary else "co_resident",
        starts_on=format_date(lease.starts_on, language),
        ends_on=format_date(lease.ends_on, language) if lease.ends_on else "",
        household=tuple(name for name, _ in residents_on(session, lease.id or 0, today)),
    )
