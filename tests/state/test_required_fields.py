"""Empty required fields get a message under the field, never a misleading answer
(issue 8, defect 5)."""

from __future__ import annotations

from sqlmodel import Session, select

from heka_app.models import BackgroundJob
from heka_app.state.accounts import CredentialsState
from heka_app.state.auth import LoginState
from heka_app.state.forms import ENTER_EMAIL, ENTER_PASSWORD
from tests.state.handler_calls import call, new_root, run, substate


def test_an_empty_login_form_marks_both_fields_not_a_wrong_password(engine):
    state = substate(new_root(), LoginState)
    run(call(state, "submit", {"email": "", "password": ""}))
    assert state.field_errors == {"email": ENTER_EMAIL, "password": ENTER_PASSWORD}
    assert state.error == "" and not state.busy


def test_a_login_without_password_marks_only_the_password(engine):
    state = substate(new_root(), LoginState)
    run(call(state, "submit", {"email": "someone@example.com", "password": "  "}))
    assert state.field_errors == {"password": ENTER_PASSWORD}


def test_a_wrong_login_clears_the_field_messages_of_the_previous_try(engine, now):
    state = substate(new_root(), LoginState)
    run(call(state, "submit", {"email": "", "password": ""}))
    run(call(state, "submit", {"email": "nobody@example.com", "password": "wrong"}))
    assert state.field_errors == {} and state.error


def test_an_empty_reset_request_is_refused_and_sends_nothing(engine):
    state = substate(new_root(), CredentialsState)
    run(call(state, "request_reset", {"email": " "}))
    assert state.field_errors == {"email": ENTER_EMAIL}
    assert not state.done
    with Session(engine) as s:
        assert s.exec(select(BackgroundJob)).all() == []
