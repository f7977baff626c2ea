"""Issue 15: with the in-memory state manager a tab's substates are made when first used
(heka_app/lazy_substates.py), not all 37 when it connects; a handler finds its state and
its siblings as before, and roots the manager did not make are left to Reflex."""

from __future__ import annotations

import reflex as rx
from reflex.istate.manager import StateManager
from reflex.istate.manager.disk import StateManagerDisk
from reflex.istate.manager.memory import StateManagerMemory
from reflex.istate.manager.token import BaseStateToken
from reflex.state import BaseState
from sqlmodel import Session

from heka_app import lazy_substates
from heka_app.lazy_substates import LazyStateManagerMemory, is_lazy
from heka_app.services.auth.sessions import start_session
from heka_app.state.housing import HomeState
from heka_app.state.rent import RentState
from heka_app.state.session import SessionState
from tests.factories import build_world
from tests.state.handler_calls import call, new_root, present_session_cookie, run


def _tab(manager: LazyStateManagerMemory, token: str = "tab-1") -> rx.State:
    return run(manager.get_state(BaseStateToken(ident=token, cls=rx.State)))


def test_a_new_tab_has_no_substates_until_it_asks_for_one():
    manager = LazyStateManagerMemory()  # type: ignore[abstract]
    root = _tab(manager)
    assert root.substates == {} and is_lazy(root)
    session = run(root.get_state(SessionState))
    assert set(root.substates) == {SessionState.get_name()}
    assert run(root.get_state(SessionState)) is session  # made once
    rent = run(session.get_state(RentState))  # a sibling, asked for from a substate
    assert rent.parent_state is root and rent.months == [] and rent.mode == ""
    assert set(root.substates) == {SessionState.get_name(), RentState.get_name()}
    assert _tab(manager) is root and _tab(manager, "tab-2") is not root


def test_a_handler_on_a_lazy_tab_loads_its_page_and_reaches_the_session(engine, now):
    with Session(engine) as s:
        world = build_world(s, now)
        secret = start_session(session=s, account_id=world.accounts["primary"], now=now)
        s.commit()
    root = _tab(LazyStateManagerMemory())  # type: ignore[abstract]
    present_session_cookie(root, secret)
    home = run(root.get_state(HomeState))
    run(call(home, "load"))  # guard -> SessionState, made on the way
    assert home.loaded and home.home
    session = run(root.get_state(SessionState))
    assert session.signed_in and session.display_name
    assert set(root.substates) == {HomeState.get_name(), SessionState.get_name()}
    # Hydration sends what the tab has: its two states, not the other 35 defaults.
    sent = root.dict()
    assert RentState.get_full_name() not in sent and HomeState.get_full_name() in sent


def test_a_root_the_manager_did_not_make_keeps_reflexs_whole_tree():
    root = new_root()  # like Reflex's own manager and the state tests: every substate
    assert not is_lazy(root) and len(root.substates) == len(rx.State.get_substates())


def test_install_swaps_only_reflexs_in_memory_manager(monkeypatch):
    patched = ((StateManager, "create"), (BaseState, "_get_state_from_redis"))
    for owner, name in patched:
        monkeypatch.setattr(owner, name, owner.__dict__[name])  # restored after the test
    made: list[StateManager] = [StateManagerMemory()]  # type: ignore[abstract]
    monkeypatch.setattr(lazy_substates, "_reflex_create", lambda: made[0])
    monkeypatch.setenv("HEKA_LAZY_SUBSTATES", "0")
    lazy_substates.install()  # Reflex's own methods back
    reflexs = lazy_substates._REFLEX_DESCRIPTORS
    assert all(owner.__dict__[name] is reflexs[owner, name] for owner, name in patched)
    monkeypatch.setenv("HEKA_LAZY_SUBSTATES", "1")
    lazy_substates.install()
    assert type(StateManager.create()) is LazyStateManagerMemory
    made[0] = StateManagerDisk()  # type: ignore[abstract]  # (and Redis) stay Reflex's
    assert StateManager.create() is made[0]
