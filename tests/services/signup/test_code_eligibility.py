"""An area office sees before issuing whether a code can be used, and the service refuses
a code the registration rules would turn down (issue 8, defect 2)."""

from __future__ import annotations

from sqlmodel import select

from heka_app.models.identification import RegistrationCode
from heka_app.services.auth.actor import Actor
from heka_app.services.signup import codes as registration_codes
from heka_app.services.signup import eligibility
from tests.factories import build_world, make_staff


def _office(world) -> Actor:
    return Actor(role="area_office", account_id=world.accounts["area_office"])


def test_search_results_show_age_and_why_a_code_would_not_work(session, now):
    world = build_world(session, now)
    found = registration_codes.find_people(
        session=session, actor=_office(world), query="Testinen", now=now
    )
    by_id = {m.person_id: m for m in found}
    expected = {
        "child": registration_codes.CANNOT_USE[eligibility.UNDER_AGE],
        "ended": registration_codes.CANNOT_USE[eligibility.LEASE_ENDED],
        "primary": registration_codes.CANNOT_USE[eligibility.ALREADY_REGISTERED],
        "unregistered": registration_codes.CANNOT_USE[eligibility.NOT_IN_REGISTER],
    }
    for key, reason in expected.items():
        assert by_id[world.people[key]].cannot_use == reason, key
    assert by_id[world.people["child"]].age == 10


def test_a_code_is_issued_only_to_someone_who_can_use_it(session, now):
    world = build_world(session, now, with_accounts=False)
    office = Actor(role="area_office", account_id=make_staff(session, "area_office", now=now).id)
    # The child (10) cannot register: no code is stored, the office is told why.
    refused = registration_codes.issue_code(
        session=session, actor=office, person_id=world.people["child"], now=now
    )
    assert refused.code == ""
    assert refused.refused == registration_codes.CANNOT_USE[eligibility.UNDER_AGE]
    assert refused.person_name
    assert session.exec(select(RegistrationCode)).all() == []
    issued = registration_codes.issue_code(
        session=session, actor=office, person_id=world.people["primary"], now=now
    )
    assert issued.code and issued.refused == ""
