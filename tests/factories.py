"""Small, explicit test data: one property, households in every lease state, staff.

Built directly with the models so service tests do not depend on the demo dataset.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

from sqlmodel import Session

from heka_app.models import (
    Apartment,
    AreaOffice,
    Building,
    Lease,
    LeaseResident,
    Person,
    Property,
    UserAccount,
)
from heka_app.models.accounts import STAFF_ROLES
from heka_app.services.auth.passwords import hash_password
from heka_app.services.common.identity_codes import birth_date_of
from heka_app.services.common.payment_references import make_reference

PASSWORD = "Kotiasukas-2026!"
TODAY = dt.date(2026, 11, 28)
NOW = dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)

# Valid fictional identity codes (900-range test persons).
CODES = {
    "primary": "010594Y9032",
    "co_resident": "010501E9032",
    "upcoming": "131052-9085",
    "ended": "240385-921J",
    "neighbour": "150770-906L",
    "child": "020516C903K",
    "unregistered": "300690-9258",
}


@functools.cache
def password_hash() -> str:
    """The shared test password hashed once (argon2 is slow on purpose)."""
    return hash_password(PASSWORD)


@dataclasses.dataclass
class World:
    """Ids of what :func:`build_world` made."""

    people: dict[str, int]
    accounts: dict[str, int]
    leases: dict[str, int]
    apartments: dict[str, int]


def _lease(session, apartment_id, number, starts, ends=None) -> Lease:
    lease = Lease(
        contract_number=f"HK-T-{number}",
        apartment_id=apartment_id,
        signed_on=starts - dt.timedelta(days=20),
        starts_on=starts,
        ends_on=ends,
        payment_reference=make_reference(f"7000{number}"),
    )
    session.add(lease)
    session.flush()
    return lease


def build_world(session: Session, *, with_accounts: bool = True) -> World:
    """Households: active (primary + co-resident + child), upcoming, ended, a neighbour."""
    office = AreaOffice(code="ITA", name="Itä", street_address="Turunlinnantie 12",
                        postal_code="00930", city="Helsinki", phone="09 310 11111",
                        email="ita@heka.example", opening_hours="1-4 09:00-15:00")  # fmt: skip
    session.add(office)
    session.flush()
    prop = Property(code="P1", name="Kontulan Kaari", street_address="Kontulankaari 5",
                    postal_code="00940", city="Helsinki", year_built=1968,
                    area_office_id=office.id, manager_name="Isännöitsijä Iida",
                    manager_phone="09 310 22222", manager_email="iida@heka.example",
                    maintenance_company="Huolto Oy", maintenance_phone="09 310 33333",
                    emergency_phone="09 310 44444")  # fmt: skip
    session.add(prop)
    session.flush()
    building = Building(property_id=prop.id, code="A", street_address="Kontulankaari 5 A")
    session.add(building)
    session.flush()
    apartments = {}
    for key, number in [("home", "A 1"), ("upcoming", "A 2"), ("ended", "A 3"), ("other", "A 4")]:
        apt = Apartment(code=f"P1-{number}", building_id=building.id, number=number, floor=1,
                        rooms=2, area_m2=48.5, apartment_type="2h+k")  # fmt: skip
        session.add(apt)
        session.flush()
        apartments[key] = apt.id
    leases = {
        "home": _lease(session, apartments["home"], 1, TODAY - dt.timedelta(days=400)).id,
        "upcoming": _lease(session, apartments["upcoming"], 2, dt.date(2026, 12, 1)).id,
        "ended": _lease(
            session, apartments["ended"], 3, dt.date(2020, 1, 1), TODAY - dt.timedelta(days=10)
        ).id,  # fmt: skip
        "other": _lease(session, apartments["other"], 4, TODAY - dt.timedelta(days=100)).id,
    }
    people = {}
    placement = {
        "primary": ("home", "primary"),
        "co_resident": ("home", "co_resident"),
        "child": ("home", "co_resident"),
        "upcoming": ("upcoming", "primary"),
        "ended": ("ended", "primary"),
        "neighbour": ("other", "primary"),
    }
    for key, code in CODES.items():
        person = Person(identity_code=code, first_name=key.title(), last_name="Testinen",
                        birth_date=birth_date_of(code))  # fmt: skip
        session.add(person)
        session.flush()
        people[key] = person.id
        if key in placement:
            lease_key, role = placement[key]
            session.add(LeaseResident(lease_id=leases[lease_key], person_id=person.id, role=role,
                                      moved_in_on=dt.date(2020, 1, 1)))  # fmt: skip
    accounts = {}
    if with_accounts:
        for key in ("primary", "co_resident", "upcoming", "ended", "neighbour"):
            accounts[key] = _account(session, f"{key}@test.example", person_id=people[key])
        for role in STAFF_ROLES:
            accounts[role] = _account(session, f"{role}@staff.example", role=role)
    session.flush()
    session.commit()
    return World(people=people, accounts=accounts, leases=leases, apartments=apartments)


def _account(session, email, *, person_id=None, role="tenant") -> int:
    account = UserAccount(email=email, password_hash=password_hash(), person_id=person_id,
                          role=role, display_name=email.split("@")[0], created_at=NOW,
                          email_verified_at=NOW)  # fmt: skip
    session.add(account)
    session.flush()
    return account.id
