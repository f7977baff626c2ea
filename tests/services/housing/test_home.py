"""The front page's home card (housing/home.py): its one prebuilt statement gives what the
five ORM lookups it replaced gave (kept below as the reference), for every household."""

from __future__ import annotations

import pytest

from heka_app.i18n.formatting import format_date, format_number, format_opening_hours
from heka_app.models import Apartment, AreaOffice, Building, Lease, Property, UserAccount
from heka_app.services.auth.actor import ANONYMOUS
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.common.results import NotAllowed
from heka_app.services.housing.home import HomeView, home_overview
from tests.factories import build_world


def _reference(session, actor, language) -> HomeView:
    """home_overview as it was before issue 15's round 2."""
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


def test_every_household_sees_the_home_the_orm_lookups_gave(session, now):
    world = build_world(session, now)
    prop = session.get(Property, 1)
    prop.year_built = None  # "" rather than "None"
    session.commit()
    seen = set()
    for key in ("primary", "co_resident", "upcoming", "neighbour"):
        account = session.get(UserAccount, world.accounts[key])
        actor = actor_for_account(session=session, account=account, now=now)
        for language in ("fi", "sv", "en"):
            view = home_overview(session=session, actor=actor, language=language)
            assert view == _reference(session, actor, language), (key, language)
            seen.add((view.apartment, view.opens_on != ""))
    assert len(seen) == 3  # three apartments, one of them upcoming


def test_no_home_for_staff_or_visitors(session, now):
    world = build_world(session, now)
    staff = session.get(UserAccount, world.accounts["customer_service"])
    for actor in (ANONYMOUS, actor_for_account(session=session, account=staff, now=now)):
        with pytest.raises(NotAllowed):
            home_overview(session=session, actor=actor, language="fi")
