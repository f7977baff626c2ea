"""What a handler asks the page to do in the browser, sent as data, not as a script.

Reflex runs a handler's ``rx.call_script`` (and a returned ``rx.toast``, a function sent
as text) with ``eval``, which would need ``'unsafe-eval'`` in the Content-Security-Policy.
Instead a handler appends an action here (a name from :data:`ACTIONS` and its target) and
the page's ``HekaBrowserActions`` (assets/heka_browser_actions.js, in the shell:
components/browser_actions.py) runs the function of that name once. The state has no
event handlers: only the server writes it.
"""

from __future__ import annotations

import secrets
import typing
from typing import Literal

import reflex as rx

BrowserAction = Literal["reset_form", "clear_field", "replace_url", "toast_error", "toast_success"]
ACTIONS: tuple[BrowserAction, ...] = typing.get_args(BrowserAction)
KEPT = 4  # the page runs each once; a few are kept in case two arrive in one render


class BrowserActionState(rx.State):
    """The last actions, newest last: ``[id, name, target]`` each."""

    actions: list[list[str]] = []


async def ask_browser(state: rx.State, action: BrowserAction, target: str) -> None:
    """Have the tab of ``state`` run ``action`` on ``target`` (an element id; for
    ``replace_url`` a path of this site; for a toast its text) once the delta arrives."""
    if action not in ACTIONS:
        raise ValueError(f"unknown browser action {action!r}")
    browser = await state.get_state(BrowserActionState)
    entry = [secrets.token_hex(8), action, target]
    browser.actions = [*browser.actions[-(KEPT - 1) :], entry]
