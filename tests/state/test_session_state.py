"""SessionState handlers on real state objects: language switch and persistence."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from heka_app.models import UserAccount
from heka_app.state.session import SessionState
from tests.state.handler_calls import (
    call,
    new_root,
    present_session_cookie,
    run,
    signed_in_root,
    substate,
)


def _session_state() -> SessionState:
    return substate(new_root(), SessionState)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_set_language_accepts_supported_codes(language):
    state = _session_state()
    run(call(state, "set_language", language))
    assert state.lang == language


@pytest.mark.parametrize("bad", ["de", "", "FI", None, 3, ["en"], "en; drop"])
def test_set_language_ignores_anything_else(bad):
    state = _session_state()
    run(call(state, "set_language", "sv"))
    run(call(state, "set_language", bad))
    assert state.lang == "sv"


def test_language_defaults_to_finnish_before_a_choice():
    assert _session_state().lang == "fi"


def test_language_choice_is_remembered_on_the_logged_in_account(engine, now):
    world, root = signed_in_root(engine, now)
    state = substate(root, SessionState)
    run(call(state, "set_language", "sv"))
    with Session(engine) as s:
        assert s.get(UserAccount, world.accounts["primary"]).language == "sv"
        assert s.get(UserAccount, world.accounts["co_resident"]).language == "fi"


def test_logout_ends_the_server_session_and_resets_view(engine, now):
    _, root = signed_in_root(engine, now)
    state = substate(root, SessionState)
    secret = state._session_secret()
    run(call(state, "refresh"))
    assert state.signed_in and state.display_name
    run(call(state, "set_language", "en"))
    run(call(state, "logout"))
    assert not state.signed_in and state.display_name == "" and state._account_id == 0
    assert state.lang == "en"
    # The old secret no longer works even if presented again.
    present_session_cookie(root, secret)
    run(call(state, "refresh"))
    assert not state.signed_in


def test_the_session_comes_from_the_connection_not_from_stored_state(engine, now):
    """Finding 5: a token's stored state grants nothing to another connection that lacks
    the cookie; no var of any state holds the secret."""
    _, root = signed_in_root(engine, now)
    state = substate(root, SessionState)
    secret = state._session_secret()
    run(call(state, "refresh"))
    assert state.signed_in and state._account_id
    # No var holds it (the router's headers are server-side: Reflex never sends them).
    values = {n: getattr(state, n) for n in (*state.base_vars, "_account_id")}
    assert secret not in repr({n: v for n, v in values.items() if n != "router"})
    # Someone connects with the same token, without the cookie.
    present_session_cookie(root, "")
    root.router = type(root.router).from_router_data({"headers": {}, "sid": "conn-2"})
    run(call(state, "refresh"))
    assert not state.signed_in


def _on_page(state, path: str) -> None:
    from reflex.istate.data import RouterData

    state.router = RouterData.from_router_data({"pathname": path, "asPath": path, "headers": {}})


def test_a_language_switch_reloads_pages_formatted_in_the_session_language(engine, now):
    from heka_app.state.fault_report import FaultDetailState
    from heka_app.state.housing import HomeState

    _, root = signed_in_root(engine, now)
    state = substate(root, SessionState)
    _on_page(state, "/home")
    events = run(call(state, "set_language", "sv"))
    assert [e.fn.__qualname__ for e in events] == [HomeState.load.fn.__qualname__]
    _on_page(state, "/faults/12")  # a dynamic route's pattern matches
    events = run(call(state, "set_language", "fi"))
    assert [e.fn.__qualname__ for e in events] == [FaultDetailState.load.fn.__qualname__]
    _on_page(state, "/faults/12/extra")
    assert run(call(state, "set_language", "sv")) == []
    _on_page(state, "/account")  # holds no language-formatted list: nothing to reload
    assert run(call(state, "set_language", "en")) == []


def test_navigation_rows_follow_the_actor(engine, now):
    world, tenant = signed_in_root(engine, now)
    state = substate(tenant, SessionState)
    anonymous_routes = [row["route"] for row in state.nav]
    run(call(state, "refresh"))
    assert [row["route"] for row in state.nav] == [
        *anonymous_routes,
        "/home",
        "/my-home",
        "/faults",
        "/rent",
        "/messages",
    ]
    _, maintenance = signed_in_root(engine, now, "maintenance", world=world)
    maintenance_state = substate(maintenance, SessionState)
    run(call(maintenance_state, "refresh"))
    assert [row["route"] for row in maintenance_state.nav] == [
        *anonymous_routes,
        "/staff/faults",
        "/staff",
    ]
    _, staff = signed_in_root(engine, now, "area_office", world=world)
    staff_state = substate(staff, SessionState)
    run(call(staff_state, "refresh"))
    assert [row["route"] for row in staff_state.nav] == [
        *anonymous_routes,
        "/staff/messages",
        "/staff",
    ]
    run(call(staff_state, "logout"))
    assert [row["route"] for row in staff_state.nav] == anonymous_routes
