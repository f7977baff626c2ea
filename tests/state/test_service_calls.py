"""call_service: a service's own refusal is logged like a guard refusal and raised."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from heka_app.models import SecurityEvent
from heka_app.services.accounts.own_account import own_account
from heka_app.services.auth.actor import ANONYMOUS
from heka_app.services.common.results import NotAllowed
from heka_app.state.service_calls import call_service
from tests.state.handler_calls import run


def test_a_service_refusing_its_actor_is_logged_and_raised(engine, now):
    with pytest.raises(NotAllowed):
        run(call_service(own_account, actor=ANONYMOUS))
    with Session(engine) as s:
        events = s.exec(select(SecurityEvent)).all()
    assert [(e.event, e.account_id) for e in events] == [("authz_refused", None)]
    assert "own_account" in events[0].detail and "account.view" in events[0].detail
