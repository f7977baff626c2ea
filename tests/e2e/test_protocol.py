"""Handlers driven over the raw websocket as anonymous, as another household and with
forged input: no tenant data comes back and nothing changes (SECURITY.md)."""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pytest
from sqlmodel import select

from heka_app.db import session_scope
from heka_app.demo.dataset import DEMO_PASSWORD
from heka_app.models import Lease, Person, UserAccount
from heka_app.services.common.clock import helsinki_today
from heka_app.services.housing.residency import residency_of
from heka_app.state.accounts import AccountState
from heka_app.state.auth import LoginState
from heka_app.state.housing import HomeState
from heka_app.state.session import SessionState
from heka_app.state.staff import RegistrationCodeState
from tests.e2e.reflex_ws import ReflexSocket
from tests.e2e.ws_fixtures import redeem_handoff, ws_login

pytestmark = pytest.mark.e2e
HETU = re.compile(r"\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]")


def _name(state, handler: str) -> str:
    return f"{state.get_full_name()}.{handler}"


@pytest.fixture
def backend(portal) -> str:
    from reflex.config import get_config

    # The address the compiled frontend talks to.
    return urlparse(get_config().api_url).netloc


@pytest.fixture
def sockets(backend):
    opened = []

    def _open() -> ReflexSocket:
        sock = ReflexSocket(backend)
        opened.append(sock)
        return sock

    yield _open
    for sock in opened:
        sock.close()


def _login(sock: ReflexSocket, email: str) -> str:
    return ws_login(sock, email)  # handoff over HTTP, then a reconnect with the cookie


def _lease_contract(email: str, now) -> str:
    with session_scope() as session:
        account = session.exec(select(UserAccount).where(UserAccount.email == email)).one()
        lease_id = residency_of(
            session=session, person_id=account.person_id, today=helsinki_today(now)
        ).lease_id
        return session.get(Lease, lease_id).contract_number


def _text(reply: dict) -> str:
    return json.dumps(reply, ensure_ascii=False)


def test_anonymous_client_gets_no_tenant_data(sockets):
    sock = sockets()
    home = sock.emit(_name(HomeState, "load"), path="/home")
    assert not home["delta"].get(HomeState.get_full_name(), {}).get("home_rx_state_")
    assert any(e.get("name") == "_redirect" for e in home["events"])
    account = sock.emit(_name(AccountState, "load"), path="/account")
    assert "@" not in _text(account["delta"])
    search = sock.emit(_name(RegistrationCodeState, "search"), {"form_data": {"query": "nen"}})
    assert "matches_rx_state_" not in _text(search["delta"])
    # (The tab's own random token is in the router data: a UUID like "...102420-4078..."
    # can look like an identity code.)
    seen = (_text(home) + _text(account) + _text(search)).replace(sock.token, "")
    assert not HETU.search(seen)


def test_another_household_sees_only_its_own_home(sockets, now):
    sock = sockets()
    _login(sock, "newtenant@demo.heka.example")
    reply = sock.emit(_name(HomeState, "load"), path="/home")
    home = reply["delta"][HomeState.get_full_name()]["home_rx_state_"]
    assert home["contract_number"] == _lease_contract("newtenant@demo.heka.example", now)
    assert _lease_contract("tenant@demo.heka.example", now) not in _text(reply)
    assert not HETU.search(_text(reply).replace(sock.token, ""))
    assert "argon2" not in _text(reply)


def test_tenant_cannot_use_staff_handlers_with_any_payload(sockets):
    sock = sockets()
    _login(sock, "tenant@demo.heka.example")
    with session_scope() as session:
        someone = session.exec(select(Person).order_by(Person.id)).first().id
    for payload in ({"person_id": someone}, {"person_id": str(someone)}, {"person_id": None}):
        reply = sock.emit(_name(RegistrationCodeState, "issue"), payload)
        assert "issued_code_rx_state_" not in _text(reply["delta"])
    search = sock.emit(_name(RegistrationCodeState, "search"), {"form_data": {"query": "nen"}})
    assert "matches_rx_state_" not in _text(search["delta"])


def test_forged_session_and_setvar_do_not_log_anyone_in(sockets):
    sock = sockets()
    # setvar reaches only set_* handlers: there is no setter for the session secret.
    sock.emit(_name(SessionState, "setvar"), {"var_name": "sid", "value": "forged"})
    sock.emit(_name(SessionState, "setvar"), {"var_name": "signed_in", "value": True})
    reply = sock.emit(_name(HomeState, "load"), path="/home")
    assert not reply["delta"].get(HomeState.get_full_name(), {}).get("home_rx_state_")


