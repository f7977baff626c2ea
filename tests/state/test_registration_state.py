"""The broker callback is only accepted in the tab that started the identification."""

from __future__ import annotations

from heka_app.services.signup.strong_identification import IDENTIFICATION_FAILED
from heka_app.state.signup import RegisterState
from tests.state.handler_calls import call, new_root, run, substate


def test_a_callback_this_tab_did_not_start_is_refused(engine):
    state = substate(new_root(), RegisterState)
    events = run(call(state, "finish_strong_identification"))
    assert state.error == IDENTIFICATION_FAILED
    assert state.has_ticket is False and state._ticket == ""
    assert events is not None
