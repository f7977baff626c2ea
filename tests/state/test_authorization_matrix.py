"""Every handler, called as every role, is allowed or refused as the matrix file says.

A refusal is observed the way operations would see it: the guard writes an
``authz_refused`` security event. Public handlers never refuse.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sqlmodel import Session, func, select

from heka_app.models.security import SecurityEvent
from heka_app.services.auth import security_log
from heka_app.services.auth.sessions import start_session
from heka_app.services.common.clock import utcnow
from heka_app.state.session import SessionState
from tests.factories import build_world
from tests.state.handler_calls import call, new_root, run, substate
from tests.surface.test_event_handlers import _heka_states

MATRIX = Path(__file__).resolve().parents[1] / "authorization_matrix.csv"


def _matrix() -> tuple[list[str], dict[str, dict[str, bool]]]:
    lines = [ln for ln in MATRIX.read_text().splitlines() if ln and not ln.startswith("#")]
    reader = csv.DictReader(lines)
    roles = reader.fieldnames[1:]
    return roles, {row["handler"]: {r: row[r] == "Y" for r in roles} for row in reader}


def _args(handler: str, world) -> tuple:
    return {
        "SessionState.set_language": ("en",),
        "LoginState.submit": ({"email": "nobody@example.com", "password": "wrong"},),
        "PasswordHintState.check": ("correct horse",),
        "RegisterState.redeem_code": ({"code": "AAAA", "identity_code": "010594Y9032"},),
        "RegisterState.complete": ({"email": "a@b.example", "password": "x"},),
        "CredentialsState.request_reset": ({"email": "nobody@example.com"},),
        "CredentialsState.reset_password": ({"password": "x", "password_again": "x"},),
        "AccountState.change_password": ({"current": "wrong", "password": "x"},),
        "AccountState.change_email": ({"current": "wrong", "email": "new@example.com"},),
        "RegistrationCodeState.search": ({"query": "Testinen"},),
        "RegistrationCodeState.issue": (world.people["unregistered"],),
    }.get(handler, ())


def _refusals(engine) -> int:
    with Session(engine) as s:
        return s.exec(
            select(func.count()).where(SecurityEvent.event == security_log.AUTHZ_REFUSED)
        ).one()


def test_matrix_lists_every_handler():
    _, matrix = _matrix()
    handlers = {
        f"{state.__name__}.{name}"
        for state in _heka_states()
        for name in state.event_handlers
        if name != "setvar"
    }
    assert set(matrix) == handlers


def test_every_handler_for_every_role_matches_the_matrix(engine, monkeypatch):
    run(_check_matrix(engine, monkeypatch))


async def _check_matrix(engine, monkeypatch):
    # No identification broker in this test: starting OIDC must fail gracefully.
    monkeypatch.setenv("HEKA_OIDC_ISSUER", "http://127.0.0.1:9")
    with Session(engine) as s:
        world = build_world(s)
    states = {state.__name__: state for state in _heka_states()}
    roles, matrix = _matrix()
    mismatches = []
    for handler, expected in matrix.items():
        state_name, method = handler.split(".")
        for role in roles:
            root = new_root()
            if role != "anonymous":
                with Session(engine) as s:
                    secret = start_session(session=s, account_id=world.accounts[role], now=utcnow())
                    s.commit()
                substate(root, SessionState).sid = secret
            before = _refusals(engine)
            await call(substate(root, states[state_name]), method, *_args(handler, world))
            allowed = _refusals(engine) == before
            if allowed != expected[role]:
                mismatches.append((handler, role, "allowed" if allowed else "refused"))
    assert mismatches == []
