"""The demo dataset behind ``heka demo-data``: a small, realistic Heka in one call.

This module owns the public API (:func:`database_is_empty`, :func:`load_demo_data`,
:data:`DEMO_PASSWORD`, :data:`DEMO_LOGINS`) and the demo accounts. The helpers it
drives own the rest: ``demo_places`` (offices, properties, apartments), ``demo_households``
(names, test identity codes, households), ``demo_people`` (leases, residents, charges),
``demo_activity`` (rent ledger, fault reports) and ``demo_content`` /
``demo_instructions`` (articles).

The data is deterministic: one seeded :class:`random.Random` drives everything and all
dates are relative to ``today``, so the same ``today`` gives the same data (only the
password hash salt and account creation times differ). Nothing here commits; the
caller's ``session_scope`` does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from sqlmodel import Session, select

from heka_app.demo.activity import create_ledger
from heka_app.demo.content import NEWS, create_articles
from heka_app.demo.faults import create_faults
from heka_app.demo.instructions import INSTRUCTIONS
from heka_app.demo.messages import link_area_office_staff
from heka_app.demo.people import PeopleResult, add_months, create_people
from heka_app.demo.places import create_places
from heka_app.demo.property_info import create_property_info
from heka_app.models import Property, UserAccount
from heka_app.models.accounts import STAFF_ROLES, TENANT_ROLE
from heka_app.services.auth.passwords import hash_password
from heka_app.services.common.clock import helsinki_today, utcnow

DEMO_PASSWORD = "Kotiasukas-2026!"  # noqa: S105 - public by design, demo accounts only
_SEED = 1952  # any constant; changing it changes every generated name and code
_DOMAIN = "demo.heka.example"

# Tenant logins: (demo role, email local part, UI language, English description).
_TENANT_LOGINS = (
    ("tenant", "tenant", "fi", "Primary tenant of an active lease, a family home in Kontula"),
    ("coresident", "coresident", "fi", "Adult co-resident on the same lease as tenant@"),
    ("newtenant", "newtenant", "en", "Primary tenant whose lease starts on the 1st of next month"),
    ("former", "former", "sv", "Former tenant whose lease has ended; login is refused"),
)
_STAFF = {
    "customer_service": ("Minna Lehtonen", "Staff: customer service"),
    "maintenance": ("Jari Huttunen", "Staff: maintenance, fault reports"),
    "rent_monitoring": ("Päivi Rantanen", "Staff: rent monitoring"),
    "content_editor": ("Elina Sjöberg", "Staff: content editor, news and instructions"),
    "area_office": ("Hannu Kettunen", "Staff: area office"),
    "admin": ("Tuomas Salo", "Staff: administrator"),
}


def _staff(role: str) -> tuple[str, str]:
    # A role added to STAFF_ROLES later still gets a demo account.
    return _STAFF.get(role, (f"Demo {role}", f"Staff: {role.replace('_', ' ')}"))


DEMO_LOGINS: tuple[tuple[str, str], ...] = tuple(
    (f"{local}@{_DOMAIN}", description) for _, local, _, description in _TENANT_LOGINS
) + tuple((f"staff.{role}@{_DOMAIN}", _staff(role)[1]) for role in STAFF_ROLES)


@dataclasses.dataclass(frozen=True)
class DemoSummary:
    """Counts of what :func:`load_demo_data` added; ``str()`` is a one-paragraph report."""

    today: dt.date
    area_offices: int
    properties: int
    buildings: int
    apartments: int
    persons: int
    leases: int
    active_leases: int
    future_leases: int
    ended_leases: int
    ledger_entries: int
    fault_reports: int
    news: int
    instructions: int
    accounts: int

    def __str__(self) -> str:
        logins = "; ".join(f"{email} ({description})" for email, description in DEMO_LOGINS)
        next_month = add_months(self.today.replace(day=1), 1)
        return (
            f"Loaded demo data for {self.today.isoformat()}: {self.area_offices} area offices, "
            f"{self.properties} properties with {self.buildings} buildings and "
            f"{self.apartments} apartments; {self.persons} persons on {self.leases} leases "
            f"({self.active_leases} active, {self.future_leases} starting "
            f"{next_month.isoformat()}, {self.ended_leases} ended); {self.ledger_entries} "
            f"rent ledger entries, {self.fault_reports} fault reports, {self.news} news items "
            f"and {self.instructions} instructions; {self.accounts} accounts. Every demo "
            f'account uses the password "{DEMO_PASSWORD}": {logins}.'
        )


class DemoDataExists(RuntimeError):
    """The database already has properties or accounts; demo data would collide."""


def database_is_empty(*, session: Session) -> bool:
    """True when there are no properties and no user accounts.

    Args:
        session: Database session.

    Returns:
        Whether demo data can be loaded without clashing with existing data.
    """
    no_properties = session.exec(select(Property.id).limit(1)).first() is None
    return no_properties and session.exec(select(UserAccount.id).limit(1)).first() is None


def load_demo_data(*, session: Session, today: dt.date | None = None) -> DemoSummary:
    """Add the whole demo dataset and flush (the caller commits).

    Args:
        session: Database session on an empty database.
        today: The day the data is built around (leases start next month relative to
            it, the ledger runs up to it). Defaults to today in Helsinki.

    Returns:
        A summary of what was added, including the demo logins.

    Raises:
        DemoDataExists: If the database already has properties or accounts.
    """
    if not database_is_empty(session=session):
        raise DemoDataExists("the database already has properties or accounts")
    today = today or helsinki_today()
    rng = random.Random(_SEED)  # noqa: S311 - reproducible demo data, not security

    placed = create_places(session=session, rng=rng)
    people = create_people(session=session, rng=rng, placed=placed, today=today)
    demo_lease = people.demo_leases["tenant"]
    ledger = create_ledger(
        session=session, rng=rng, leases=people.leases, today=today, skip_id=demo_lease.lease.id
    )
    faults = create_faults(
        session=session, rng=rng, leases=people.leases, today=today, demo_lease=demo_lease
    )
    properties = {p.property.code: p.property for p in placed}
    create_articles(session=session, today=today, properties=properties)
    create_property_info(session=session, properties=properties)
    accounts = _create_accounts(session=session, people=people)
    link_area_office_staff(session=session, apartment_id=demo_lease.lease.apartment_id)

    statuses = [d.status for d in people.leases]
    return DemoSummary(
        today=today,
        area_offices=len({p.property.area_office_id for p in placed}),
        properties=len(properties),
        buildings=len({p.apartment.building_id for p in placed}),
        apartments=len(placed),
        persons=len(people.persons),
        leases=len(statuses),
        active_leases=statuses.count("active"),
        future_leases=statuses.count("future"),
        ended_leases=statuses.count("ended"),
        ledger_entries=ledger,
        fault_reports=faults,
        news=len(NEWS),
        instructions=len(INSTRUCTIONS),
        accounts=accounts,
    )


def _create_accounts(*, session: Session, people: PeopleResult) -> int:
    # Argon2 is deliberately slow: hash the one demo password once and share the hash.
    password_hash = hash_password(DEMO_PASSWORD)
    # Aware UTC: SQLModel's datetime columns (UTCDateTime) refuse naive values, store
    # UTC and read back aware UTC, so this matches what a reload returns.
    now = utcnow()
    accounts = []
    for demo_role, local, language, _ in _TENANT_LOGINS:
        person = people.demo_persons[demo_role]
        accounts.append(
            UserAccount(
                email=f"{local}@{_DOMAIN}",
                password_hash=password_hash,
                language=language,
                person_id=person.id,
                role=TENANT_ROLE,
                display_name=f"{person.first_name} {person.last_name}",
                email_verified_at=now,
                created_at=now,
            )
        )
    for role in STAFF_ROLES:
        accounts.append(
            UserAccount(
                email=f"staff.{role}@{_DOMAIN}",
                password_hash=password_hash,
                language="fi",
                role=role,
                display_name=_staff(role)[0],
                email_verified_at=now,
                created_at=now,
            )
        )
    session.add_all(accounts)
    session.flush()
    return len(accounts)