def test_logout_ends_access_on_the_very_next_event(sockets):
    sock = sockets()
    _login(sock, "tenant@demo.heka.example")
    home = sock.emit(_name(HomeState, "load"), path="/home")["delta"][HomeState.get_full_name()]
    assert home["home_rx_state_"]["contract_number"]
    sock.emit(_name(SessionState, "logout"))
    again = sock.emit(_name(HomeState, "load"), path="/home")
    assert not again["delta"].get(HomeState.get_full_name(), {}).get("home_rx_state_")


def test_a_stolen_token_without_the_cookie_gets_nothing(backend, sockets):
    """Finding 5 replayed: the owner's tab closes without logout; a client connects with
    that tab's token (it travels in the websocket URL, so proxies log it), without the
    session cookie, and does not hydrate."""
    owner = sockets()
    _login(owner, "tenant@demo.heka.example")
    home = owner.emit(_name(HomeState, "load"), path="/home")
    contract = home["delta"][HomeState.get_full_name()]["home_rx_state_"]["contract_number"]
    account = owner.emit(_name(AccountState, "load"), path="/account")
    assert "tenant@demo.heka.example" in _text(account)
    owner.close()
    thief = ReflexSocket(backend, token=owner.token)
    try:
        stolen_home = thief.emit(_name(HomeState, "load"), path="/home")
        stolen_account = thief.emit(_name(AccountState, "load"), path="/account")
        changed = thief.emit(_name(SessionState, "set_language"), {"language": "sv"})
    finally:
        thief.close()
    assert any(e.get("name") == "_redirect" for e in stolen_home["events"])
    for reply in (stolen_home, stolen_account, changed):
        assert contract not in _text(reply)
        assert "tenant@demo.heka.example" not in _text(reply)


def _hydrate(sock: ReflexSocket, path: str = "/home") -> dict:
    import reflex as rx
    from reflex_base.event import get_hydrate_event

    return sock.emit(get_hydrate_event(rx.State), path=path)


def test_a_stolen_token_that_hydrates_gets_an_empty_tab(backend, sockets):
    """Finding 7.3: the thief hydrates the owner's token without the cookie. The stored
    view is wiped before the snapshot is taken: no name, contract or email; the owner's
    own browser (with the cookie) is still signed in afterwards."""
    owner = sockets()
    secret = _login(owner, "tenant@demo.heka.example")
    session = owner.emit(_name(SessionState, "refresh"), path="/home")
    name = session["delta"][SessionState.get_full_name()]["display_name_rx_state_"]
    home = owner.emit(_name(HomeState, "load"), path="/home")
    contract = home["delta"][HomeState.get_full_name()]["home_rx_state_"]["contract_number"]
    owner.emit(_name(AccountState, "load"), path="/account")
    owner.close()
    thief = ReflexSocket(backend, token=owner.token)
    try:
        hydrated = _hydrate(thief)
        again = thief.emit(_name(HomeState, "load"), path="/home")
    finally:
        thief.close()
    for reply in (hydrated, again):
        text = _text(reply)
        assert name and name not in text
        assert contract not in text and "tenant@demo.heka.example" not in text
    assert hydrated["delta"][SessionState.get_full_name()]["signed_in_rx_state_"] is False
    back = ReflexSocket(backend, token=owner.token, cookie=f"heka_sid={secret}")
    try:
        assert contract in _text(back.emit(_name(HomeState, "load"), path="/home"))
    finally:
        back.close()


def test_no_message_ever_carries_the_session_secret(sockets):
    """The secret is set by an HTTP response only: nothing the websocket sends (login
    reply, hydrate, loads, a language switch, logout) contains it."""
    sock = sockets()
    secret = _login(sock, "tenant@demo.heka.example")
    _hydrate(sock)
    sock.emit(_name(SessionState, "refresh"), path="/home")
    sock.emit(_name(HomeState, "load"), path="/home")
    sock.emit(_name(AccountState, "load"), path="/account")
    # (Finnish: the account's language stays what other tests expect)
    sock.emit(_name(SessionState, "set_language"), {"language": "fi"}, path="/account")
    sock.emit(_name(SessionState, "logout"), path="/account")
    everything = "".join(sock.seen)
    assert "contract_number" in everything  # the tab really was signed in
    assert secret not in everything and "heka_sid" not in everything


def test_a_handoff_works_once(sockets):
    sock = sockets()
    reply = sock.emit(
        _name(LoginState, "submit"),
        {"form_data": {"email": "tenant@demo.heka.example", "password": DEMO_PASSWORD}},
    )
    url = reply["delta"][LoginState.get_full_name()]["handoff_url_rx_state_"]
    url = urlparse(url)._replace(netloc=sock.backend).geturl()
    assert redeem_handoff(url)[2]
    status, location, secret = redeem_handoff(url)  # a copy from a proxy log, replayed
    assert (status, location, secret) == (303, "/login", "")
