"""Raw-websocket fixtures for any e2e module (conftest re-exports them): ``sockets()``
opens a client on the compiled frontend's backend address; ``login`` signs one in."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlparse

import pytest

from heka_app.demo.dataset import DEMO_PASSWORD
from heka_app.state.auth import LoginState
from tests.e2e.reflex_ws import ReflexSocket


def handler_name(state, handler: str) -> str:
    """``<state full name>.<handler>`` as the client sends it."""
    return f"{state.get_full_name()}.{handler}"


@pytest.fixture
def ws_backend(portal) -> str:
    from reflex.config import get_config

    return urlparse(get_config().api_url).netloc


@pytest.fixture
def ws_clients(ws_backend):
    """``ws_clients()`` -> a new :class:`ReflexSocket`; all closed after the test."""
    opened = []

    def _open() -> ReflexSocket:
        sock = ReflexSocket(ws_backend)
        opened.append(sock)
        return sock

    yield _open
    for sock in opened:
        sock.close()


def redeem_handoff(url: str) -> tuple[int, str, str]:
    """GET a login's ``/_session/start`` URL as a browser would (no redirect followed):
    status, Location, and the session cookie's value set by the response ("" if none)."""
    parts = urlparse(url)
    conn = http.client.HTTPConnection(parts.netloc, timeout=20)
    try:
        conn.request("GET", f"{parts.path}?{parts.query}")
        response = conn.getresponse()
        cookies = [v for k, v in response.getheaders() if k.lower() == "set-cookie"]
        location = response.getheader("location") or ""
        status = response.status
    finally:
        conn.close()
    secret = ""
    for cookie in cookies:
        name, _, rest = cookie.partition("=")
        if name == "heka_sid":
            secret = rest.split(";", 1)[0]
    return status, location, secret


def ws_login(sock: ReflexSocket, email: str, password: str = DEMO_PASSWORD) -> str:
    """Sign ``sock`` in as a demo account, the way a browser does: the login answers with
    a handoff URL, whose HTTP response sets the HttpOnly session cookie; the tab then
    reconnects (a page load) with that cookie. Returns the session secret."""
    reply = sock.emit(
        handler_name(LoginState, "submit"),
        {"form_data": {"email": email, "password": password}},
    )
    url = reply["delta"].get(LoginState.get_full_name(), {}).get("handoff_url_rx_state_")
    if not url:  # argon2 on a busy machine: more than a quiet second after "busy"
        message = sock.wait_for("handoff_url_rx_state_", timeout=60)
        kind, update = json.loads(message[len("42/_event,") :])
        url = update["delta"][LoginState.get_full_name()]["handoff_url_rx_state_"]
    # (simple_websocket's handshake names the host without its port; a browser's has it)
    url = urlparse(url)._replace(netloc=sock.backend).geturl()
    status, _, secret = redeem_handoff(url)
    assert status == 303 and secret, url
    sock.reconnect(cookie=f"heka_sid={secret}")
    return secret
