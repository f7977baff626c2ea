"""Who lives where today: a person's current or upcoming lease, and what that allows.

Eligibility rests on the resident register: a person on a lease that has started may use
everything; one whose lease is signed but not started may log in and see their home;
a person with only ended leases (or none) may not log in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, col, select

from heka_app.models import Lease, LeaseResident

ACTIVE = "active"
UPCOMING = "upcoming"
ENDED = "ended"
NONE = "none"


@dataclasses.dataclass(frozen=True)
class Residency:
    """A person's standing in the register on one day."""

    status: str
    lease_id: int | None = None
    apartment_id: int | None = None
    is_primary: bool = False
    starts_on: dt.date | None = None

    @property
    def may_log_in(self) -> bool:
        """Active and upcoming residents may log in; ended and unknown may not."""
        return self.status in {ACTIVE, UPCOMING}


@dataclasses.dataclass(frozen=True)
class Tenancy:
    """One person's place on one lease: a ``lease_resident`` row with its lease's dates."""

    role: str
    moved_in_on: dt.date
    moved_out_on: dt.date | None
    lease_id: int | None
    apartment_id: int
    starts_on: dt.date
    ends_on: dt.date | None


def residency_of(*, session: Session, person_id: int, today: dt.date) -> Residency:
    """The best current standing of a person: an active lease wins over an upcoming one.

    Args:
        session: Database session.
        person_id: Register person.
        today: The Helsinki date to judge on.

    Returns:
        The :class:`Residency`; status ``ended`` if the person only has past leases,
        ``none`` if they are on no lease at all.
    """
    rows = session.exec(
        select(LeaseResident, Lease)
        .join(Lease, col(Lease.id) == col(LeaseResident.lease_id))
        .where(LeaseResident.person_id == person_id)
        .order_by(col(LeaseResident.id))  # ties go the same way as in auth/actor_lookup.py
    ).all()
    tenancies = [
        Tenancy(
            role=resident.role,
            moved_in_on=resident.moved_in_on,
            moved_out_on=resident.moved_out_on,
            lease_id=lease.id,
            apartment_id=lease.apartment_id,
            starts_on=lease.starts_on,
            ends_on=lease.ends_on,
        )
        for resident, lease in rows
    ]
    return residency_from(tenancies, today)


def residency_from(tenancies: list[Tenancy], today: dt.date) -> Residency:
    """The standing :func:`residency_of` gives, from a person's tenancies already read
    (the per-event session check reads them in the same query as the session)."""
    if not tenancies:
        return Residency(status=NONE)
    current = []
    for tenancy in tenancies:
        lease_over = tenancy.ends_on is not None and tenancy.ends_on < today
        # Access ends on the moving-out day itself (the session check refuses from then).
        moved_out = tenancy.moved_out_on is not None and tenancy.moved_out_on <= today
        if not lease_over and not moved_out:
            # Someone joining a running lease later is "upcoming" until they move in.
            starts = max(tenancy.starts_on, tenancy.moved_in_on)
            current.append((starts > today, starts, tenancy))
    if not current:
        return Residency(status=ENDED)
    upcoming, starts_on, tenancy = min(current, key=lambda row: (row[0], row[1]))
    return Residency(
        status=UPCOMING if upcoming else ACTIVE,
        lease_id=tenancy.lease_id,
        apartment_id=tenancy.apartment_id,
        is_primary=tenancy.role == "primary",
        starts_on=starts_on,
    )
