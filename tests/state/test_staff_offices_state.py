"""The admin's area-office page on real state objects: the board, a save that ticks an
office, junk refused in words with nothing written, and no board for anyone else."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from heka_app.models.messages import StaffAreaOffice
from heka_app.services.staff.area_offices import UNKNOWN_OFFICE
from heka_app.state.staff_offices import NOT_A_HANDLER, StaffOfficesState, office_ids
from tests.factories import build_world
from tests.state.handler_calls import call, run, signed_in_root, substate


@pytest.fixture
def world(engine, now):
    with Session(engine) as s:
        return build_world(s, now)


def _rows(engine) -> list[tuple[int, int]]:
    with Session(engine) as s:
        return list(s.exec(select(StaffAreaOffice.account_id, StaffAreaOffice.area_office_id)))


def test_admin_ticks_offices_and_junk_writes_nothing(engine, now, world):
    _, admin = signed_in_root(engine, now, "admin", world=world)
    page = substate(admin, StaffOfficesState)
    run(call(page, "load"))
    assert page.allowed and [h["id"] for h in page.handlers] == [str(world.accounts["area_office"])]
    handler, office = page.handlers[0]["id"], page.offices[0]["id"]
    run(call(page, "save", {"account_id": handler, f"office-{office}": "on", "office-x": ""}))
    assert page.saved and page.saved_for == handler and not page.error
    assert page.handlers[0]["office_ids"] == [office]
    assert _rows(engine) == [(int(handler), int(office))]
    run(call(page, "save", {"account_id": handler, "office-<script>": "on"}))
    assert page.error == UNKNOWN_OFFICE and not page.saved
    assert _rows(engine) == [(int(handler), int(office))]  # nothing lost
    run(call(page, "save", {"account_id": str(world.accounts["admin"])}))
    assert page.error == NOT_A_HANDLER and _rows(engine) == [(int(handler), int(office))]
    run(call(page, "save", {"account_id": handler}))  # nothing ticked: no office
    assert page.saved and page.handlers[0]["office_ids"] == [] and _rows(engine) == []


@pytest.mark.parametrize("role", ["area_office", "customer_service", "primary"])
def test_nobody_else_gets_the_board(engine, now, world, role):
    _, root = signed_in_root(engine, now, role, world=world)
    page = substate(root, StaffOfficesState)
    run(call(page, "load"))
    assert not page.allowed and page.handlers == [] and page.offices == []


def test_ticked_names_become_ids_and_junk_names_are_kept_as_refusals():
    assert office_ids({"office-3": "on", "office-9": "", "account_id": "1"}) == [3]
    assert office_ids({"office-abc": "on", "office-" + "9" * 30: "on"}) == [-1, -1]
    assert office_ids("junk") == []
