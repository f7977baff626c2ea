"""Defects found walking every page (issue 8), caught on real state objects."""

from __future__ import annotations

import json

import pytest
from sqlmodel import Session, select

from heka_app import routes
from heka_app.models import BackgroundJob, UserAccount
from heka_app.services.auth.login import TOO_MANY_ATTEMPTS
from heka_app.state.accounts import AccountState, CredentialsState
from heka_app.state.auth import LoginState
from heka_app.state.browser_actions import BrowserActionState
from heka_app.state.housing import HomeState
from heka_app.state.session import SessionState
from heka_app.state.staff import RegistrationCodeState, StaffState
from tests.factories import PASSWORD, build_world
from tests.state.handler_calls import call, new_root, run, signed_in_root, substate

NEW_PASSWORD = "kesä mökki laituri ahven 77"


def _events(result) -> list:
    if result is None:
        return []
    return list(result) if isinstance(result, list | tuple) else [result]


def _redirects(result) -> list[str]:
    """The paths of the ``rx.redirect`` events among a handler's answer."""
    paths = []
    for event in _events(result):
        if getattr(getattr(event, "handler", None), "fn", None) is None:
            continue
        if event.handler.fn.__qualname__ != "redirect" and "redirect" not in str(event):
            continue
        for name, value in event.args:
            if str(name) == "path":
                paths.append(str(value).strip('"'))
    return paths


# Defect 1: the lock message on the account page gets its {minutes}.
def test_the_account_page_lock_message_has_its_minutes(engine, now):
    _, root = signed_in_root(engine, now)
    state = substate(root, AccountState)
    for _ in range(6):
        run(call(state, "change_password", {"current": "wrong", "password": "x"}))
    assert state.password_errors["current"] == TOO_MANY_ATTEMPTS
    assert isinstance(state.password_params["minutes"], int)
    assert state.password_params["minutes"] >= 1


# Defect 4: each staff role sees only its own tools; staff at /home go to /staff.
@pytest.mark.parametrize(
    ("role", "tools"),
    [
        ("area_office", [routes.STAFF_CODES, routes.STAFF_MESSAGES, routes.STAFF_ACCOUNT_CHANGES]),
        (
            "admin",
            [
                routes.STAFF_CODES,
                routes.STAFF_FAULTS,
                routes.STAFF_CONTENT,
                routes.STAFF_MESSAGES,
                routes.STAFF_ACCOUNT_CHANGES,
                routes.STAFF_AREA_OFFICES,
            ],
        ),
        (
            "customer_service",
            [routes.STAFF_FAULTS, routes.STAFF_MESSAGES, routes.STAFF_ACCOUNT_CHANGES],
        ),
        ("maintenance", [routes.STAFF_FAULTS]),
        ("rent_monitoring", [routes.RENT, routes.STAFF_MESSAGES]),
        ("content_editor", [routes.STAFF_CONTENT]),
    ],
)
def test_the_staff_area_lists_only_the_tools_of_the_role(engine, now, role, tools):
    _, root = signed_in_root(engine, now, role)
    state = substate(root, StaffState)
    run(call(state, "load"))
    assert state.allowed
    assert [tool["route"] for tool in state.tools] == tools


def test_staff_without_the_codes_tool_are_sent_back_to_the_staff_area(engine, now):
    world, root = signed_in_root(engine, now, "maintenance")
    state = substate(root, RegistrationCodeState)
    assert _redirects(run(call(state, "open"))) == [routes.STAFF]
    assert not state.allowed
    _, root = signed_in_root(engine, now, "area_office", world=world)
    state = substate(root, RegistrationCodeState)
    assert _redirects(run(call(state, "open"))) == []
    assert state.allowed


def test_staff_opening_the_tenant_home_go_to_the_staff_area(engine, now):
    world, root = signed_in_root(engine, now, "customer_service")
    assert _redirects(run(call(substate(root, HomeState), "load"))) == [routes.STAFF]
    _, tenant = signed_in_root(engine, now, world=world)
    state = substate(tenant, HomeState)
    assert _redirects(run(call(state, "load"))) == [] and state.loaded


# Defect 6: the language picked before login wins and is saved; mails follow the page.
def test_the_language_picked_before_login_wins_and_is_saved(engine, now):
    with Session(engine) as s:
        world = build_world(s, now)
    root = new_root()
    substate(root, SessionState).lang_cookie = "en"
    login = substate(root, LoginState)
    run(call(login, "submit", {"email": "primary@test.example", "password": PASSWORD}))
    assert substate(root, SessionState).lang == "en"
    with Session(engine) as s:
        assert s.get(UserAccount, world.accounts["primary"]).language == "en"


def test_a_reset_mail_goes_in_the_language_of_the_page_it_was_asked_on(engine, now):
    with Session(engine) as s:
        world = build_world(s, now)
        account = s.get(UserAccount, world.accounts["primary"])
        account.language = "sv"
        s.add(account)
        s.commit()
    root = new_root()
    substate(root, SessionState).lang_cookie = "en"
    run(call(substate(root, CredentialsState), "request_reset", {"email": "primary@test.example"}))
    with Session(engine) as s:
        jobs = s.exec(select(BackgroundJob)).all()
    assert [json.loads(job.payload)["language"] for job in jobs] == ["en"]


# Defect 7: signed-in users are sent from /login and /register to their front page.
@pytest.mark.parametrize(
    ("role", "front"), [("primary", routes.MY_HOME), ("area_office", routes.STAFF)]
)
def test_signed_in_users_are_sent_from_login_to_their_front_page(engine, now, role, front):
    _, root = signed_in_root(engine, now, role)
    state = substate(root, SessionState)
    assert _redirects(run(call(state, "leave_if_signed_in"))) == [front]
    assert state.front_page == front


