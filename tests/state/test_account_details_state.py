"""My details and the staff change history on real state objects: what each form keeps
after an error or a save, the UI language following the saved one, and no internal id or
whole identity code in what reaches the browser."""

from __future__ import annotations

import json

from sqlmodel import Session, select

from heka_app.models import AccountChange
from heka_app.services.accounts.contact_formats import IBAN_INVALID, PHONE_INVALID
from heka_app.services.accounts.credentials import WRONG_PASSWORD
from heka_app.state.account_changes import AccountChangesState
from heka_app.state.account_details import PHONE, PREFERENCES, REFUND, AccountDetailsState
from heka_app.state.session import SessionState
from tests.factories import PASSWORD
from tests.state.handler_calls import call, run, signed_in_root, substate


def test_forms_answer_with_errors_or_a_confirmation(engine, now):
    world, root = signed_in_root(engine, now, "primary")
    state = substate(root, AccountDetailsState)
    run(call(state, "load"))
    assert state.loaded and state.lease["role"] == "primary" and len(state.household) == 3
    assert state.masked_code.endswith("****")
    version = state.version

    run(call(state, "save_phone", form_data={"phone": "040 12"}))
    assert state.errors == {"phone": PHONE_INVALID} and state.saved == ""
    assert state.version == version  # the typed value is not replaced
    run(call(state, "save_phone", form_data={"phone": "0401234567"}))
    assert state.errors == {} and state.saved == PHONE and state.phone == "+358 40 1234567"
    assert state.version > version  # the input shows the stored form

    run(call(state, "save_refund_account", form_data={"iban": "FI00", "current": PASSWORD}))
    assert state.errors == {"iban": IBAN_INVALID}
    run(
        call(
            state,
            "save_refund_account",
            form_data={"iban": "FI2112345600000785", "current": PASSWORD},
        )
    )
    assert state.saved == REFUND and state.bic == "NDEAFIHH"

    run(call(state, "save_preferences", form_data={"language": "en", "replies": "on"}))
    assert state.saved == PREFERENCES and state.language == "en"
    assert state.notify == {"fault_status": False, "replies": True, "news_my_building": False}
    assert substate(root, SessionState).lang == "en"

    sent = json.dumps(root.dict(), default=str)
    assert world.codes["primary"] not in sent
    assert f'"account_id": {world.accounts["primary"]}' not in sent
    with Session(engine) as s:
        items = [c.item for c in s.exec(select(AccountChange).order_by(AccountChange.id)).all()]
    assert items == ["phone", "refund_iban", "notify:fault_status", "language"]


def test_odd_payloads_change_nothing(engine, now):
    _, root = signed_in_root(engine, now, "co_resident")
    state = substate(root, AccountDetailsState)
    run(call(state, "save_phone", form_data="not a dict"))  # read as an empty entry
    assert state.errors == {}
    run(call(state, "save_phone", form_data={"phone": {"x": 1}}))
    assert state.errors == {}  # no phone was stored, so nothing changed
    run(call(state, "save_refund_account", form_data={"iban": 7, "current": None}))
    assert state.errors == {"current": WRONG_PASSWORD}  # an empty entry still needs it
    run(call(state, "save_preferences", form_data={"language": ["fi"]}))
    assert "language" in state.errors
    with Session(engine) as s:
        assert s.exec(select(AccountChange)).all() == []


def test_staff_history_keeps_account_ids_on_the_server(engine, now):
    world, root = signed_in_root(engine, now, "customer_service")
    state = substate(root, AccountChangesState)
    run(call(state, "open"))
    assert state.allowed
    run(call(state, "search", form_data={"query": "Testinen"}))
    assert {hit["key"] for hit in state.hits} == {str(n) for n in range(len(state.hits))}
    run(call(state, "open_history", key="99"))
    assert state.chosen == ""
    run(call(state, "open_history", key=["0"]))
    assert state.chosen == ""
    run(call(state, "open_history", key="0"))
    assert state.chosen and state.history == []
    sent = json.dumps({k: v for k, v in root.dict().items()}, default=str)
    for key, account_id in world.accounts.items():
        assert f'"account_id": {account_id}' not in sent, key
