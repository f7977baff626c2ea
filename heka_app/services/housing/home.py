"""The tenant's own home and property, scoped to the actor's current or upcoming lease."""

from __future__ import annotations

import dataclasses

from sqlmodel import Session

from heka_app.i18n.formatting import format_date, format_number, format_opening_hours
from heka_app.models import Apartment, AreaOffice, Building, Lease, Property
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.housing.permissions import VIEW_HOME


@dataclasses.dataclass(frozen=True)
class HomeView:
    """What the home page shows, formatted in the session's language."""

    address: str
    apartment: str
    apartment_type: str
    rooms: int
    area: str
    floor: int
    property_name: str
    year_built: str
    contract_number: str
    lease_starts: str
    manager: str
    manager_phone: str
    manager_email: str
    maintenance: str
    maintenance_phone: str
    emergency_phone: str
    office_name: str
    office_phone: str
    office_hours: str
    opens_on: str  # "" once the lease is in force


def home_overview(*, session: Session, actor: Actor, language: str) -> HomeView | None:
    """The actor's home; None when no lease is found.

    Raises:
        NotAllowed: The actor may not see a home (checked here, not only by the guard).
    """
    require(actor, VIEW_HOME)
    if actor.lease_id is None:
        return None
    # Foreign keys guarantee each row; get_one says so (and raises if one ever vanished).
    lease = session.get_one(Lease, actor.lease_id)
    apartment = session.get_one(Apartment, lease.apartment_id)
    building = session.get_one(Building, apartment.building_id)
    prop = session.get_one(Property, building.property_id)
    office = session.get_one(AreaOffice, prop.area_office_id)
    return HomeView(
        address=f"{building.street_address} {apartment.number}, {prop.postal_code} {prop.city}",
        apartment=apartment.number,
        apartment_type=apartment.apartment_type,
        rooms=apartment.rooms,
        area=f"{format_number(apartment.area_m2, language)} m²",
        floor=apartment.floor,
        property_name=prop.name,
        year_built=str(prop.year_built or ""),
        contract_number=lease.contract_number,
        lease_starts=format_date(lease.starts_on, language),
        manager=prop.manager_name,
        manager_phone=prop.manager_phone,
        manager_email=prop.manager_email,
        maintenance=prop.maintenance_company,
        maintenance_phone=prop.maintenance_phone,
        emergency_phone=prop.emergency_phone,
        office_name=office.name,
        office_phone=office.phone,
        office_hours=", ".join(format_opening_hours(office.opening_hours, language)),
        opens_on=format_date(actor.opens_on, language) if actor.opens_on else "",
    )