def test_anonymous_visitors_stay_on_the_login_page(engine):
    assert _redirects(run(call(substate(new_root(), SessionState), "leave_if_signed_in"))) == []


# Defect 9: a changed password leaves no field filled and no stale notice.
def test_a_password_change_empties_the_form_and_a_later_error_hides_the_notice(engine, now):
    _, root = signed_in_root(engine, now)
    state = substate(root, AccountState)
    run(
        call(
            state,
            "change_password",
            {"current": PASSWORD, "password": NEW_PASSWORD, "password_again": NEW_PASSWORD},
        )
    )
    assert state.password_changed
    assert substate(root, BrowserActionState).actions[-1][1:] == ["reset_form", "password-form"]
    run(call(state, "change_email", {"current": "wrong", "email": "new@example.com"}))
    assert state.email_errors and not state.password_changed


def _on_page(state, path: str, *, query: dict | None = None, accept_language: str = "") -> None:
    from reflex.istate.data import RouterData

    state.router = RouterData.from_router_data(
        {
            "pathname": path,
            "asPath": path,
            "query": query or {},
            "headers": {"accept-language": accept_language},
        }
    )


# Defect 12: words that fit the situation; the kiosk forgets the last visitor's language.
@pytest.mark.parametrize(
    ("role", "label"), [("primary", "Lease started"), ("upcoming", "Lease starts")]
)
def test_the_lease_date_is_labelled_in_the_right_tense(engine, now, role, label):
    _, root = signed_in_root(engine, now, role)
    state = substate(root, HomeState)
    run(call(state, "load"))
    assert state.lease_label == label


def test_a_confirmed_email_change_does_not_ask_a_signed_in_user_to_log_in(engine, now):
    from heka_app.services.auth import one_time_links

    world, root = signed_in_root(engine, now)
    with Session(engine) as s:
        account = s.get(UserAccount, world.accounts["primary"])
        link = one_time_links.make_link(
            one_time_links.CHANGE_EMAIL, account, now=now, extra={"email": "new@test.example"}
        )
    run(call(substate(root, SessionState), "refresh"))
    state = substate(root, CredentialsState)
    _on_page(state, routes.VERIFY_EMAIL, query={"token": link.url.split("token=")[1]})
    run(call(state, "confirm_email"))
    assert state.done and state.signed_in
    anonymous = substate(new_root(), CredentialsState)
    _on_page(anonymous, routes.VERIFY_EMAIL, query={"token": "x"})
    run(call(anonymous, "confirm_email"))
    assert not anonymous.signed_in


def test_a_kiosk_logout_returns_to_the_terminals_language(engine, now, monkeypatch):
    from heka_app.settings import get_settings

    monkeypatch.setenv("HEKA_KIOSK_MODE", "1")
    get_settings.cache_clear()
    try:
        _, root = signed_in_root(engine, now)
        state = substate(root, SessionState)
        _on_page(state, routes.MY_HOME, accept_language="sv-FI,sv;q=0.9")
        run(call(state, "set_language", "en"))
        run(call(state, "logout"))
        assert state.lang == "sv"
    finally:
        monkeypatch.delenv("HEKA_KIOSK_MODE")
        get_settings.cache_clear()


def test_outside_a_kiosk_logout_keeps_the_language(engine, now):
    _, root = signed_in_root(engine, now)
    state = substate(root, SessionState)
    _on_page(state, routes.MY_HOME, accept_language="sv")
    run(call(state, "set_language", "en"))
    run(call(state, "logout"))
    assert state.lang == "en"


# Defects 2 and 3: a refused code says why; the slip is printed in the resident's language.
def test_the_office_is_told_why_no_code_was_issued(engine, now):
    world, root = signed_in_root(engine, now, "area_office")
    state = substate(root, RegistrationCodeState)
    run(call(state, "open"))
    run(call(state, "issue", world.people["child"]))
    assert state.issued_code == "" and state.refused == "Under 18: cannot register yet."


def test_the_slip_language_starts_as_the_office_uses_and_can_be_the_residents(engine, now):
    world, root = signed_in_root(engine, now, "area_office")
    run(call(substate(root, SessionState), "set_language", "en"))
    state = substate(root, RegistrationCodeState)
    run(call(state, "open"))
    run(call(state, "issue", world.people["unregistered"]))
    assert state.refused and state.issued_code == ""  # on no lease
    with Session(engine) as s:  # the co-resident has not registered yet
        s.delete(s.get(UserAccount, world.accounts["co_resident"]))
        s.commit()
    run(call(state, "issue", world.people["co_resident"]))
    assert state.issued_code and state.refused == "" and state.slip_language == "en"
    assert set(state.issued_expires) == {"fi", "sv", "en"}
    run(call(state, "set_slip_language", "sv"))
    assert state.slip_language == "sv"
    run(call(state, "set_slip_language", "de"))
    assert state.slip_language == "sv"


# Defect 8: when the connection comes back, messages from before the break are cleared.
def test_form_messages_are_cleared_when_the_connection_returns(engine, now):
    _, root = signed_in_root(engine, now)
    login = substate(root, LoginState)
    run(call(login, "submit", {"email": "", "password": ""}))
    account = substate(root, AccountState)
    run(call(account, "change_password", {"current": "wrong", "password": "x"}))
    assert login.field_errors and account.password_errors
    run(call(substate(root, SessionState), "connection_back"))
    assert login.field_errors == {} and account.password_errors == {}
