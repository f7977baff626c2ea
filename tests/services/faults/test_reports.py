"""Creating a report once per submission id, validation, scoping of ``get_fault_for``."""

from __future__ import annotations

import threading

import pytest
from sqlmodel import Session, func, select

from heka_app.models.faults import FaultEvent, FaultReport
from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.faults import reports
from heka_app.services.faults.reports import create_report, get_fault_for
from tests.services.faults.conftest import a_form

SUBMISSION = "form-0123456789abcdef"


def _submit(session, actor, now, submission=SUBMISSION, **changes):
    result = create_report(
        session=session, actor=actor, now=now, submission_id=submission, form=a_form(**changes)
    )
    session.commit()
    return result


def test_a_valid_report_is_received_with_a_number_and_a_first_timeline_entry(session, actor, now):
    result = _submit(session, actor("primary"), now, urgent=True, pets="Cat")
    assert result.ok and result.number == f"{now.year}-{result.report_id:05d}"
    report = session.get(FaultReport, result.report_id)
    assert (report.status, report.urgent, report.pets, report.version) == (
        "received",
        True,
        "Cat",
        1,
    )
    [event] = session.exec(select(FaultEvent)).all()
    assert (event.kind, event.new_status, event.public) == ("status", "received", True)


def test_the_same_submission_id_gives_the_same_report(session, actor, now):
    first = _submit(session, actor("primary"), now)
    again = _submit(session, actor("co_resident"), now, description="Typed again, differently")
    assert again.ok and again.report_id == first.report_id
    assert session.exec(select(func.count()).select_from(FaultReport)).one() == 1


def test_another_households_submission_id_reveals_nothing(session, actor, now):
    _submit(session, actor("primary"), now)
    stolen = _submit(session, actor("neighbour"), now)
    assert not stolen.ok and stolen.report_id is None and stolen.form_error == reports.FORM_STALE


def test_twenty_concurrent_submits_of_one_form_make_one_report(engine, session, actor, now):
    tenant = actor("primary")
    results = []

    def submit():
        with Session(engine) as own:
            results.append(_submit(own, tenant, now))

    threads = [threading.Thread(target=submit) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 20 and all(r.ok for r in results)
    assert len({r.report_id for r in results}) == 1
    assert session.exec(select(func.count()).select_from(FaultReport)).one() == 1
    assert session.exec(select(func.count()).select_from(FaultEvent)).one() == 1


@pytest.mark.parametrize(
    ("changes", "field", "msgid"),
    [
        ({"category": "spaceship"}, "category", reports.CHOOSE_CATEGORY),
        ({"category": "plumbing.warp"}, "category", reports.CHOOSE_CATEGORY),
        ({"location": "room:attic"}, "location", reports.CHOOSE_LOCATION),
        ({"description": "  short "}, "description", reports.DESCRIPTION_SHORT),
        ({"description": "x" * 4001}, "description", reports.DESCRIPTION_LONG),
        ({"permission_to_enter": False}, "reachable_at", reports.REACHABLE_REQUIRED),
        ({"contact_phone": ""}, "contact_phone", reports.FIELD_REQUIRED),
        ({"contact_phone": "call me"}, "contact_phone", reports.PHONE_INVALID),
        ({"photo_tokens": tuple("abcdef")}, "photos", reports.TOO_MANY_PHOTOS),
    ],
)
def test_bad_input_gets_a_field_message_and_stores_nothing(
    session, actor, now, changes, field, msgid
):
    result = _submit(session, actor("primary"), now, **changes)
    assert not result.ok and result.field_errors[field] == msgid
    assert session.exec(select(func.count()).select_from(FaultReport)).one() == 0


def test_a_malformed_submission_id_is_refused(session, actor, now):
    result = _submit(session, actor("primary"), now, submission="x")
    assert not result.ok and result.form_error == reports.FORM_STALE


def test_markup_in_a_description_is_stored_as_typed(session, actor, now):
    text = '<img src=x onerror="alert(1)"> the tap leaks'
    result = _submit(session, actor("primary"), now, description=text)
    assert session.get(FaultReport, result.report_id).description == text


def test_upcoming_and_staff_may_not_report(session, actor, now):
    for key in ("upcoming", "maintenance"):
        with pytest.raises(NotAllowed):
            _submit(session, actor(key), now)


def test_get_fault_for_scopes_by_household_and_handling_staff(session, actor, now):
    report_id = _submit(session, actor("primary"), now).report_id
    for key in ("primary", "co_resident", "maintenance", "customer_service", "admin"):
        assert get_fault_for(session=session, actor=actor(key), fault_id=report_id).id == report_id
    for key in ("neighbour", "upcoming", "area_office", "rent_monitoring", "content_editor"):
        with pytest.raises(NotFound):
            get_fault_for(session=session, actor=actor(key), fault_id=report_id)
    with pytest.raises(NotFound):
        get_fault_for(session=session, actor=actor("primary"), fault_id=report_id + 1)
