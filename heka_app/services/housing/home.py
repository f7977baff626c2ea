"""The tenant's own home and property, scoped to the actor's current or upcoming lease."""

from __future__ import annotations

import dataclasses

from sqlmodel import Session

from heka_app.i18n import LANGUAGES
from heka_app.i18n.formatting import format_date, format_number, format_opening_hours
from heka_app.models import Apartment, AreaOffice, Building, Lease, Property
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import authorize


@dataclasses.dataclass(frozen=True)
class HomeView:
    """What the home page shows; language-dependent values per language."""

    address: str
    apartment: str
    apartment_type: str
    rooms: int
    area: dict[str, str]
    floor: int
    property_name: str
    year_built: str
    contract_number: str
    lease_starts: dict[str, str]
    manager: str
    manager_phone: str
    manager_email: str
    maintenance: str
    maintenance_phone: str
    emergency_phone: str
    office_name: str
    office_phone: str
    office_hours: dict[str, str]


def home_overview(*, session: Session, actor: Actor) -> HomeView | None:
    """The actor's home; None if the actor may not see one (checked here, not only above)."""
    if not authorize(actor, "home.view").allowed or actor.lease_id is None:
        return None
    lease = session.get(Lease, actor.lease_id)
    apartment = session.get(Apartment, lease.apartment_id)
    building = session.get(Building, apartment.building_id)
    prop = session.get(Property, building.property_id)
    office = session.get(AreaOffice, prop.area_office_id)
    return HomeView(
        address=f"{building.street_address} {apartment.number}, {prop.postal_code} {prop.city}",
        apartment=apartment.number,
        apartment_type=apartment.apartment_type,
        rooms=apartment.rooms,
        area={lang: f"{format_number(apartment.area_m2, lang)} m²" for lang in LANGUAGES},
        floor=apartment.floor,
        property_name=prop.name,
        year_built=str(prop.year_built or ""),
        contract_number=lease.contract_number,
        lease_starts={lang: format_date(lease.starts_on, lang) for lang in LANGUAGES},
        manager=prop.manager_name,
        manager_phone=prop.manager_phone,
        manager_email=prop.manager_email,
        maintenance=prop.maintenance_company,
        maintenance_phone=prop.maintenance_phone,
        emergency_phone=prop.emergency_phone,
        office_name=office.name,
        office_phone=office.phone,
        office_hours={
            lang: ", ".join(format_opening_hours(office.opening_hours, lang)) for lang in LANGUAGES
        },
    )
