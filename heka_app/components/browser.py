"""Full page loads started by the page itself, compiled into the page's JavaScript.

Reflex's ``rx.call_script`` (and a handler's returned script) runs through ``eval``,
which the Content-Security-Policy does not allow. These helpers compile a real function
into the page instead, so the browser leaves for the session routes
(heka_app/session_routes.py) with a document request that carries or receives the
HttpOnly session cookie.
"""

from __future__ import annotations

import reflex as rx
from reflex.vars.base import Var
from reflex.vars.function import ArgsFunctionOperation, FunctionStringVar


def open_url(url: Var | str) -> rx.event.EventSpec:
    """An event action: load ``url`` as a new document (``window.location.assign``)."""
    target = url if isinstance(url, Var) else Var.create(url)
    assign = FunctionStringVar.create("window.location.assign").call(target)
    return rx.call_function(ArgsFunctionOperation.create((), assign))


def call_browser(function: str) -> rx.event.EventSpec:
    """An event action calling a browser function without arguments, e.g. ``window.print``."""
    return rx.call_function(
        ArgsFunctionOperation.create((), FunctionStringVar.create(function).call())
    )


def open_when_set(url: Var) -> rx.Component:
    """Load ``url`` as soon as the server sets it (e.g. a login's session handoff)."""
    return rx.cond(url != "", rx.el.span(on_mount=open_url(url), hidden=True))
