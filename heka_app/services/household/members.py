"""Who lives under a lease on a given day, from the resident register: the household
members a primary tenant can report moving out, and the signatories of a notice."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, col, select

from heka_app.models import LeaseResident, Person


@dataclasses.dataclass(frozen=True)
class Member:
    """One current resident of a lease."""

    resident_id: int
    person_id: int
    name: str
    is_primary: bool


def _living_there(resident: LeaseResident, today: dt.date) -> bool:
    # The same day rule as services/housing/residency.py: gone from the moving-out day.
    return resident.moved_out_on is None or resident.moved_out_on > today


def members_of(*, session: Session, lease_id: int | None, today: dt.date) -> list[Member]:
    """The lease's residents who have not moved out by ``today`` (upcoming ones included),
    primary tenants first, then by name."""
    rows = session.exec(
        select(LeaseResident, Person)
        .join(Person, col(Person.id) == col(LeaseResident.person_id))
        .where(LeaseResident.lease_id == lease_id)
    ).all()
    members = [
        Member(
            resident_id=r.id or 0,
            person_id=p.id or 0,
            name=f"{p.first_name} {p.last_name}",
            is_primary=r.role == "primary",
        )
        for r, p in rows
        if _living_there(r, today)
    ]
    return sorted(members, key=lambda m: (not m.is_primary, m.name))


def signatories_of(*, session: Session, lease_id: int | None, today: dt.date) -> list[Member]:
    """The lease's primary tenants (its signatories) living there ``today``."""
    return [m for m in members_of(session=session, lease_id=lease_id, today=today) if m.is_primary]
