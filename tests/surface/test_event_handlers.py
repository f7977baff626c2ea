"""Every event handler of every heka_app state is on the reviewed allowlist.

Any public method of an rx.State is callable by any client over the websocket; a new
handler must be reviewed (and, once it touches tenant data, go through the guard).
"""

from __future__ import annotations

from pathlib import Path

import reflex as rx

import heka_app.heka_app  # noqa: F401 - registers every page and state

ALLOWLIST = Path(__file__).with_name("public_handlers.txt")


def _heka_states() -> list[type[rx.State]]:
    found, todo = [], [rx.State]
    while todo:
        state = todo.pop()
        todo.extend(state.get_substates())
        if state.__module__.startswith("heka_app."):
            found.append(state)
    return found


def _allowlisted() -> set[str]:
    names = set()
    for line in ALLOWLIST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.partition(" ")
            assert reason.strip(), f"{name}: the allowlist needs a reason"
            names.add(name)
    return names


def test_every_event_handler_is_reviewed():
    actual = {
        f"{state.__name__}.{handler}"
        for state in _heka_states()
        for handler in state.event_handlers
    }
    assert actual, "no heka_app states found"
    assert actual - _allowlisted() == set(), "unreviewed handlers: add them to the allowlist"
    assert _allowlisted() - actual == set(), "stale allowlist entries"


def test_setvar_reaches_only_reviewed_handlers():
    # setvar(name, value) calls self.set_<name>(value): a set_* helper would be callable.
    for state in _heka_states():
        own = {
            n for cls in state.__mro__ if cls.__module__.startswith("heka_app.") for n in vars(cls)
        }
        setters = {name for name in own if name.startswith("set_")}
        assert setters <= set(state.event_handlers), f"{state.__name__}: {setters}"


def test_no_secret_looking_vars_are_sent_to_the_browser():
    forbidden = ("identity_code", "hetu", "password_hash", "secret", "token", "_id")
    for state in _heka_states():
        public = [n for n in state.vars if not n.startswith(("_", "rx_"))]
        leaked = [name for name in public if any(word in name for word in forbidden)]
        assert leaked == [], f"{state.__name__} sends {leaked} to the browser"
