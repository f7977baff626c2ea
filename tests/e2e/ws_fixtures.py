"""Raw-websocket fixtures for any e2e module (conftest re-exports them): ``sockets()``
opens a client on the compiled frontend's backend address; ``login`` signs one in."""

from __future__ import annotations

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


def ws_login(sock: ReflexSocket, email: str) -> None:
    """Sign ``sock`` in as a demo account (the login handler's redirect proves it)."""
    reply = sock.emit(
        handler_name(LoginState, "submit"),
        {"form_data": {"email": email, "password": DEMO_PASSWORD}},
    )
    assert any(e.get("name") == "_redirect" for e in reply["events"]), reply
