"""Household handlers over the raw websocket: a co-resident cannot file a notice of
termination or a household change whatever the URL claims, nor confirm one; another
household can neither confirm nor withdraw a waiting notice, even with its own right
password; a signatory can withdraw it."""

from __future__ import annotations

import pytest
from sqlmodel import select

from heka_app.db import session_scope
from heka_app.models.household import RequestSignatory
from heka_app.models.messages import MessageThread
from heka_app.state.message_thread import MessageThreadState
from heka_app.state.request_signatures import RequestSignatureState
from heka_app.state.service_requests import RequestFormState
from tests.e2e.test_faults_protocol import NEIGHBOUR, _neighbour_account
from tests.e2e.test_messages import DEMO_PASSWORD
from tests.e2e.test_protocol import _login, _name, backend, sockets  # noqa: F401 - fixtures

pytestmark = pytest.mark.e2e
NOTICE = {"inspection_date": "2099-01-15", "inspection_time": "morning"}


def _file(sock, key: str, type_key: str, values: dict) -> None:
    path = f"/messages/request?type={type_key}"
    sock.emit(_name(RequestFormState, "load"), path=path, query={"type": type_key})
    sock.emit(
        _name(RequestFormState, "submit"),
        {"form_data": {"submission_id": key, **values}},
        path=path,
        query={"type": type_key},
    )


def _thread(key: str) -> MessageThread | None:
    with session_scope() as s:
        return s.exec(select(MessageThread).where(MessageThread.submission_id == key)).first()


def _confirmed(thread_id: int) -> list:
    with session_scope() as s:
        return [
            r.confirmed_at
            for r in s.exec(
                select(RequestSignatory).where(RequestSignatory.thread_id == thread_id)
            ).all()
        ]


def _on_thread(sock, thread_id: int, handler: str, payload: dict | None = None) -> dict:
    path = f"/messages/{thread_id}"
    sock.emit(_name(MessageThreadState, "load"), path=path, query={"thread": str(thread_id)})
    return sock.emit(_name(RequestSignatureState, handler), payload or {}, path=path)


def test_a_co_resident_cannot_file_or_confirm_a_notice(sockets, now):  # noqa: F811
    co = sockets()
    _login(co, "coresident@demo.heka.example")
    _file(co, "raw-ws-notice-co-000001", "termination", NOTICE)
    _file(
        co, "raw-ws-move-co-00000001", "move_out", {"resident": "1", "moved_out_on": "2099-01-01"}
    )
    assert _thread("raw-ws-notice-co-000001") is None
    assert _thread("raw-ws-move-co-00000001") is None
    tenant = sockets()
    _login(tenant, "tenant@demo.heka.example")
    _file(tenant, "raw-ws-notice-tenant-01", "termination", NOTICE)
    thread = _thread("raw-ws-notice-tenant-01")
    assert thread is not None and thread.status == "waiting"
    _on_thread(co, thread.id, "confirm", {"form_data": {"password": DEMO_PASSWORD}})
    _on_thread(co, thread.id, "withdraw")
    assert _confirmed(thread.id) == [None, None]  # the two signatories, neither confirmed
    assert _thread("raw-ws-notice-tenant-01").status == "waiting"
    # The signatory withdraws it (and leaves the demo household as it was).
    _on_thread(tenant, thread.id, "withdraw")
    assert _thread("raw-ws-notice-tenant-01").status == "withdrawn"


def test_another_household_cannot_confirm_or_withdraw(sockets, now):  # noqa: F811
    _neighbour_account(now)
    tenant = sockets()
    _login(tenant, "tenant@demo.heka.example")
    _file(tenant, "raw-ws-notice-tenant-02", "termination", NOTICE)
    thread = _thread("raw-ws-notice-tenant-02")
    other = sockets()
    _login(other, NEIGHBOUR)
    reply = _on_thread(other, thread.id, "confirm", {"form_data": {"password": DEMO_PASSWORD}})
    assert "2099" not in str(reply)  # nothing of the notice (its inspection date) comes back
    _on_thread(other, thread.id, "withdraw")
    assert _confirmed(thread.id) == [None, None]
    assert _thread("raw-ws-notice-tenant-02").status == "waiting"
    _on_thread(tenant, thread.id, "withdraw")
    assert _thread("raw-ws-notice-tenant-02").status == "withdrawn"
