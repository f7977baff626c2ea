"""The rent page's state on real state objects: who sees what, and nothing internal."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlmodel import Session

from heka_app.services.rent.overview import rent_overview
from heka_app.state.rent import RentState
from tests.factories import build_world
from tests.services.rent.helpers import actor, charge, monthly, pay
from tests.state.handler_calls import call, run, signed_in_root, substate


def _world(engine, now):
    with Session(engine) as s:
        world = build_world(s, now)
        monthly(s, world.leases["home"], dt.date(2026, 1, 1), 10, 61250)
        charge(s, world.leases["home"], dt.date(2026, 11, 1), 61250)
        s.commit()
    return world


def test_primary_tenant_sees_debt_statement_and_barcode(engine, now):
    world = _world(engine, now)
    _, root = signed_in_root(engine, now, "primary", world=world)
    state = substate(root, RentState)
    run(call(state, "load"))
    assert state.mode == "tenant" and state.view["status"] == "debt"
    assert [row["days"] for row in state.overdue] == [26]
    assert len(state.months) == 24
    # The statement's rows go only for the newest months; the 24 months' totals for all.
    assert [m["key"] for m in state.statement] == ["2026-11", "2026-10", "2026-09"]
    assert state.statement[0]["rows"][0]["charge"] and "rows" not in state.months[0]
    # The chart's bars come from the months in the browser: short label and whole euros.
    assert state.months[0]["short"] and state.months[0]["charges_euros"] == 613
    assert state.months[0]["paid_euros"] == 0 and not hasattr(state, "chart")
    assert len(state.payment["barcode"]) == 54
    run(call(state, "choose_amount", no_amount=True))
    assert state.no_amount is True
    run(call(state, "show_period", period_end="2024-11"))
    assert state.months[0]["key"] == "2024-11" and state.view["later_end"] == "2026-11"
    sent = json.dumps(root.dict(), default=str)
    assert f'"lease_id": {world.leases["home"]}' not in sent and "_lease_id" not in sent


def test_co_resident_gets_the_explanation_and_no_numbers(engine, now):
    world = _world(engine, now)
    _, root = signed_in_root(engine, now, "co_resident", world=world)
    state = substate(root, RentState)
    run(call(state, "load"))
    assert state.mode == "co_resident" and state.view == {} and state.months == []
    run(call(state, "show_period", period_end="2026-11"))
    assert state.view == {} and state.payment == {}


def test_rent_monitoring_searches_and_opens_a_lease(engine, now):
    world = _world(engine, now)
    _, root = signed_in_root(engine, now, "rent_monitoring", world=world)
    state = substate(root, RentState)
    run(call(state, "load"))
    assert state.mode == "staff" and state.view == {}
    run(call(state, "search", form_data={"query": "Primary"}))
    assert [hit["tenants"] for hit in state.hits] == ["Primary Testinen"]
    run(call(state, "open_lease", contract_number="HK-NOT-FOUND"))
    assert state.view == {}
    run(call(state, "open_lease", contract_number=state.hits[0]["contract_number"]))
    assert state.view["status"] == "debt" and state.view["contract_number"]


def test_the_statement_shows_earlier_months_on_request_and_refuses_odd_counts(engine, now):
    world = _world(engine, now)
    _, root = signed_in_root(engine, now, "primary", world=world)
    state = substate(root, RentState)
    run(call(state, "load"))
    run(call(state, "show_months", months=6))
    assert [m["key"] for m in state.statement][-1] == "2026-06" and len(state.statement) == 6
    assert state.statement[5]["rows"] and state.statement[5]["label"] == state.months[5]["label"]
    assert set(state.statement[5]) == {"key", "label", "rows"}  # the totals are in months
    for forged in (-3, 0, 25, 10**12, "9", "lots", None, 2.5, True, [3], {"n": 3}):
        run(call(state, "show_months", months=forged))
        assert len(state.statement) == 6, forged
    run(call(state, "show_months", months=24))
    assert [m["key"] for m in state.statement] == [m["key"] for m in state.months]
    run(call(state, "show_period", period_end="2025-11"))
    assert len(state.statement) == 3 and state.statement[0]["key"] == "2025-11"
    run(call(state, "show_months", months=9))
    run(call(state, "load"))  # a new visit opens the same period with its newest months
    assert len(state.statement) == 3 and state.statement[0]["key"] == "2025-11"


def test_co_resident_gets_no_statement_months(engine, now):
    world = _world(engine, now)
    _, root = signed_in_root(engine, now, "co_resident", world=world)
    state = substate(root, RentState)
    run(call(state, "load"))
    run(call(state, "show_months", months=24))
    assert state.statement == [] and state.months == [] and state.view == {}


def _old_vars(view, shown: int) -> dict:
    """What _show assigned before issue 15's round 4: the whole overview (every month's
    rows formatted) through dataclasses.asdict, then split."""
    data = dataclasses.asdict(view)
    months = list(data.pop("months"))
    return {
        "payment": data.pop("payment"),
        "months": [{k: v for k, v in m.items() if k != "rows"} for m in months],
        "statement": [
            {"key": m["key"], "label": m["label"], "rows": m["rows"]} for m in months[:shown]
        ],
        "overdue": list(data.pop("overdue")),
        "view": data,
    }


def _unwrapped(value):
    return getattr(value, "__wrapped__", value)


def test_the_page_holds_what_the_whole_overview_gave(engine, now):
    world = _world(engine, now)
    with Session(engine) as s:  # overdue rows, and a payment that is not the whole month
        charge(s, world.leases["home"], dt.date(2026, 11, 1), 2375, kind="interest")
        pay(s, world.leases["home"], dt.date(2026, 11, 10), 20000)
        s.commit()
    _, root = signed_in_root(engine, now, "primary", world=world)
    state = substate(root, RentState)
    steps = [
        ("load", {}),
        ("show_months", {"months": 6}),
        ("show_months", {"months": 24}),
        ("show_period", {"period_end": "2025-11"}),
        ("show_months", {"months": 4}),
    ]
    for handler, kwargs in steps:
        run(call(state, handler, **kwargs))
        with Session(engine) as s:
            view = rent_overview(
                session=s, actor=actor(s, world.accounts["primary"], now), now=now,
                language="fi", period_end=state.period_end,
            )  # fmt: skip
        expected = _old_vars(view, state.statement_months)
        for name, value in expected.items():
            assert _unwrapped(getattr(state, name)) == value, (handler, kwargs, name)
        assert len(state.statement) == state.statement_months, handler
