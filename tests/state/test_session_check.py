"""The session check middleware on hydration (state/session_check.py): a pending login
handoff never survives a page load, and a new in-memory tab is not given a login form's
state just to clear a handoff it cannot have (issue 15: connect + hydrate)."""

from __future__ import annotations

import reflex as rx
from reflex.event import Event
from reflex.istate.manager.token import BaseStateToken
from reflex_base.constants import CompileVars

from heka_app.lazy_substates import LazyStateManagerMemory
from heka_app.state.auth import LoginState
from heka_app.state.session import SessionState
from heka_app.state.session_check import SessionCheck
from tests.state.handler_calls import new_root, run


def _hydrate(root: rx.State) -> None:
    event = Event(name=f"{root.get_full_name()}.{CompileVars.HYDRATE}")
    run(SessionCheck().preprocess(None, root, event))


def _lazy_tab(token: str = "tab") -> rx.State:
    manager = LazyStateManagerMemory()  # type: ignore[abstract]
    return run(manager.get_state(BaseStateToken(ident=token, cls=rx.State)))


def test_a_new_tab_hydrates_without_a_login_state():
    root = _lazy_tab()
    _hydrate(root)
    assert set(root.substates) == {SessionState.get_name()}
    assert LoginState.get_full_name() not in root.dict()


def test_a_pending_handoff_is_cleared_on_the_next_page_load():
    for root in (_lazy_tab(), new_root()):  # the in-memory manager's tab, and Reflex's tree
        login = run(root.get_state(LoginState))
        login.handoff_url = "http://127.0.0.1/_session/start?h=abc"
        _hydrate(root)
        assert login.handoff_url == ""
        login.dirty_vars.clear()
        _hydrate(root)  # nothing pending: nothing marked to send again
        assert "handoff_url" not in login.dirty_vars
