"""Everything about the actor's home: apartment, lease, household, property, services
and area office, in the reader's language. What the register does not hold yet is
"missing" (the page says so), and text kept only in Finnish is marked for the label."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import urllib.parse

from sqlmodel import Session, col, or_, select

from heka_app.i18n import DEFAULT_LANGUAGE
from heka_app.i18n.formatting import format_date, format_number, format_opening_hours
from heka_app.models import (
    Apartment,
    AreaOffice,
    Building,
    Lease,
    LeaseResident,
    Person,
    Property,
    PropertyInfo,
)
from heka_app.models.places import PROPERTY_TOPICS
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.common.clock import helsinki_today
from heka_app.services.housing.apartment_types import spell_out
from heka_app.services.housing.permissions import VIEW_HOME


@dataclasses.dataclass(frozen=True)
class InfoText:
    """One property topic: text (and document link) or missing; ``finnish_only`` when
    shown in Finnish because the reader's language has none."""

    topic: str
    text: str
    url: str
    finnish_only: bool
    missing: bool


@dataclasses.dataclass(frozen=True)
class HomeDetails:
    """The "My home" page."""

    address: str
    apartment_type: str
    rooms: str
    area: str
    floor: str
    balcony: str  # "yes" / "no" / "" (not recorded)
    sauna: bool
    contract_number: str
    lease_started: bool
    lease_start: str
    signatories: tuple[str, ...]
    household: tuple[str, ...]
    property_name: str
    year_built: str
    manager: str
    manager_phone: str
    manager_tel: str
    manager_email: str
    maintenance: str
    maintenance_phone: str
    maintenance_tel: str
    emergency_phone: str
    emergency_tel: str
    office_name: str
    office_address: str
    office_phone: str
    office_tel: str
    office_email: str
    office_hours: tuple[str, ...]
    office_map: str
    info: tuple[InfoText, ...]


def tel_link(number: str) -> str:
    """``09 310 32011`` -> ``tel:+358931032011`` (Finnish numbers in international form)."""
    digits = re.sub(r"[^\d+]", "", number)
    if digits.startswith("0"):
        digits = "+358" + digits[1:]
    return f"tel:{digits}" if digits else ""


def home_details(
    *, session: Session, actor: Actor, now: dt.datetime, language: str
) -> HomeDetails | None:
    """The actor's own home (None without a lease).

    Raises:
        NotAllowed: The actor may not see a home.
    """
    require(actor, VIEW_HOME)
    if actor.lease_id is None:
        return None
    lease = session.get_one(Lease, actor.lease_id)
    apartment = session.get_one(Apartment, lease.apartment_id)
    building = session.get_one(Building, apartment.building_id)
    prop = session.get_one(Property, building.property_id)
    office = session.get_one(AreaOffice, prop.area_office_id)
    today = helsinki_today(now)
    people = residents_on(session, lease.id or 0, today)
    office_address = f"{office.street_address}, {office.postal_code} {office.city}"
    parts = {p.strip().lower() for p in apartment.apartment_type.split("+")}
    balcony = "" if apartment.has_balcony is None else ("yes" if apartment.has_balcony else "no")
    return HomeDetails(
        address=f"{building.street_address} {apartment.number}, {prop.postal_code} {prop.city}",
        apartment_type=apartment.apartment_type,
        rooms=spell_out(apartment.apartment_type, language),
        area=f"{format_number(apartment.area_m2, language)} m²",
        floor=str(apartment.floor),
        balcony=balcony,
        sauna="s" in parts,
        contract_number=lease.contract_number,
        lease_started=lease.starts_on <= today,
        lease_start=format_date(lease.starts_on, language),
        signatories=tuple(name for name, role in people if role == "primary"),
        household=tuple(name for name, _ in people),
        property_name=prop.name,
        year_built=str(prop.year_built or ""),
        manager=prop.manager_name,
        manager_phone=prop.manager_phone,
        manager_tel=tel_link(prop.manager_phone),
        manager_email=prop.manager_email,
        maintenance=prop.maintenance_company,
        maintenance_phone=prop.maintenance_phone,
        maintenance_tel=tel_link(prop.maintenance_phone),
        emergency_phone=prop.emergency_phone,
        emergency_tel=tel_link(prop.emergency_phone),
        office_name=office.name,
        office_address=office_address,
        office_phone=office.phone,
        office_tel=tel_link(office.phone),
        office_email=office.email,
        office_hours=tuple(format_opening_hours(office.opening_hours, language)),
        office_map="https://www.openstreetmap.org/search?query="
        + urllib.parse.quote(office_address),
        info=_info(session, prop.id or 0, language),
    )


def residents_on(session: Session, lease_id: int, today: dt.date) -> list[tuple[str, str]]:
    """(name, role) of the people living under ``lease_id`` on ``today``."""
    rows = session.exec(
        select(Person.first_name, Person.last_name, LeaseResident.role)
        .join(LeaseResident, col(LeaseResident.person_id) == Person.id)
        .where(LeaseResident.lease_id == lease_id)
        .where(
            or_(col(LeaseResident.moved_out_on).is_(None), col(LeaseResident.moved_out_on) > today)
        )
        .order_by(col(LeaseResident.role).desc(), col(Person.last_name), col(Person.first_name))
    ).all()
    return [(f"{first} {last}", role) for first, last, role in rows]


def _info(session: Session, property_id: int, language: str) -> tuple[InfoText, ...]:
    rows = session.exec(select(PropertyInfo).where(PropertyInfo.property_id == property_id)).all()
    by_topic: dict[str, dict[str, PropertyInfo]] = {}
    for row in rows:
        by_topic.setdefault(row.topic, {})[row.language] = row
    found = []
    for topic in PROPERTY_TOPICS:
        versions = by_topic.get(topic, {})
        chosen = versions.get(language) or versions.get(DEFAULT_LANGUAGE)
        if chosen is None:
            found.append(InfoText(topic, "", "", False, True))
            continue
        finnish_only = chosen.language != language
        found.append(InfoText(topic, chosen.text, chosen.url, finnish_only, False))
    return tuple(found)
