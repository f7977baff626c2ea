"""The household's list and detail, additions, cancelling and feedback."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from heka_app.models.faults import FaultReport
from heka_app.services.common.results import NotFound
from heka_app.services.faults import handling, tenant
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


def test_the_household_list_is_newest_first_paginated_and_shared(session, actor, now):
    primary = actor("primary")
    ids = [_report(session, primary, now + dt.timedelta(minutes=n), n) for n in range(12)]
    _report(session, actor("neighbour"), now, 99)
    first = tenant.list_my_reports(
        session=session, actor=actor("co_resident"), now=now, language="sv", page=1
    )
    assert (first.total, first.pages, first.page) == (12, 2, 1)
    assert [c.id for c in first.cards] == ids[::-1][:10]
    second = tenant.list_my_reports(session=session, actor=primary, now=now, language="fi", page=7)
    assert second.page == 2 and [c.id for c in second.cards] == ids[1::-1]


def test_detail_of_another_household_is_not_found(session, actor, now):
    report_id = _report(session, actor("primary"), now)
    with pytest.raises(NotFound):
        tenant.my_report(
            session=session, actor=actor("neighbour"), now=now, language="fi", fault_id=report_id
        )


def test_internal_notes_never_reach_the_tenant(session, actor, now):
    report_id = _report(session, actor("primary"), now)
    staff = actor("maintenance")
    handling.handle_report(
        session=session,
        actor=staff,
        now=now,
        fault_id=report_id,
        new_status="in_progress",
        comment="On my way",
        note="Tenant's dog bites, bring a colleague",
    )
    session.commit()
    mine = tenant.my_report(
        session=session, actor=actor("primary"), now=now, language="en", fault_id=report_id
    )
    texts = [e.text for e in mine.timeline]
    assert "On my way" in texts and not any("dog" in t for t in texts)
    theirs = handling.staff_report(
        session=session, actor=staff, now=now, language="en", fault_id=report_id
    )
    assert any(e.text.startswith("Tenant's dog") and not e.public for e in theirs.timeline)


def test_comment_bumps_the_version_and_empty_is_refused(session, actor, now):
    report_id = _report(session, actor("primary"), now)
    empty = tenant.add_comment(
        session=session, actor=actor("co_resident"), now=now, fault_id=report_id, text="  "
    )
    assert empty.field_errors == {"comment": tenant.COMMENT_EMPTY}
    done = tenant.add_comment(
        session=session, actor=actor("co_resident"), now=now, fault_id=report_id, text="Still"
    )
    session.commit()
    assert done.ok and session.get(FaultReport, report_id).version == 2


def test_cancel_only_before_work_starts(session, actor, now):
    first = _report(session, actor("primary"), now, 1)
    second = _report(session, actor("primary"), now, 2)
    assert tenant.cancel_report(session=session, actor=actor("primary"), now=now, fault_id=first).ok
    handling.handle_report(
        session=session,
        actor=actor("maintenance"),
        now=now,
        fault_id=second,
        new_status="in_progress",
    )
    session.commit()
    refused = tenant.cancel_report(
        session=session, actor=actor("primary"), now=now, fault_id=second
    )
    assert refused.form_error == tenant.CANNOT_CANCEL
    assert session.get(FaultReport, first).status == "cancelled"


def test_feedback_once_after_done(session, actor, now):
    report_id = _report(session, actor("primary"), now)
    who = actor("primary")
    early = tenant.give_feedback(
        session=session, actor=who, now=now, fault_id=report_id, fixed=True
    )
    assert early.form_error == tenant.FEEDBACK_NOT_OPEN
    staff = actor("maintenance")
    for status in ("in_progress", "done"):
        handling.handle_report(
            session=session, actor=staff, now=now, fault_id=report_id, new_status=status
        )
    ok = tenant.give_feedback(
        session=session, actor=who, now=now, fault_id=report_id, fixed=False, text="Drips again"
    )
    again = tenant.give_feedback(
        session=session, actor=who, now=now, fault_id=report_id, fixed=True
    )
    assert ok.ok and again.form_error == tenant.ALREADY_GIVEN
    report = session.exec(select(FaultReport)).one()
    assert (report.fixed, report.feedback) == (False, "Drips again")
