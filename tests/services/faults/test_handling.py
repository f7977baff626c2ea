"""The maintenance queue, handling through the state machine, and the reporter's mail."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlmodel import select

from heka_app.models import BackgroundJob, UserAccount
from heka_app.models.faults import FaultEvent, FaultReport
from heka_app.services.common.results import NotAllowed
from heka_app.services.faults import handling
from heka_app.services.faults.handling import QueueFilter, fault_queue, handle_report
from heka_app.services.faults.reports import create_report
from tests.services.faults.conftest import a_form


def _report(session, who, now, n=0, **changes):
    result = create_report(
        session=session,
        actor=who,
        now=now,
        submission_id=f"sub-{n:04d}-abcdefghijklmnop",
        form=a_form(**changes),
    )
    session.commit()
    return result.report_id


def _handle(session, staff, now, report_id, **kwargs):
    result = handle_report(session=session, actor=staff, now=now, fault_id=report_id, **kwargs)
    session.commit()
    return result


def test_queue_filters_and_counts(session, actor, now):
    primary = actor("primary")
    old = _report(session, primary, now - dt.timedelta(days=20), 1, category="heating.radiator")
    urgent = _report(session, primary, now - dt.timedelta(days=2), 2, urgent=True)
    fresh = _report(session, actor("neighbour"), now, 3)
    staff = actor("maintenance")
    _handle(session, staff, now, fresh, new_status="rejected", comment="Not ours")

    def queue(**f):
        return fault_queue(
            session=session, actor=staff, now=now, language="fi", filters=QueueFilter(**f)
        )

    everything = queue()
    assert [c.id for c in everything.cards] == [urgent, old]  # urgent first, then oldest
    assert everything.by_status == {"received": 2}
    assert (everything.overdue, everything.urgent) == (2, 1)
    assert [c.id for c in queue(category="heating").cards] == [old]
    assert [c.id for c in queue(urgent_only=True).cards] == [urgent]
    assert [c.id for c in queue(min_age_days=14).cards] == [old]
    assert [c.id for c in queue(status="rejected").cards] == [fresh]
    assert queue(open_only=False).total == 3
    assert queue(area_office_id=10**6).total == 0


def test_only_handling_staff_see_the_queue(session, actor, now):
    for key in ("primary", "area_office", "rent_monitoring"):
        with pytest.raises(NotAllowed):
            fault_queue(
                session=session, actor=actor(key), now=now, language="fi", filters=QueueFilter()
            )


def test_illegal_transition_and_missing_reason_are_refused(session, actor, now):
    report_id = _report(session, actor("primary"), now)
    staff = actor("maintenance")
    bad = _handle(session, staff, now, report_id, new_status="done")
    assert bad.field_errors == {"status": handling.ILLEGAL_TRANSITION}
    no_reason = _handle(session, staff, now, report_id, new_status="rejected")
    assert no_reason.field_errors == {"comment": handling.REASON_REQUIRED}
    nothing = _handle(session, staff, now, report_id)
    assert nothing.form_error == handling.NOTHING_TO_SAVE
    assert session.get(FaultReport, report_id).status == "received"


def test_assigning_a_received_report_marks_it_assigned(session, actor, now, world):
    report_id = _report(session, actor("primary"), now)
    staff = actor("customer_service")
    result = _handle(session, staff, now, report_id, assign_to_id=world.accounts["maintenance"])
    report = session.get(FaultReport, report_id)
    assert result.ok and (report.status, report.assigned_to_id) == (
        "assigned",
        world.accounts["maintenance"],
    )
    tenant_account = world.accounts["primary"]
    bad = _handle(session, staff, now, report_id, assign_to_id=tenant_account)
    assert not bad.ok


def test_a_public_change_mails_the_reporter_once_in_their_language(session, actor, now, world):
    account = session.get(UserAccount, world.accounts["primary"])
    account.language = "sv"
    session.add(account)
    session.commit()
    report_id = _report(session, actor("primary"), now)
    staff = actor("maintenance")
    _handle(session, staff, now, report_id, new_status="in_progress", comment="Kommer i morgon")
    _handle(session, staff, now, report_id, note="internal only")
    jobs = session.exec(select(BackgroundJob)).all()
    assert len(jobs) == 1
    payload = json.loads(jobs[0].payload)
    assert payload["to"] == "primary@test.example" and payload["language"] == "sv"
    assert "Kommer i morgon" in payload["text_body"]
    assert "internal" not in payload["text_body"]
    event = session.exec(
        select(FaultEvent).where(FaultEvent.kind == "status").order_by(FaultEvent.id.desc())
    ).first()
    assert jobs[0].dedupe_key == f"mail:fault:{report_id}:{event.id}"


def test_no_mail_when_the_reporter_said_no(session, actor, now):
    report_id = _report(session, actor("primary"), now, notify_by_email=False)
    _handle(session, actor("maintenance"), now, report_id, new_status="in_progress")
    assert session.exec(select(BackgroundJob)).all() == []
