"""Small test-data factories: each makes one entity with sensible defaults, dated from ``now``.

Built directly with the models so service tests do not depend on the demo dataset. Every
date comes from the ``now`` fixture (tests/conftest.py), never from the real clock: an
"upcoming" lease starts on the 1st of the month after ``now``'s Helsinki date, an ended one
ended before it, and ages are counted on it.

    office = make_area_office(session)
    apartment = make_apartment(session, building=make_building(session, make_property(session)))
    lease = make_lease(session, now=now, state="upcoming", apartment=apartment)
    person = make_person(session, now=now, age=30, lease=lease)
    account = make_tenant_account(session, person, now=now)

:func:`build_world` composes them into the households most service and state tests share.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools

from sqlmodel import Session, select

from heka_app.demo.households import identity_code
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
from heka_app.services.common.clock import helsinki_today
from heka_app.services.common.payment_references import make_reference

PASSWORD = "Kotiasukas-2026!"
# The default pinned clock of the `now` fixture: a few days before a month changes, so
# "upcoming" (from the 1st of next month) and "active" differ by days, as in real use.
DEFAULT_NOW = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)
LEASE_STATES = ("active", "upcoming", "ended")
_serial = itertools.count(1)


@functools.cache
def password_hash() -> str:
    """The shared test password hashed once (argon2 is slow on purpose)."""
    return hash_password(PASSWORD)


def first_of_next_month(day: dt.date) -> dt.date:
    """The 1st of the month after ``day``: when an upcoming lease starts."""
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def birth_date_for(age: int, today: dt.date) -> dt.date:
    """A birth date making someone ``age`` on ``today`` (birthday a hundred days ago)."""
    day = today - dt.timedelta(days=100)
    try:
        return day.replace(year=day.year - age)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year - age, day=28)


def _add(session: Session, row):
    session.add(row)
    session.flush()
    return row


def make_area_office(session: Session, *, code: str | None = None, name: str = "Itä") -> AreaOffice:
    """An area office (the footer lists them)."""
    return _add(
        session,
        AreaOffice(
            code=code or f"AO{next(_serial)}",
            name=name,
            street_address="Turunlinnantie 12",
            postal_code="00930",
            city="Helsinki",
            phone="09 310 11111",
            email="ita@heka.example",
            opening_hours="1-4 09:00-15:00",
        ),
    )


def make_property(
    session: Session,
    office: AreaOffice | None = None,
    *,
    code: str | None = None,
    street_address: str = "Kontulankaari 5",
) -> Property:
    """A property with its manager and maintenance contacts (a new area office if none)."""
    office = office or make_area_office(session)
    return _add(
        session,
        Property(
            code=code or f"P{next(_serial)}",
            name="Kontulan Kaari",
            street_address=street_address,
            postal_code="00940",
            city="Helsinki",
            year_built=1968,
            area_office_id=office.id,
            manager_name="Isännöitsijä Iida",
            manager_phone="09 310 22222",
            manager_email="iida@heka.example",
            maintenance_company="Huolto Oy",
            maintenance_phone="09 310 33333",
            emergency_phone="09 310 44444",
        ),
    )


def make_building(session: Session, prop: Property | None = None, *, code: str = "A") -> Building:
    """A building of a property (a new property if none)."""
    prop = prop or make_property(session)
    address = f"{prop.street_address} {code}"
    return _add(session, Building(property_id=prop.id, code=code, street_address=address))


def make_apartment(
    session: Session, building: Building | None = None, *, number: str | None = None
) -> Apartment:
    """A two-room apartment (a new building if none)."""
    building = building or make_building(session)
    number = number or f"{building.code} {next(_serial)}"
    return _add(
        session,
        Apartment(
            code=f"B{building.id}-{number}",
            building_id=building.id,
            number=number,
            floor=1,
            rooms=2,
            area_m2=48.5,
            apartment_type="2h+k",
        ),
    )


def make_lease(
    session: Session,
    *,
    now: dt.datetime,
    state: str = "active",
    apartment: Apartment | None = None,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
) -> Lease:
    """A lease that is ``active``, ``upcoming`` or ``ended`` on ``now``'s Helsinki date.

    Active leases started 400 days ago and run on; upcoming ones start on the 1st of next
    month; ended ones ran six years and ended ten days ago. ``starts_on``/``ends_on``
    override (keep them consistent with ``state``).
    """
    if state not in LEASE_STATES:
        raise ValueError(f"state must be one of {LEASE_STATES}")
    today = helsinki_today(now)
    default_start = {
        "active": today - dt.timedelta(days=400),
        "upcoming": first_of_next_month(today),
        "ended": today - dt.timedelta(days=6 * 365),
    }[state]
    starts_on = starts_on or default_start
    if state == "ended":
        ends_on = ends_on or today - dt.timedelta(days=10)
    number = next(_serial)
    return _add(
        session,
        Lease(
            contract_number=f"HK-T-{number}",
            apartment_id=(apartment or make_apartment(session)).id,
            signed_on=min(starts_on, today) - dt.timedelta(days=20),
            starts_on=starts_on,
            ends_on=ends_on,
            payment_reference=make_reference(f"7000{number}"),
        ),
    )


def make_person(
    session: Session,
    *,
    now: dt.datetime,
    age: int = 40,
    first_name: str = "Testi",
    last_name: str = "Testinen",
    lease: Lease | None = None,
    role: str = "primary",
) -> Person:
    """A register person ``age`` years old on ``now`` with a fresh test identity code
    (individual number 900-999); living under ``lease`` (as ``role``) if given."""
    born = birth_date_for(age, helsinki_today(now))
    used = set(session.exec(select(Person.identity_code)).all())
    code = next(c for n in range(900, 1000) if (c := identity_code(born, n)) not in used)
    person = _add(
        session,
        Person(identity_code=code, first_name=first_name, last_name=last_name, birth_date=born),
    )
    if lease is not None:
        add_resident(session, lease, person, role=role)
    return person


def add_resident(
    session: Session,
    lease: Lease,
    person: Person,
    *,
    role: str = "primary",
    moved_in_on: dt.date | None = None,
) -> LeaseResident:
    """``person`` lives under ``lease`` (from its start unless ``moved_in_on``)."""
    return _add(
        session,
        LeaseResident(
            lease_id=lease.id,
            person_id=person.id,
            role=role,
            moved_in_on=moved_in_on or lease.starts_on,
        ),
    )


def _account(session, email, *, now, person_id=None, role="tenant", verified=True) -> UserAccount:
    return _add(
        session,
        UserAccount(
            email=email,
            password_hash=password_hash(),
            person_id=person_id,
            role=role,
            display_name=email.split("@")[0],
            created_at=now,
            email_verified_at=now if verified else None,
        ),
    )


def make_tenant_account(
    session: Session,
    person: Person,
    *,
    now: dt.datetime,
    email: str | None = None,
    verified: bool = True,
) -> UserAccount:
    """A tenant's login (password :data:`PASSWORD`), email confirmed unless ``verified=False``."""
    email = email or f"tenant{person.id}@test.example"
    return _account(session, email, now=now, person_id=person.id, verified=verified)


