"""My details and the data export as an attacker reaches them: raw websocket events as
anonymous, as a tenant calling the staff history, and the export's HTTP route with no
cookie, a forged one, and another user's (it answers with that user's own data only)."""

from __future__ import annotations

import http.client
import json

import pytest

from heka_app import routes
from heka_app.state.account_changes import AccountChangesState
from heka_app.state.account_details import AccountDetailsState
from tests.e2e.ws_fixtures import handler_name, ws_login

pytestmark = pytest.mark.e2e
TENANT = "tenant@demo.heka.example"
CO_RESIDENT = "coresident@demo.heka.example"


def _get_export(backend: str, cookie: str | None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(backend, timeout=30)
    try:
        headers = {"Cookie": cookie} if cookie else {}
        conn.request("GET", routes.MY_DATA_EXPORT, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_the_export_needs_a_live_session_and_holds_only_its_owner(ws_backend, ws_clients):
    assert _get_export(ws_backend, None) == (404, b"")
    assert _get_export(ws_backend, "heka_sid=forged-secret-value-0123456789abcdef") == (404, b"")
    tenant = ws_login(ws_clients(), TENANT)
    co_resident = ws_login(ws_clients(), CO_RESIDENT)
    status, body = _get_export(ws_backend, f"heka_sid={tenant}")
    assert status == 200
    data = json.loads(body)
    assert data["account"]["email"] == TENANT and CO_RESIDENT not in body.decode()
    status, body = _get_export(ws_backend, f"heka_sid={co_resident}")
    assert status == 200 and json.loads(body)["account"]["email"] == CO_RESIDENT
    assert TENANT not in body.decode()


def test_anonymous_events_change_and_reveal_nothing(ws_clients):
    sock = ws_clients()
    load = sock.emit(handler_name(AccountDetailsState, "load"), path="/account/details")
    assert any(e.get("name") == "_redirect" for e in load["events"])
    for handler, payload in (
        ("save_phone", {"form_data": {"phone": "040 123 4567"}}),
        ("save_refund_account", {"form_data": {"iban": "FI2112345600000785", "current": "x"}}),
        ("save_preferences", {"form_data": {"language": "sv"}}),
    ):
        reply = sock.emit(handler_name(AccountDetailsState, handler), payload)
        assert "saved" not in json.dumps(reply["delta"]), handler


def test_a_tenant_cannot_use_the_staff_history(ws_clients):
    sock = ws_clients()
    ws_login(sock, CO_RESIDENT)
    for handler, payload in (
        ("open", {}),
        ("search", {"form_data": {"query": "demo.heka.example"}}),
        ("open_history", {"key": "0"}),
    ):
        reply = sock.emit(handler_name(AccountChangesState, handler), payload)
        text = json.dumps(reply["delta"])
        assert TENANT not in text and '"history"' not in text.replace('"history": []', ""), handler


def test_a_tenant_reads_only_their_own_details(ws_clients):
    sock = ws_clients()
    ws_login(sock, CO_RESIDENT)
    reply = sock.emit(handler_name(AccountDetailsState, "load"), path="/account/details")
    text = json.dumps(reply["delta"], ensure_ascii=False)
    assert CO_RESIDENT in text and TENANT not in text
    assert "****" in text  # the identity code only masked
