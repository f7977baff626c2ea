"""Demo leases: who lives where, since when, and what they are charged each month.

Owned by :mod:`heka_app.demo.dataset`. Each apartment gets a scenario: an active
lease (most), an active lease after an ended one, a lease ending this month with the
next one starting next month, an ended lease with the next tenant moving in next month,
or an ended lease with the home left vacant. Every date is relative to ``today`` so the
demo always shows active, future and ended leases.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from sqlmodel import Session

from heka_app.demo.households import IdentityCodes, Member, demo_household, household
from heka_app.demo.places import PlacedApartment
from heka_app.models import Lease, LeaseCharge, LeaseResident, Person
from heka_app.services.common.payment_references import make_reference

# Scenario counts besides the plain active lease (the rest of the apartments).
_SCENARIO_COUNTS = (
    ("ending_then_future", 2),
    ("vacant_future", 3),
    ("vacant_after_end", 4),
    ("with_history", 20),
)


@dataclasses.dataclass
class _Plan:
    placed: PlacedApartment
    signed_on: dt.date
    starts_on: dt.date
    ends_on: dt.date | None
    members: list[Member]


@dataclasses.dataclass
class DemoLease:
    """A created lease with its charges and residents, for the ledger and faults."""

    lease: Lease
    placed: PlacedApartment
    status: str  # "active", "future" or "ended" relative to today
    charges: dict[str, int]
    residents: list[tuple[Person, LeaseResident]]


@dataclasses.dataclass(frozen=True)
class PeopleResult:
    """What :func:`create_people` made; ``demo_persons`` keyed by demo login role."""

    leases: list[DemoLease]
    persons: list[Person]
    demo_persons: dict[str, Person]
    demo_leases: dict[str, DemoLease]


def add_months(first: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after the month of ``first``."""
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _scenarios(placed: list[PlacedApartment], rng: random.Random) -> list[str]:
    def first(code: str, rooms: int) -> int:
        # The first apartment of the property with the closest room count.
        here = [i for i, p in enumerate(placed) if p.property.code == code]
        return min(here, key=lambda i: abs(placed[i].apartment.rooms - rooms))

    scenarios = ["active"] * len(placed)
    tenant, newtenant = first("1041", 3), first("5034", 2)
    scenarios[tenant], scenarios[newtenant] = "demo_tenant", "demo_newtenant"
    pool = [i for i in range(len(placed)) if i not in (tenant, newtenant)]
    rng.shuffle(pool)
    for name, count in _SCENARIO_COUNTS:
        for _ in range(count):
            scenarios[pool.pop()] = name
    # The former tenant's home is in an old building, so two leases always fit in it.
    former = next(
        i
        for i, s in enumerate(scenarios)
        if s == "with_history" and (placed[i].property.year_built or 0) < 2000
    )
    scenarios[former] = "demo_former"
    return scenarios


def _plans(placed: PlacedApartment, scenario: str, rng: random.Random, today: dt.date):
    this_month = today.replace(day=1)
    next_month = add_months(this_month, 1)
    built = dt.date(placed.property.year_built or 1960, 9, 1)
    earliest = max(built, add_months(this_month, -12 * 25))
    rooms = placed.apartment.rooms

    def plan(start, end, signed=None, members=None) -> _Plan:
        signed = signed or start - dt.timedelta(days=rng.randint(10, 40))
        until = min(end or today, today)
        return _Plan(placed, signed, start, end, members or household(rng, rooms, start, until))

    def past_start(mean_months: int, latest: dt.date) -> dt.date:
        months = 1 + int(rng.expovariate(1 / mean_months))
        return max(earliest, min(add_months(this_month, -months), latest))

    def recently_signed() -> dt.date:
        return today - dt.timedelta(days=rng.randint(2, 20))

    if scenario == "demo_tenant":
        start = max(earliest, add_months(this_month, -131))
        return [plan(start, None, members=demo_household(rng, "tenant", start, today))]
    if scenario in ("with_history", "demo_former"):
        current = past_start(30, add_months(this_month, -1))
        old_end = add_months(current, -rng.randint(0, 2)) - dt.timedelta(days=1)
        old_start = max(earliest, add_months(old_end, -(12 + int(rng.expovariate(1 / 60)))))
        if old_start >= old_end:  # a building too new for two leases
            return [plan(past_start(84, this_month), None)]
        old_members = (
            demo_household(rng, "former", old_start, today) if scenario == "demo_former" else None
        )
        return [plan(old_start, old_end, members=old_members), plan(current, None)]
    if scenario == "ending_then_future":
        start = past_start(60, add_months(this_month, -12))
        return [
            plan(start, next_month - dt.timedelta(days=1)),
            plan(next_month, None, signed=recently_signed()),
        ]
    if scenario in ("vacant_future", "vacant_after_end", "demo_newtenant"):
        old_end = add_months(this_month, -rng.randint(0, 2)) - dt.timedelta(days=1)
        old_start = max(earliest, add_months(old_end, -(12 + int(rng.expovariate(1 / 60)))))
        plans = [plan(old_start, old_end)] if old_start < old_end else []
        if scenario == "vacant_after_end":
            return plans
        members = (
            demo_household(rng, "newtenant", next_month, today)
            if scenario == "demo_newtenant"
            else None
        )
        return [*plans, plan(next_month, None, signed=recently_signed(), members=members)]
    # A few tenants moved in on the 1st of this month: a ledger of one month.
    start = this_month if rng.random() < 0.02 else past_start(84, add_months(this_month, -1))
    return [plan(start, None)]


