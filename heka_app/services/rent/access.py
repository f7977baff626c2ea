"""Which lease an actor may see the rent of: ``get_lease_for`` and the staff search."""

from __future__ import annotations

import dataclasses

from sqlalchemy import bindparam
from sqlmodel import Session, col, or_, select

from heka_app.models import Apartment, Building, Lease, LeaseResident, Person
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.common.results import NotFound
from heka_app.services.rent.permissions import VIEW, VIEW_ANY

SEARCH_LIMIT = 20


def _wanted(actor: Actor, lease_id: int | None) -> int | None:
    """The id of the lease ``actor`` may see the rent of, if any (raises NotAllowed)."""
    if actor.is_staff:
        require(actor, VIEW_ANY)
        return lease_id
    require(actor, VIEW)
    own = lease_id is None or lease_id == actor.lease_id
    return actor.lease_id if own and actor.lease_id else None


def get_lease_for(*, session: Session, actor: Actor, lease_id: int | None) -> Lease:
    """The lease whose rent ``actor`` asks for: a tenant's own (``lease_id`` None or their
    own id), or any lease for rent monitoring staff.

    Raises:
        NotAllowed: The actor may not see rent at all.
        NotFound: No such lease, or another household's (answered the same).
    """
    wanted = _wanted(actor, lease_id)
    lease = session.get(Lease, wanted) if wanted is not None else None
    if lease is None:
        raise NotFound("lease")
    return lease


@dataclasses.dataclass(frozen=True)
class LeaseFacts:
    """What the rent overview shows of the lease itself."""

    id: int
    contract_number: str
    payment_reference: str


# Built once (issue 15: /rent reads it on every visit; no ORM object needed).
_FACTS = select(col(Lease.id), col(Lease.contract_number), col(Lease.payment_reference)).where(
    col(Lease.id) == bindparam("lease_id")
)


def lease_facts_for(*, session: Session, actor: Actor, lease_id: int | None) -> LeaseFacts:
    """``get_lease_for``'s decision, answered with the lease's facts (same errors)."""
    wanted = _wanted(actor, lease_id)
    row = None
    if wanted is not None:
        row = session.connection().execute(_FACTS, {"lease_id": wanted}).one_or_none()
    if row is None:
        raise NotFound("lease")
    found_id, contract_number, reference = row
    return LeaseFacts(found_id or 0, contract_number, reference)


@dataclasses.dataclass(frozen=True)
class LeaseHit:
    """One search result for staff: the lease and who signed it."""

    lease_id: int
    contract_number: str
    address: str
    tenants: str


def search_leases(*, session: Session, actor: Actor, query: str) -> list[LeaseHit]:
    """Leases by contract number, payment reference, street address or a primary tenant's
    name (at most :data:`SEARCH_LIMIT`).

    Raises:
        NotAllowed: Not rent monitoring staff.
    """
    require(actor, VIEW_ANY)
    text = " ".join(query.split())[:80]
    if len(text) < 2:
        return []
    like = f"%{text.replace(' ', '')}%" if text.replace(" ", "").isdigit() else f"%{text}%"
    rows = session.exec(
        select(Lease, Apartment, Building)
        .join(Apartment, col(Apartment.id) == col(Lease.apartment_id))
        .join(Building, col(Building.id) == col(Apartment.building_id))
        .outerjoin(LeaseResident, col(LeaseResident.lease_id) == col(Lease.id))
        .outerjoin(Person, col(Person.id) == col(LeaseResident.person_id))
        .where(
            or_(
                col(Lease.contract_number).ilike(like),
                col(Lease.payment_reference).ilike(like),
                col(Building.street_address).ilike(like),
                (col(Person.first_name) + " " + col(Person.last_name)).ilike(like),
                col(Person.last_name).ilike(like),
            )
        )
        .order_by(col(Lease.contract_number))
        .distinct()
        .limit(SEARCH_LIMIT)
    ).all()
    hits = []
    for lease, apartment, building in rows:
        names = session.exec(
            select(Person.first_name, Person.last_name)
            .join(LeaseResident, col(LeaseResident.person_id) == col(Person.id))
            .where(LeaseResident.lease_id == lease.id, LeaseResident.role == "primary")
            .order_by(col(Person.last_name))
        ).all()
        hits.append(
            LeaseHit(
                lease_id=lease.id or 0,
                contract_number=lease.contract_number,
                address=f"{building.street_address} {apartment.number}",
                tenants=", ".join(f"{first} {last}" for first, last in names),
            )
        )
    return hits
