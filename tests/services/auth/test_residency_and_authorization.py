"""Lease states decide access; the permission table decides what each actor may do."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from heka_app.services.auth.actor import ANONYMOUS, Actor
from heka_app.services.auth.authorization import (
    FORBIDDEN,
    LOGIN_REQUIRED,
    NOT_YET_OPEN,
    PERMISSIONS,
    authorize,
)
from heka_app.services.common.clock import helsinki_today
from heka_app.services.housing.residency import residency_of
from tests.factories import build_world, first_of_next_month


def test_residency_follows_the_lease_dates(session, now):
    world = build_world(session, now, with_accounts=False)
    today = helsinki_today(now)
    status = {
        key: residency_of(session=session, person_id=pid, today=today).status
        for key, pid in world.people.items()
    }
    assert status == {
        "primary": "active",
        "co_resident": "active",
        "child": "active",
        "upcoming": "upcoming",
        "ended": "ended",
        "neighbour": "active",
        "unregistered": "none",
    }
    upcoming = residency_of(session=session, person_id=world.people["upcoming"], today=today)
    assert upcoming.starts_on == first_of_next_month(today)
    assert upcoming.may_log_in
    # On the start day the lease is in force.
    assert (
        residency_of(
            session=session, person_id=world.people["upcoming"], today=first_of_next_month(today)
        )
    ).status == "active"


def test_moving_out_ends_residency_even_if_the_lease_goes_on(session, now):
    from sqlmodel import select

    from heka_app.models import LeaseResident

    world = build_world(session, now, with_accounts=False)
    today = helsinki_today(now)
    row = session.exec(
        select(LeaseResident).where(LeaseResident.person_id == world.people["co_resident"])
    ).one()
    row.moved_out_on = today - dt.timedelta(days=1)
    session.flush()
    assert (
        residency_of(session=session, person_id=world.people["co_resident"], today=today).status
        == "ended"
    )


PRIMARY = Actor(
    role="tenant", account_id=1, person_id=1, lease_id=1, is_primary=True, residency="active"
)
CO_RESIDENT = dataclasses.replace(PRIMARY, is_primary=False)
UPCOMING = dataclasses.replace(PRIMARY, residency="upcoming", opens_on=dt.date(2026, 12, 1))
ENDED = dataclasses.replace(PRIMARY, residency="ended")


@pytest.mark.parametrize(
    ("actor", "permission", "expected"),
    [
        (ANONYMOUS, "home.view", LOGIN_REQUIRED),
        (PRIMARY, "home.view", ""),
        (PRIMARY, "rent.view", ""),
        (CO_RESIDENT, "rent.view", FORBIDDEN),
        (CO_RESIDENT, "faults.report", ""),
        (UPCOMING, "home.view", ""),
        (UPCOMING, "faults.report", NOT_YET_OPEN),
        (UPCOMING, "rent.view", NOT_YET_OPEN),
        (ENDED, "home.view", FORBIDDEN),
        (Actor(role="area_office", account_id=9), "staff.registration_codes", ""),
        (Actor(role="maintenance", account_id=9), "staff.registration_codes", FORBIDDEN),
        (Actor(role="maintenance", account_id=9), "staff.area", ""),
        (Actor(role="maintenance", account_id=9), "home.view", FORBIDDEN),
        (PRIMARY, "staff.area", FORBIDDEN),
        (Actor(role="tenant", account_id=5), "home.view", FORBIDDEN),
    ],
)
def test_authorize(actor, permission, expected):
    decision = authorize(actor, permission)
    assert decision.allowed == (expected == "")
    assert decision.reason == expected


def test_not_yet_open_says_when():
    assert authorize(UPCOMING, "messages.send").opens_on == dt.date(2026, 12, 1)


def test_unknown_permission_is_a_programming_error():
    with pytest.raises(KeyError):
        authorize(PRIMARY, "no.such.permission")
    assert "home.view" in PERMISSIONS


def test_joining_a_running_lease_later_is_upcoming_until_moving_in(session, now):
    from sqlmodel import select

    from heka_app.models import LeaseResident

    world = build_world(session, now, with_accounts=False)
    today = helsinki_today(now)
    row = session.exec(
        select(LeaseResident).where(LeaseResident.person_id == world.people["co_resident"])
    ).one()
    row.moved_in_on = today + dt.timedelta(days=60)
    session.flush()
    later = residency_of(session=session, person_id=world.people["co_resident"], today=today)
    assert (later.status, later.starts_on) == ("upcoming", today + dt.timedelta(days=60))