def _charges(plan: _Plan, residents: int, rng: random.Random) -> dict[str, int]:
    placed, apartment = plan.placed, plan.placed.apartment
    # Small homes cost more per square metre; the model rents stay within 11-20 €/m².
    rate = placed.rent_per_m2 * rng.uniform(0.95, 1.05) * (1.08 if apartment.area_m2 < 35 else 1)
    rate = min(20.0, max(11.0, rate))
    charges = {"rent": round(apartment.area_m2 * rate * 10) * 10}
    charges["water"] = max(1, residents) * placed.water_per_person
    if placed.shared_sauna and "+s" not in apartment.apartment_type and rng.random() < 0.25:
        charges["sauna"] = rng.choice((1200, 1400, 1600))
    if placed.parking_cents and rng.random() < 0.22:
        charges["parking"] = placed.parking_cents
    return charges


def _status(lease: Lease, today: dt.date) -> str:
    if lease.starts_on > today:
        return "future"
    if lease.ends_on is not None and lease.ends_on < today:
        return "ended"
    return "active"


def create_people(
    *, session: Session, rng: random.Random, placed: list[PlacedApartment], today: dt.date
) -> PeopleResult:
    """Add persons, leases, residents and monthly charges, and flush.

    Args:
        session: Database session (flushed, not committed).
        rng: The demo's seeded random generator.
        placed: The apartments from :func:`~heka_app.demo.places.create_places`.
        today: The day the demo is built around.

    Returns:
        The leases, the persons and the persons and leases behind the demo logins.
    """
    scenarios = _scenarios(placed, rng)
    plans = [
        p for apt, s in zip(placed, scenarios, strict=True) for p in _plans(apt, s, rng, today)
    ]

    # Contract numbers run per signing year in signing order, like in the ERP.
    plans.sort(key=lambda p: (p.signed_on, p.placed.apartment.code))
    codes = IdentityCodes(rng)
    leases, persons, demo_persons, demo_leases = [], [], {}, {}
    seq_by_year: dict[int, int] = {}
    for plan in plans:
        year = plan.signed_on.year
        seq = seq_by_year.get(year, rng.randint(100, 900)) + rng.randint(3, 40)
        seq_by_year[year] = seq
        lease = Lease(
            contract_number=f"HK-{year}-{seq:06d}",
            apartment_id=plan.placed.apartment.id,
            signed_on=plan.signed_on,
            starts_on=plan.starts_on,
            ends_on=plan.ends_on,
            payment_reference=make_reference(f"1{year % 100:02d}{seq:05d}"),
        )
        residents = []
        for member in plan.members:
            person = Person(
                identity_code=codes.new(member.birth, member.male),
                first_name=member.first,
                last_name=member.last,
                birth_date=member.birth,
            )
            residents.append((person, member))
            persons.append(person)
        leases.append((plan, lease, residents, _charges(plan, len(residents), rng)))
    session.add_all(persons)
    session.add_all(lease for _, lease, _, _ in leases)
    session.flush()

    result: list[DemoLease] = []
    for plan, lease, residents, charges in leases:
        links = []
        for person, member in residents:
            link = LeaseResident(
                lease_id=lease.id,
                person_id=person.id,
                role=member.role,
                moved_in_on=member.moved_in or plan.starts_on,
                moved_out_on=plan.ends_on,  # everyone leaves when the lease ends
            )
            links.append((person, link))
            if member.demo_role:
                demo_persons[member.demo_role] = person
        session.add_all(link for _, link in links)
        session.add_all(
            LeaseCharge(lease_id=lease.id, kind=kind, amount_cents=cents)
            for kind, cents in charges.items()
        )
        demo_lease = DemoLease(lease, plan.placed, _status(lease, today), charges, links)
        for member in plan.members:
            if member.demo_role:
                demo_leases[member.demo_role] = demo_lease
        result.append(demo_lease)
    session.flush()
    return PeopleResult(result, persons, demo_persons, demo_leases)
