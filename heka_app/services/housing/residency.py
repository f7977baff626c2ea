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
    ).all()
    if not rows:
        return Residency(status=NONE)
    current = []
    for resident, lease in rows:
        lease_over = lease.ends_on is not None and lease.ends_on < today
        # Access ends on the moving-out day itself (the session check refuses from then).
        moved_out = resident.moved_out_on is not None and resident.moved_out_on <= today
        if not lease_over and not moved_out:
            # Someone joining a running lease later is "upcoming" until they move in.
            starts = max(lease.starts_on, resident.moved_in_on)
            current.append((starts > today, starts, resident, lease))
    if not current:
        return Residency(status=ENDED)
    upcoming, starts_on, resident, lease = min(current, key=lambda row: (row[0], row[1]))
    return Residency(
        status=UPCOMING if upcoming else ACTIVE,
        lease_id=lease.id,
        apartment_id=lease.apartment_id,
        is_primary=resident.role == "primary",
        starts_on=starts_on,
    )
