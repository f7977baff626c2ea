"""Message handlers over the raw websocket: another household's thread answers "not
found" and changes nothing; a co-resident cannot open a primary tenant's rent thread;
internal notes never reach a tenant; tenants cannot reach the inbox handlers; only an
admin assigns area-office handlers to offices."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from heka_app.db import session_scope
from heka_app.models import UserAccount
from heka_app.models.messages import MessageThread, StaffAreaOffice, ThreadMessage
from heka_app.models.places import AreaOffice
from heka_app.state.message_thread import MessageThreadState
from heka_app.state.messages import MessageFormState
from heka_app.state.staff_inbox import StaffInboxState
from heka_app.state.staff_messages import StaffThreadState
from heka_app.state.staff_offices import StaffOfficesState
from tests.e2e.test_faults_protocol import NEIGHBOUR, _neighbour_account
from tests.e2e.test_protocol import _login, _name, backend, sockets  # noqa: F401 - fixtures

pytestmark = pytest.mark.e2e


def _text(reply: dict) -> str:
    return json.dumps(reply, ensure_ascii=False)


def _send(sock, key: str, topic: str = "general") -> int:
    sock.emit(
        _name(MessageFormState, "submit"),
        {"form_data": {"submission_id": key, "topic": topic, "subject": "Raw " + key,
                       "text": "SECRET-BODY-" + key}},
        path="/messages/new",
    )  # fmt: skip
    with session_scope() as s:
        return s.exec(select(MessageThread.id).where(MessageThread.submission_id == key)).one()


def _open(sock, state, thread_id: int, staff: bool = False) -> dict:
    path = ("/staff/messages/" if staff else "/messages/") + str(thread_id)
    return sock.emit(_name(state, "load"), path=path, query={"thread": str(thread_id)})


def _lines(thread_id: int) -> int:
    with session_scope() as s:
        return len(
            s.exec(select(ThreadMessage.id).where(ThreadMessage.thread_id == thread_id)).all()
        )


def test_another_household_gets_not_found_and_changes_nothing(sockets, now):  # noqa: F811
    _neighbour_account(now)
    tenant = sockets()
    _login(tenant, "tenant@demo.heka.example")
    thread_id = _send(tenant, "raw-ws-message-000000001")
    before = _lines(thread_id)
    other = sockets()
    _login(other, NEIGHBOUR)
    reply = _open(other, MessageThreadState, thread_id)
    delta = reply["delta"].get(MessageThreadState.get_full_name(), {})
    assert delta.get("missing_rx_state_") is True
    assert "SECRET-BODY" not in _text(reply)
    for handler, payload in (("reply", {"form_data": {"text": "not mine"}}), ("tick", {})):
        answer = other.emit(
            _name(MessageThreadState, handler), payload, path=f"/messages/{thread_id}"
        )
        assert "SECRET-BODY" not in _text(answer)
    assert _lines(thread_id) == before


def test_co_resident_cannot_open_a_rent_thread(sockets, now):  # noqa: F811
    tenant = sockets()
    _login(tenant, "tenant@demo.heka.example")
    thread_id = _send(tenant, "raw-ws-rent-0000000001", topic="rent_charge")
    co = sockets()
    _login(co, "coresident@demo.heka.example")
    reply = _open(co, MessageThreadState, thread_id)
    assert reply["delta"][MessageThreadState.get_full_name()].get("missing_rx_state_") is True
    assert "SECRET-BODY" not in _text(reply)
    # Nor can a co-resident start one: the topic is refused, nothing is written.
    co.emit(
        _name(MessageFormState, "submit"),
        {"form_data": {"submission_id": "raw-ws-rent-co-000001", "topic": "rent_plan",
                       "subject": "x", "text": "xx"}},
        path="/messages/new",
    )  # fmt: skip
    with session_scope() as s:
        assert not s.exec(
            select(MessageThread).where(MessageThread.submission_id == "raw-ws-rent-co-000001")
        ).first()


def test_internal_notes_never_reach_the_tenant_nor_the_inbox_handlers(sockets, now):  # noqa: F811
    tenant = sockets()
    _login(tenant, "tenant@demo.heka.example")
    thread_id = _send(tenant, "raw-ws-note-0000000001")
    staff = sockets()
    _login(staff, "staff.customer_service@demo.heka.example")
    _open(staff, StaffThreadState, thread_id, staff=True)
    saved = staff.emit(
        _name(StaffThreadState, "reply"),
        {"form_data": {"text": "INTERNAL-NOTE-4711", "internal": "on"}},
        path=f"/staff/messages/{thread_id}",
    )
    assert "INTERNAL-NOTE-4711" in _text(saved)  # staff see it
    seen = _open(tenant, MessageThreadState, thread_id)
    assert "SECRET-BODY" in _text(seen) and "INTERNAL-NOTE-4711" not in _text(seen)
    before = _lines(thread_id)
    for handler, payload in (
        ("load", {}),
        ("reply", {"form_data": {"text": "forged staff reply", "internal": ""}}),
        ("change_status", {"form_data": {"status": "done", "text": ""}}),
        ("use_template", {"key": "received"}),
        ("record_plan", {"form_data": {"due_1": "2099-01-01", "amount_1": "1"}}),
        ("assign_to_me", {}),
    ):
        answer = tenant.emit(
            _name(StaffThreadState, handler), payload, path=f"/staff/messages/{thread_id}"
        )
        assert "INTERNAL-NOTE-4711" not in _text(answer)
    listing = tenant.emit(_name(StaffInboxState, "apply_filters"), {"form_data": {}})
    assert not listing["delta"].get(StaffInboxState.get_full_name(), {}).get("cards_rx_state_")
    assert _lines(thread_id) == before
    with session_scope() as s:
        thread = s.get(MessageThread, thread_id)
        assert thread.status == "sent" and thread.assigned_to_id is None
    paged = tenant.emit(_name(StaffInboxState, "go_to"), {"page": 1})
    assert not paged["delta"].get(StaffInboxState.get_full_name(), {}).get("cards_rx_state_")


def test_only_an_admin_assigns_area_offices(sockets, now):  # noqa: F811
    with session_scope() as s:
        handler_id = s.exec(select(UserAccount.id).where(UserAccount.role == "area_office")).first()
        offices = list(s.exec(select(AreaOffice.id)).all())
        before = sorted(s.exec(select(StaffAreaOffice.account_id, StaffAreaOffice.area_office_id)))
    ticked = {f"office-{i}": "on" for i in offices}
    for email in ("staff.area_office@demo.heka.example", "tenant@demo.heka.example"):
        sock = sockets()
        _login(sock, email)
        board = sock.emit(_name(StaffOfficesState, "load"), path="/staff/area-offices")
        assert (
            not board["delta"].get(StaffOfficesState.get_full_name(), {}).get("handlers_rx_state_")
        )
        sock.emit(
            _name(StaffOfficesState, "save"),
            {"form_data": {"account_id": str(handler_id), **ticked}},
            path="/staff/area-offices",
        )
    with session_scope() as s:
        after = sorted(s.exec(select(StaffAreaOffice.account_id, StaffAreaOffice.area_office_id)))
    assert after == before
