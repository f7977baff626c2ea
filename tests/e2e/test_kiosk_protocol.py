"""KioskState over the raw websocket, the way an attacker would call it: "End session"
ends only the caller's own session, whoever's Reflex token it presents, and a tab that
ended its session gets nothing of the last user back."""

from __future__ import annotations

import json

import pytest

from heka_app.state.housing import HomeState
from heka_app.state.kiosk import KioskState
from tests.e2e.reflex_ws import ReflexSocket
from tests.e2e.ws_fixtures import handler_name, ws_login

pytestmark = pytest.mark.e2e
OWNER = "tenant@demo.heka.example"


def _contract(sock: ReflexSocket) -> str:
    reply = sock.emit(handler_name(HomeState, "load"), path="/home")
    home = reply["delta"].get(HomeState.get_full_name(), {}).get("home_rx_state_") or {}
    return home.get("contract_number", "")


def test_end_session_with_someone_elses_token_ends_nothing_of_theirs(ws_backend, ws_clients):
    owner = ws_clients()
    secret = ws_login(owner, OWNER)
    contract = _contract(owner)
    assert contract
    owner.close()  # the owner's tab closes; its token is known (it is in the URL)
    # A stranger presents the owner's token without the cookie, then with their own login.
    stranger = ReflexSocket(ws_backend, token=owner.token)
    try:
        ended = stranger.emit(handler_name(KioskState, "end_session"))
    finally:
        stranger.close()
    assert contract not in json.dumps(ended)
    other = ws_clients()
    ws_login(other, "staff.area_office@demo.heka.example")
    other.emit(handler_name(KioskState, "end_session"))
    owner.reconnect(cookie=f"heka_sid={secret}")
    # The owner is still signed in: the home loads without a redirect to the login, and
    # keeps the contract (the loader sends only what changed, so an unchanged home may not
    # be resent at all; a signed-out tab would get an emptied home and the redirect).
    reply = owner.emit(handler_name(HomeState, "load"), path="/home")
    assert not any(e.get("name") == "_redirect" for e in reply["events"]), reply
    home = reply["delta"].get(HomeState.get_full_name(), {})
    assert home.get("home_rx_state_", {"contract_number": contract})["contract_number"] == contract


def test_after_end_session_the_tab_answers_as_nobody(ws_clients):
    sock = ws_clients()
    ws_login(sock, OWNER)
    assert _contract(sock)
    ended = sock.emit(handler_name(KioskState, "end_session"))
    kiosk = ended["delta"][KioskState.get_full_name()]
    assert "/_session/end?r=" in kiosk["wipe_to_rx_state_"]
    assert _contract(sock) == ""  # the cookie's session is over on the server


def test_after_end_session_the_old_token_hydrates_nothing_of_the_last_user(ws_clients):
    """States the end-session event did not load (with Redis, a handler loads only its own
    branch) are reset too: the tab's old token, hydrated again, shows none of A's thread."""
    from heka_app.state.message_thread import MessageThreadState
    from tests.e2e.test_messages_protocol import _open, _send

    sock = ws_clients()
    secret = ws_login(sock, OWNER)
    thread_id = _send(sock, "kiosk-end-thread-000001")
    opened = _open(sock, MessageThreadState, thread_id)
    assert "SECRET-BODY-kiosk-end-thread-000001" in json.dumps(opened)
    sock.emit(handler_name(KioskState, "end_session"))
    sock.reconnect(cookie=f"heka_sid={secret}")  # the tab, or anyone who kept its token
    hydrated = sock.emit("reflex___state____state.hydrate", path="/")
    assert "kiosk-end-thread-000001" not in json.dumps(hydrated)
