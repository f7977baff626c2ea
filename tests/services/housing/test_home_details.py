"""The "My home" page's data: spelled-out type, household, tap-to-call, Finnish-only and
missing property information, scoping to the actor's own lease."""

from __future__ import annotations

import pytest

from heka_app.models import Apartment, Building, PropertyInfo, UserAccount
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.common.results import NotAllowed
from heka_app.services.housing.apartment_types import spell_out
from heka_app.services.housing.home_details import home_details, tel_link
from tests.factories import build_world


@pytest.mark.parametrize(
    ("shorthand", "language", "expected"),
    [
        ("3h+k+s", "fi", "3 huonetta, keittiö, sauna"),
        ("3h+k+s", "sv", "3 rum, kök, bastu"),
        ("1h+kk", "en", "1 room, kitchenette"),
        ("2H + KT + lp", "en", "2 rooms, kitchen area, glazed balcony"),
        ("4h+k+xyz", "en", "4 rooms, kitchen, xyz"),
    ],
)
def test_apartment_types_spelled_out(shorthand, language, expected):
    assert spell_out(shorthand, language) == expected


def test_tel_links_in_international_form():
    assert tel_link("09 310 32011") == "tel:+358931032011"
    assert tel_link("010 555 2300") == "tel:+358105552300"
    assert tel_link("+358 40 123 4567") == "tel:+358401234567"
    assert tel_link("") == ""


@pytest.fixture
def world(session, now):
    return build_world(session, now)


def _actor(session, world, key, now):
    account = session.get(UserAccount, world.accounts[key])
    return actor_for_account(session=session, account=account, now=now)


def test_own_home_household_and_property_information(session, now, world):
    apartment = session.get(Apartment, world.apartments["home"])
    property_id = session.get(Building, apartment.building_id).property_id
    session.add_all(
        [
            PropertyInfo(property_id=property_id, topic="sauna", language="fi", text="Ma klo 18"),
            PropertyInfo(property_id=property_id, topic="sauna", language="sv", text="Mån kl 18"),
            PropertyInfo(property_id=property_id, topic="waste", language="fi", text="Katos"),
        ]
    )
    session.flush()
    details = home_details(
        session=session, actor=_actor(session, world, "co_resident", now), now=now, language="sv"
    )
    assert details.signatories == ("Primary Testinen",)
    assert details.household == ("Primary Testinen", "Child Testinen", "Co_Resident Testinen")
    assert details.manager_tel.startswith("tel:+358")
    info = {i.topic: i for i in details.info}
    assert (info["sauna"].text, info["sauna"].finnish_only) == ("Mån kl 18", False)
    assert (info["waste"].text, info["waste"].finnish_only) == ("Katos", True)
    assert info["parking"].missing and info["rescue_plan"].missing
    neighbour = home_details(
        session=session, actor=_actor(session, world, "neighbour", now), now=now, language="fi"
    )
    assert neighbour.address != details.address
    assert not set(neighbour.household) & set(details.household)


def test_staff_have_no_home(session, now, world):
    with pytest.raises(NotAllowed):
        home_details(
            session=session, actor=_actor(session, world, "admin", now), now=now, language="fi"
        )
