"""Issue 15: a page loader run again with nothing new leaves its vars clean, so Reflex's
delta does not resend them (before: the whole home dict and seven session vars, every
call); anything that did change is still sent."""

from __future__ import annotations

from heka_app.state.changed import assign_changed
from heka_app.state.housing import HomeState
from heka_app.state.load_probe import LoadProbeState
from heka_app.state.session import SessionState
from tests.state.handler_calls import (
    call,
    new_root,
    present_session_cookie,
    run,
    signed_in_root,
    substate,
)

# (opens_on_iso stays "" for a running lease: equal to its default, so never sent)
SESSION_VIEW = {"signed_in", "display_name", "role", "residency", "is_primary"}


def _clean(*states) -> None:
    for state in states:
        state.dirty_vars.clear()


def test_a_second_home_load_marks_nothing_dirty(engine, now):
    _, root = signed_in_root(engine, now)
    home, session = substate(root, HomeState), substate(root, SessionState)
    run(call(home, "load"))
    assert home.home and {"home", "attention", "loaded"} <= home.dirty_vars
    assert session.dirty_vars >= SESSION_VIEW and "nav" in session.dirty_vars
    _clean(home, session)
    run(call(home, "load"))
    assert home.dirty_vars == set()
    assert session.dirty_vars == set()


def test_what_changed_is_still_sent(engine, now):
    _, root = signed_in_root(engine, now)
    home, session = substate(root, HomeState), substate(root, SessionState)
    run(call(home, "load"))
    _clean(home, session)
    present_session_cookie(root, "")  # the session is gone: the view must follow
    run(call(session, "refresh"))
    assert {"signed_in", "display_name", "role", "nav"} <= session.dirty_vars
    assert session.signed_in is False


def test_assign_changed_compares_values_and_types():
    state = substate(new_root(), LoadProbeState)
    state.dirty_vars.clear()
    assign_changed(state, seq=0)
    assert state.dirty_vars == set()
    assign_changed(state, seq=5)
    assert state.dirty_vars == {"seq"} and state.seq == 5


def test_assign_changed_sees_through_the_mutable_proxy(engine, now):
    _, root = signed_in_root(engine, now)
    home = substate(root, HomeState)
    run(call(home, "load"))
    same = dict(home.home)
    home.dirty_vars.clear()
    assign_changed(home, home=same)
    assert home.dirty_vars == set()
    assign_changed(home, home={**same, "address": "Muu katu 1"})
    assert home.dirty_vars == {"home"}


def test_the_logout_link_is_signed_again_only_when_an_hour_old(engine, now):
    _, root = signed_in_root(engine, now)
    session = substate(root, SessionState)
    run(call(session, "refresh"))
    first = session.leave_url
    assert first and "/_session/end?r=" in first
    _clean(session)
    run(call(session, "refresh"))
    assert session.dirty_vars == set() and session.leave_url == first  # nothing to resend
    session._leave_at -= 2 * 3600  # signed two hours ago (the signature lasts 12 h)
    run(call(session, "refresh"))
    assert session.leave_url.startswith(first.split("?r=")[0])
    assert session._leave_at > now.timestamp() - 60
