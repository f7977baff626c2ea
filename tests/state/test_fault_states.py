"""Fault handlers on real state objects: submit once, household scoping, internal notes
never in a tenant's state, and the live tick picking up a staff change."""

from __future__ import annotations

import pytest
from sqlmodel import Session, func, select

from heka_app.models.faults import FaultReport
from heka_app.state import fault_queue, fault_report
from heka_app.state.fault_queue import FaultQueueState, StaffFaultState
from heka_app.state.fault_report import FaultDetailState
from heka_app.state.faults import FaultFormState, FaultListState
from tests.factories import build_world
from tests.state.handler_calls import call, run, signed_in_root, substate

FORM = {
    "submission_id": "state-test-submission-0001",
    "urgent": "yes",
    "category": "plumbing.leak",
    "location": "room:kitchen",
    "description": "Water under the sink <img src=x onerror=alert(1)>",
    "enter": "no",
    "reachable_at": "Weekdays after 16",
    "pets": "",
    "contact_phone": "040 123 4567",
    "notify": "on",
}


@pytest.fixture(autouse=True)
def uploads(tmp_path, monkeypatch):
    monkeypatch.setattr("heka_app.services.uploads.storage.upload_root", lambda: tmp_path)


@pytest.fixture
def world(engine, now):
    with Session(engine) as s:
        return build_world(s, now)


def _count(engine) -> int:
    with Session(engine) as s:
        return s.exec(select(func.count()).select_from(FaultReport)).one()


def _open(monkeypatch, report_id: int) -> None:
    monkeypatch.setattr(fault_report, "fault_id_param", lambda state: report_id)
    monkeypatch.setattr(fault_queue, "fault_id_param", lambda state: report_id)


def test_submit_twice_makes_one_report_and_keeps_errors_per_field(engine, now, world):
    _, root = signed_in_root(engine, now, "primary", world=world)
    form = substate(root, FaultFormState)
    run(call(form, "load"))
    run(call(form, "submit", {**FORM, "contact_phone": "nope"}))
    assert form.field_errors == {"contact_phone": "Enter a phone number, e.g. 040 123 4567."}
    assert _count(engine) == 0
    run(call(form, "submit", FORM))
    first = form.number
    run(call(form, "submit", FORM))  # a double click, or a retry after a dropped link
    assert form.number == first and _count(engine) == 1
    _, other_tab = signed_in_root(engine, now, "co_resident", world=world)
    run(call(substate(other_tab, FaultFormState), "submit", FORM))  # the household's 2nd tab
    assert _count(engine) == 1


def test_household_sees_its_report_neighbour_gets_not_found(engine, now, world, monkeypatch):
    _, root = signed_in_root(engine, now, "primary", world=world)
    run(call(substate(root, FaultFormState), "submit", FORM))
    with Session(engine) as s:
        report_id = s.exec(select(FaultReport.id)).one()
    _open(monkeypatch, report_id)
    _, co = signed_in_root(engine, now, "co_resident", world=world)
    mine = substate(co, FaultDetailState)
    run(call(mine, "load"))
    assert mine.card["id"] == report_id and not mine.missing
    assert mine.detail["description"] == FORM["description"]  # stored as typed, shown as text
    listing = substate(co, FaultListState)
    run(call(listing, "load"))
    assert [c["id"] for c in listing.cards] == [report_id]
    _, neighbour = signed_in_root(engine, now, "neighbour", world=world)
    theirs = substate(neighbour, FaultDetailState)
    run(call(theirs, "load"))
    assert theirs.missing and theirs.detail == {} and theirs.timeline == []
    run(call(theirs, "add_comment", {"comment": "sneaky"}))
    assert theirs.missing
    with Session(engine) as s:
        assert s.get(FaultReport, report_id).version == 1


def test_staff_change_reaches_the_tenant_on_tick_without_the_note(engine, now, world, monkeypatch):
    _, tenant_root = signed_in_root(engine, now, "primary", world=world)
    run(call(substate(tenant_root, FaultFormState), "submit", FORM))
    with Session(engine) as s:
        report_id = s.exec(select(FaultReport.id)).one()
    _open(monkeypatch, report_id)
    page = substate(tenant_root, FaultDetailState)
    run(call(page, "load"))
    run(call(page, "tick"))
    assert page.card["status"] == "received"
    _, staff_root = signed_in_root(engine, now, "maintenance", world=world)
    staff = substate(staff_root, StaffFaultState)
    run(call(staff, "load"))
    assert staff.detail["reachable_at"] == "Weekdays after 16"
    form = {"status": "in_progress", "comment": "Tomorrow at 9", "note": "SECRET key code 1234"}
    run(call(staff, "handle", form))
    assert staff.saved and any(e["text"] == "SECRET key code 1234" for e in staff.timeline)
    run(call(page, "tick"))
    assert page.card["status"] == "in_progress"
    assert [e["text"] for e in page.timeline if e["text"]] == ["Tomorrow at 9"]
    assert "SECRET" not in repr(page.dict())


def test_queue_lists_for_staff_only(engine, now, world):
    _, staff_root = signed_in_root(engine, now, "customer_service", world=world)
    queue = substate(staff_root, FaultQueueState)
    run(call(queue, "load"))
    assert queue.loaded and queue.total == 0
    _, tenant_root = signed_in_root(engine, now, "primary", world=world)
    theirs = substate(tenant_root, FaultQueueState)
    run(call(theirs, "apply_filters", {"status": "received"}))
    assert not theirs.loaded and theirs.cards == []
