"""What a tab's websocket handshake said: its cookies, headers and connection id.

Read from the root state's router vars directly. ``state.router`` assembles a
RouterData of five fields, each wrapped in Reflex's MutableProxy, on every read; the
session check reads the connection on every event, and that was ~5 % of a worker's CPU
under load (issue 15). Nothing here writes: the raw values are only read.
"""

from __future__ import annotations

from http.cookies import CookieError, SimpleCookie
from typing import Any

import reflex as rx
from reflex_base.constants import ROUTER_HEADERS, ROUTER_SESSION


def _router_part(state: rx.State, name: str) -> Any:
    try:
        return state._get_root_state().get_value(name)
    except (AttributeError, KeyError):
        return None


def connection_id(state: rx.State) -> str:
    """The socket.io session id of the tab's current connection ("" if unknown)."""
    return str(getattr(_router_part(state, ROUTER_SESSION), "session_id", "") or "")


def header(state: rx.State, name: str) -> str:
    """One handshake header by its RouterData name (``origin``, ``host``, ``cookie``)."""
    return str(getattr(_router_part(state, ROUTER_HEADERS), name, "") or "")


def cookie(state: rx.State, name: str) -> str:
    """One cookie of the handshake's Cookie header (HttpOnly ones included)."""
    raw = header(state, "cookie")
    if not raw:
        return ""
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except CookieError:
        return ""
    morsel = jar.get(name)
    return morsel.value if morsel is not None else ""
