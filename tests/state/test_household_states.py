"""Household requests on real state objects: the moving-out form offers the household,
the notice shows its end date before sending, a signatory confirms it with the password
on the thread page, and a typed identity code never lands in any state var."""

from __future__ import annotations

import json

import pytest
from sqlmodel import Session, select

from heka_app.demo.households import identity_code
from heka_app.models.messages import MessageThread
from heka_app.services.common.clock import helsinki_today
from heka_app.state import message_thread, service_requests
from heka_app.state.message_thread import MessageThreadState
from heka_app.state.request_signatures import RequestSignatureState
from heka_app.state.service_requests import RequestFormState
from tests.factories import PASSWORD, build_world
from tests.state.handler_calls import call, run, signed_in_root, substate


@pytest.fixture
def world(engine, now):
    with Session(engine) as s:
        return build_world(s, now)


def _form(monkeypatch, root, key: str) -> RequestFormState:
    monkeypatch.setattr(service_requests, "request_type_param", lambda state: key)
    form = substate(root, RequestFormState)
    run(call(form, "load"))
    return form


def _last_thread(engine) -> MessageThread:
    with Session(engine) as s:
        return s.exec(select(MessageThread).order_by(MessageThread.id.desc())).first()


def test_moving_out_form_offers_the_household(engine, now, world, monkeypatch):
    _, root = signed_in_root(engine, now, "primary", world=world)
    form = _form(monkeypatch, root, "move_out")
    resident = form.fields[0]
    assert resident["name"] == "resident" and resident["kind"] == "choice"
    assert sorted(c["label"] for c in resident["choices"]) == [
        "Child Testinen",
        "Co_Resident Testinen",
    ]


@pytest.mark.now("2026-03-12T10:00:00+00:00")
def test_notice_shows_the_end_date_and_is_confirmed_with_the_password(
    engine, now, world, monkeypatch
):
    _, root = signed_in_root(engine, now, "primary", world=world)
    form = _form(monkeypatch, root, "termination")
    assert [f["name"] for f in form.fields] == [
        "inspection_date",
        "inspection_time",
        "new_address",
    ]
    assert form.preview[1] == {"label": "The lease ends on", "value": "30. huhtikuuta 2026"}
    assert form.needs_signatures and len(form.checklist) == 5
    values = {"submission_id": "state-test-notice-0000001", "inspection_date": "2026-04-28",
              "inspection_time": "afternoon"}  # fmt: skip
    run(call(form, "submit", values))
    thread = _last_thread(engine)
    assert thread.status == "waiting" and not form.field_errors
    monkeypatch.setattr(message_thread, "fault_id_param", lambda state: thread.id)
    page = substate(root, MessageThreadState)
    run(call(page, "load"))
    assert page.card["status"] == "waiting" and page.signing["may_confirm"]
    assert page.signing["signers"] == [{"name": "Primary Testinen", "confirmed": False, "me": True}]
    signing = substate(root, RequestSignatureState)
    run(call(signing, "confirm", {"password": "not my password"}))
    assert signing.field_errors == {"current": "The current password is incorrect."}
    assert _last_thread(engine).status == "waiting"
    run(call(signing, "confirm", {"password": PASSWORD}))
    assert _last_thread(engine).status == "sent"
    assert page.card["status"] == "sent" and not page.signing["waiting"]
    assert signing.done == "You have confirmed the notice."


def test_identity_code_typed_into_the_form_stays_out_of_state(engine, now, world, monkeypatch):
    _, root = signed_in_root(engine, now, "primary", world=world)
    form = _form(monkeypatch, root, "move_in")
    today = helsinki_today(now)
    code = identity_code(today.replace(year=today.year - 40, day=3), 961)
    values = {
        "submission_id": "state-test-move-in-000001",
        "first_name": "Uusi",
        "last_name": "Asukas",
        "identity_code": code,
        "moved_in_on": today.isoformat(),
    }
    run(call(form, "submit", {**values, "first_name": ""}))  # an error first, then sent
    run(call(form, "submit", values))
    thread = _last_thread(engine)
    assert thread.request_type == "move_in" and code not in thread.request_data
    monkeypatch.setattr(message_thread, "fault_id_param", lambda state: thread.id)
    run(call(substate(root, MessageThreadState), "load"))
    everything = json.dumps(root.dict(), default=str)
    assert code not in everything and code[:7] + "****" in everything
