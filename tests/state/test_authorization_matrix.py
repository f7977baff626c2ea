"""Every handler, called as every role, is allowed or refused as the matrix file says.

A refusal is observed the way operations would see it: the guard writes an
``authz_refused`` security event. Public handlers never refuse. Each handler's sample
payload is declared next to it (``@matrix_payload``, heka_app/state/matrix_payload.py).

The matrix must hold whatever the date: it runs with the clock pinned a few days before a
month changes (the "upcoming" lease starts on the 1st) and months later.
"""

from __future__ import annotations

import csv
import datetime as dt
import inspect
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from heka_app.models.security import SecurityEvent
from heka_app.services.auth import security_log
from heka_app.state.matrix_payload import payload_of
from tests.factories import DEFAULT_NOW, build_world
from tests.state.handler_calls import call, new_root, run, signed_in_root, substate
from tests.surface.test_event_handlers import _heka_states

MATRIX = Path(__file__).resolve().parents[1] / "authorization_matrix.csv"


def _matrix() -> tuple[list[str], dict[str, dict[str, bool]]]:
    lines = [ln for ln in MATRIX.read_text().splitlines() if ln and not ln.startswith("#")]
    reader = csv.DictReader(lines)
    roles = reader.fieldnames[1:]
    return roles, {row["handler"]: {r: row[r] == "Y" for r in roles} for row in reader}


def _handlers() -> dict[str, object]:
    """``State.handler`` -> the handler's function (where its sample payload is recorded)."""
    return {
        f"{state.__name__}.{name}": handler.fn
        for state in _heka_states()
        for name, handler in state.event_handlers.items()
        if name != "setvar"
    }


def _payload(fn) -> dict:
    return payload_of(fn) or {}


def _refusals(engine) -> int:
    with Session(engine) as s:
        return s.exec(
            select(func.count()).where(SecurityEvent.event == security_log.AUTHZ_REFUSED)
        ).one()


def test_matrix_lists_every_handler():
    _, matrix = _matrix()
    assert set(matrix) == set(_handlers())


def test_every_handler_with_parameters_declares_a_sample_payload():
    missing = []
    for name, fn in _handlers().items():
        parameters = list(inspect.signature(fn).parameters)[1:]
        if parameters and set(_payload(fn)) != set(parameters):
            missing.append(name)
    assert missing == [], "declare @matrix_payload(...) next to these handlers"


@pytest.mark.parametrize(
    "now",
    [DEFAULT_NOW, dt.datetime(2027, 3, 15, 12, 0, tzinfo=dt.UTC)],
    indirect=True,
    ids=["before-a-month-change", "months-later"],
)
def test_every_handler_for_every_role_matches_the_matrix(engine, monkeypatch, now):
    run(_check_matrix(engine, monkeypatch, now))


async def _check_matrix(engine, monkeypatch, now):
    # No identification broker in this test: starting OIDC must fail gracefully.
    monkeypatch.setenv("HEKA_OIDC_ISSUER", "http://127.0.0.1:9")
    with Session(engine) as s:
        world = build_world(s, now)
    states = {state.__name__: state for state in _heka_states()}
    handlers = _handlers()
    roles, matrix = _matrix()
    mismatches = []
    for handler, expected in matrix.items():
        state_name, method = handler.split(".")
        for role in roles:
            if role == "anonymous":
                root = new_root()
            else:
                _, root = signed_in_root(engine, now, role, world=world)
            before = _refusals(engine)
            await call(substate(root, states[state_name]), method, **_payload(handlers[handler]))
            allowed = _refusals(engine) == before
            if allowed != expected[role]:
                mismatches.append((handler, role, "allowed" if allowed else "refused"))
    assert mismatches == []
