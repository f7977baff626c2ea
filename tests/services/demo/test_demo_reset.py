"""Demo mode's nightly reset: the demo database comes back as loaded, a real database is
never touched, and the reset is queued once per night for 03:00 Helsinki time."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import func, select

from heka_app.demo.dataset import load_demo_data
from heka_app.demo.reset import (
    RESET,
    NotADemoDatabase,
    next_reset,
    reset_demo_data,
    run_reset,
    schedule,
)
from heka_app.models import FaultReport, Person, UserAccount
from heka_app.models.jobs import BackgroundJob
from tests.factories import build_world


def _count(session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def test_a_reset_puts_back_the_demo_data_and_drops_what_visitors_added(session, now):
    today = now.date()
    load_demo_data(session=session, today=today)
    session.commit()
    before = {m: _count(session, m) for m in (Person, UserAccount, FaultReport)}
    visitor_report = session.exec(select(FaultReport)).first()
    visitor_report.description = "A visitor typed this at the kiosk"
    session.delete(session.exec(select(UserAccount)).first())
    session.commit()

    reset_demo_data(session=session, today=today)
    session.commit()

    assert {m: _count(session, m) for m in before} == before
    texts = session.exec(select(FaultReport.description)).all()
    assert "A visitor typed this at the kiosk" not in texts


def test_a_database_with_real_accounts_is_never_reset(session, now):
    build_world(session, now)  # accounts outside the demo domain
    session.commit()
    people = _count(session, Person)
    with pytest.raises(NotADemoDatabase):
        reset_demo_data(session=session, today=now.date())
    session.rollback()
    assert _count(session, Person) == people


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-11-29T17:00:00+00:00", "2026-11-30T01:00:00+00:00"),  # winter: UTC+2
        ("2026-11-30T00:59:00+00:00", "2026-11-30T01:00:00+00:00"),
        ("2026-11-30T01:00:00+00:00", "2026-12-01T01:00:00+00:00"),
        # DST starts that night at 03:00, which does not exist: the reset runs at 04:00 EEST
        ("2027-03-27T12:00:00+00:00", "2027-03-28T01:00:00+00:00"),
        ("2027-06-15T12:00:00+00:00", "2027-06-16T00:00:00+00:00"),  # summer: UTC+3
    ],
    indirect=["now"],
)
def test_the_reset_is_at_three_in_the_night_in_helsinki(now, expected):
    assert next_reset(now) == dt.datetime.fromisoformat(expected)


def test_hourly_scheduling_queues_one_reset_per_night(session, now):
    assert schedule(session, now=now)
    assert not schedule(session, now=now + dt.timedelta(hours=1))  # same night
    session.commit()
    jobs = session.exec(select(BackgroundJob).where(BackgroundJob.kind == RESET)).all()
    assert len(jobs) == 1
    assert jobs[0].run_after.replace(tzinfo=dt.UTC) == next_reset(now)


def test_the_job_resets_the_demo_database(session, now):
    load_demo_data(session=session, today=now.date())
    session.commit()
    people = _count(session, Person)
    session.exec(select(Person)).first().first_name = "Visitor"
    session.commit()
    run_reset({}, key="demo-reset:test", now=now)
    session.expire_all()
    assert _count(session, Person) == people
    assert "Visitor" not in session.exec(select(Person.first_name)).all()
