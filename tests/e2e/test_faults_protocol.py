"""Fault handlers over the raw websocket: another household's report id answers "not
found" and changes nothing; internal notes never reach a tenant; tenants cannot reach the
maintenance handlers with any payload."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlmodel import col, select

from heka_app.db import session_scope
from heka_app.demo.dataset import DEMO_PASSWORD
from heka_app.models import Lease, LeaseResident, UserAccount
from heka_app.models.faults import FaultReport
from heka_app.services.auth.passwords import hash_password
from heka_app.services.common.clock import helsinki_today, utcnow
from heka_app.services.housing.residency import residency_of
from heka_app.state.fault_queue import FaultQueueState, StaffFaultState
from heka_app.state.fault_report import FaultDetailState
from heka_app.state.faults import FaultFormState
from tests.e2e.test_protocol import _login, _name, backend, sockets  # noqa: F401 - fixtures

pytestmark = pytest.mark.e2e
NEIGHBOUR = "neighbour.faults@test.example"


def _text(reply: dict) -> str:
    return json.dumps(reply, ensure_ascii=False)


def _tenant_apartment(now) -> int:
    with session_scope() as s:
        account = s.exec(
            select(UserAccount).where(UserAccount.email == "tenant@demo.heka.example")
        ).one()
        return residency_of(
            session=s, person_id=account.person_id, today=helsinki_today(now)
        ).apartment_id


def _neighbour_account(now) -> None:
    """A primary tenant of another active lease gets an account (once)."""
    mine = _tenant_apartment(now)
    with session_scope() as s:
        if s.exec(select(UserAccount).where(UserAccount.email == NEIGHBOUR)).first():
            return
        taken = set(s.exec(select(UserAccount.person_id)).all())
        rows = s.exec(
            select(LeaseResident, Lease)
            .join(Lease, col(Lease.id) == col(LeaseResident.lease_id))
            .where(LeaseResident.role == "primary", Lease.apartment_id != mine)
        ).all()
        today = helsinki_today(now)
        person = next(
            r.person_id
            for r, lease in rows
            if r.person_id not in taken
            and residency_of(session=s, person_id=r.person_id, today=today).status == "active"
        )
        s.add(
            UserAccount(
                email=NEIGHBOUR,
                password_hash=hash_password(DEMO_PASSWORD),
                person_id=person,
                display_name="Naapuri",
                created_at=utcnow(),
                email_verified_at=utcnow(),
            )
        )


def _tenant_report(now) -> FaultReport:
    with session_scope() as s:
        return s.exec(
            select(FaultReport)
            .where(FaultReport.apartment_id == _tenant_apartment(now))
            .order_by(col(FaultReport.id))
        ).first()


def _open(sock, state, report_id):
    path = f"/faults/{report_id}"
    return sock.emit(_name(state, "load"), path=path, query={"report": str(report_id)})


def test_another_households_report_id_is_not_found_and_unchanged(sockets, now):  # noqa: F811
    _neighbour_account(now)
    report = _tenant_report(now)
    sock = sockets()
    _login(sock, NEIGHBOUR)
    reply = _open(sock, FaultDetailState, report.id)
    delta = reply["delta"].get(FaultDetailState.get_full_name(), {})
    assert delta.get("missing_rx_state_") is True
    assert report.description not in _text(reply)
    for handler, payload in (
        ("add_comment", {"form_data": {"comment": "not mine"}}),
        ("cancel", {"form_data": {"reason": "not mine"}}),
        ("feedback", {"form_data": {"fixed": "no"}}),
        ("tick", {}),
    ):
        answer = sock.emit(_name(FaultDetailState, handler), payload, path=f"/faults/{report.id}")
        assert report.description not in _text(answer)
    with session_scope() as s:
        after = s.get(FaultReport, report.id)
        assert (after.version, after.status) == (report.version, report.status)


def test_internal_notes_never_reach_the_tenant(sockets, now):  # noqa: F811
    report = _tenant_report(now)
    staff = sockets()
    _login(staff, "staff.maintenance@demo.heka.example")
    _open(staff, StaffFaultState, report.id)
    secret = f"INTERNAL-{dt.datetime.now().timestamp()}"
    saved = staff.emit(
        _name(StaffFaultState, "handle"),
        {"form_data": {"status": "", "comment": "Public words", "note": secret}},
        path=f"/staff/faults/{report.id}",
    )
    assert secret in _text(saved)  # staff see it
    tenant = sockets()
    _login(tenant, "tenant@demo.heka.example")
    seen = _open(tenant, FaultDetailState, report.id)
    assert "Public words" in _text(seen) and secret not in _text(seen)
    # The staff page's handlers are closed to the tenant, with any payload.
    for handler, payload in (
        ("load", {}),
        ("handle", {"form_data": {"status": "done", "note": "x"}}),
    ):
        answer = tenant.emit(
            _name(StaffFaultState, handler),
            payload,
            path=f"/staff/faults/{report.id}",
        )
        assert secret not in _text(answer)
    queue = tenant.emit(_name(FaultQueueState, "apply_filters"), {"form_data": {}})
    cards = queue["delta"].get(FaultQueueState.get_full_name(), {}).get("cards_rx_state_")
    assert not cards  # refused: nothing, or the reset empty list


def test_anonymous_cannot_submit_or_upload(sockets):  # noqa: F811
    sock = sockets()
    before = _count()
    reply = sock.emit(
        _name(FaultFormState, "submit"),
        {"form_data": {"submission_id": "anonymous-attempt-000001", "category": "other"}},
        path="/faults/new",
    )
    assert any(e.get("name") == "_redirect" for e in reply["events"])
    assert _count() == before


def _count() -> int:
    with session_scope() as s:
        return len(s.exec(select(FaultReport.id)).all())