def make_staff(
    session: Session, role: str, *, now: dt.datetime, email: str | None = None
) -> UserAccount:
    """A staff login with ``role`` (one of ``STAFF_ROLES``), password :data:`PASSWORD`."""
    if role not in STAFF_ROLES:
        raise ValueError(f"not a staff role: {role}")
    return _account(session, email or f"{role}@staff.example", now=now, role=role)


def make_tenant(
    session: Session, *, now: dt.datetime, state: str = "active", email: str | None = None
) -> UserAccount:
    """A primary tenant's login on a lease of its own in ``state`` (lease, person, account)."""
    lease = make_lease(session, now=now, state=state)
    person = make_person(session, now=now, lease=lease)
    return make_tenant_account(session, person, now=now, email=email)


@dataclasses.dataclass
class World:
    """Ids of what :func:`build_world` made, and the people's identity codes."""

    people: dict[str, int]
    accounts: dict[str, int]
    leases: dict[str, int]
    apartments: dict[str, int]
    codes: dict[str, str]


# person key -> (lease key or None, role, age); the primary tenant is on the "home" lease.
HOUSEHOLDS = {
    "primary": ("home", "primary", 32),
    "co_resident": ("home", "co_resident", 25),
    "upcoming": ("upcoming", "primary", 74),
    "ended": ("ended", "primary", 41),
    "neighbour": ("other", "primary", 56),
    "child": ("home", "co_resident", 10),
    "unregistered": (None, "", 36),
}
ACCOUNT_HOLDERS = ("primary", "co_resident", "upcoming", "ended", "neighbour")


def build_world(session: Session, now: dt.datetime, *, with_accounts: bool = True) -> World:
    """One property with households in every lease state, plus every staff role.

    Leases: ``home`` (active: primary + adult co-resident + child), ``upcoming``,
    ``ended``, ``other`` (active, a neighbour). ``unregistered`` is on no lease. With
    accounts: ``<key>@test.example`` for the adults on leases, ``<role>@staff.example``.
    """
    building = make_building(session, make_property(session, make_area_office(session)))
    states = {"home": "active", "upcoming": "upcoming", "ended": "ended", "other": "active"}
    leases: dict[str, Lease] = {}
    for n, (key, state) in enumerate(states.items(), start=1):
        apartment = make_apartment(session, building, number=f"A {n}")
        starts_on = helsinki_today(now) - dt.timedelta(days=100) if key == "other" else None
        leases[key] = make_lease(
            session, now=now, state=state, apartment=apartment, starts_on=starts_on
        )
    people = {}
    for key, (lease_key, role, age) in HOUSEHOLDS.items():
        lease = leases.get(lease_key) if lease_key else None
        people[key] = make_person(
            session, now=now, age=age, first_name=key.title(), lease=lease, role=role
        )
    accounts = {}
    if with_accounts:
        for key in ACCOUNT_HOLDERS:
            email = f"{key}@test.example"
            accounts[key] = make_tenant_account(session, people[key], now=now, email=email).id
        for role in STAFF_ROLES:
            accounts[role] = make_staff(session, role, now=now).id
    session.commit()
    return World(
        people={k: p.id for k, p in people.items()},
        accounts=accounts,
        leases={k: lease.id for k, lease in leases.items()},
        apartments={k: lease.apartment_id for k, lease in leases.items()},
        codes={k: p.identity_code for k, p in people.items()},
    )
