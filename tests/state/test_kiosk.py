"""Kiosk mode on real state objects: "End session" ends the server session, resets every
state of the tab and hands the browser the address to leave through; the terminal's
language comes back."""

from __future__ import annotations

import pytest
from reflex.istate.data import RouterData
from sqlmodel import Session

from heka_app import routes
from heka_app.services.auth.sessions import resolve_actor, start_session
from heka_app.settings import get_settings
from heka_app.state.housing import HomeState
from heka_app.state.kiosk import KioskState
from heka_app.state.session import SessionState
from tests.factories import build_world
from tests.state.handler_calls import call, new_root, run, substate


@pytest.fixture
def kiosk(monkeypatch):
    monkeypatch.setenv("HEKA_KIOSK_MODE", "1")
    get_settings.cache_clear()
    yield
    monkeypatch.delenv("HEKA_KIOSK_MODE")
    get_settings.cache_clear()


def _tab(engine, now, accept_language: str = "sv-FI,sv;q=0.9"):
    with Session(engine) as s:
        world = build_world(s, now)
        secret = start_session(session=s, account_id=world.accounts["primary"], now=now)
        s.commit()
    root = new_root()
    root.router = RouterData.from_router_data(
        {
            "pathname": routes.MY_HOME,
            "headers": {
                "cookie": f"heka_sid={secret}",
                "accept-language": accept_language,
                "host": "kiosk.test",
                "origin": "http://kiosk.test",
            },
            "sid": "conn-1",
        }
    )
    return root, secret


def test_the_kiosk_flag_follows_the_setting(engine, now, kiosk):
    state = substate(new_root(), KioskState)
    run(call(state, "load"))
    assert state.active


def test_outside_a_kiosk_the_flag_is_off(engine, now):
    state = substate(new_root(), KioskState)
    run(call(state, "load"))
    assert not state.active


def test_ending_a_kiosk_session_wipes_the_server_side(engine, now, kiosk):
    root, secret = _tab(engine, now)
    session = substate(root, SessionState)
    run(call(session, "refresh"))
    run(call(session, "set_language", "en"))
    home = substate(root, HomeState)
    run(call(home, "load"))
    assert session.signed_in and session.display_name and home.lease_label

    state = substate(root, KioskState)
    run(call(state, "end_session"))

    with Session(engine) as s:  # the session no longer opens
        assert resolve_actor(session=s, secret=secret, now=now) is None
    assert not session.signed_in and session.display_name == ""  # every state reset
    assert home.lease_label == substate(new_root(), HomeState).lease_label
    assert session.lang == "sv"  # the terminal's language, not the visitor's choice
    assert state.active
    assert state.wipe_to.startswith(f"http://kiosk.test{routes.SESSION_END}?r=")


def test_ending_without_a_session_only_leaves(engine, now, kiosk):
    state = substate(new_root(), KioskState)
    run(call(state, "end_session"))
    assert routes.SESSION_END in state.wipe_to


def test_the_browser_script_counts_with_the_same_limits():
    from pathlib import Path

    from heka_app.components.kiosk_timer import FALLBACK_SECONDS, IDLE_SECONDS, WARN_SECONDS

    script = (Path(__file__).resolve().parents[2] / "assets" / "kiosk.js").read_text()
    assert f"Math.max({IDLE_SECONDS} - Math.floor" in script
    assert f"box.hidden = left > {WARN_SECONDS};" in script
    assert f"[{WARN_SECONDS}, 30, 10]" in script
    assert f"{FALLBACK_SECONDS} * 1000" in script
