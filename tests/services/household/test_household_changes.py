"""Household changes on the request pipeline: a primary tenant reports a move in or out,
staff in the household queue confirm or reject it, and the register and access follow
on the right day (pinned clock)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from sqlmodel import select

from heka_app.demo.households import identity_code
from heka_app.models import LeaseResident, Person, UserAccount
from heka_app.models.household import HouseholdChange
from heka_app.models.messages import MessageThread
from heka_app.services.auth.sessions import resolve_actor, start_session
from heka_app.services.common.clock import HELSINKI, helsinki_today
from heka_app.services.common.results import NotFound
from heka_app.services.household.changes import ALREADY_RESIDENT
from heka_app.services.messages import inbox, threads
from heka_app.services.messages.inbox import InboxFilters
from heka_app.services.service_requests.fields import CHOOSE_ONE, IDENTITY_CODE_INVALID
from heka_app.services.service_requests.requests import (
    CHOOSE_TYPE,
    request_form,
    submit_request,
    types_for,
)
from heka_app.services.signup.eligibility import (
    NOT_IN_REGISTER,
    check_registration_eligibility,
    registration_refusal,
)
from tests.services.messages.conftest import sid


def _resident_row(session, world, key):
    return session.exec(
        select(LeaseResident).where(LeaseResident.person_id == world.people[key])
    ).one()


def _move_out(session, actor, now, resident_id, day):
    result = submit_request(
        session=session, actor=actor, now=now, submission_id=sid(), type_key="move_out",
        values={"resident": str(resident_id), "moved_out_on": day.isoformat()},
    )  # fmt: skip
    session.commit()
    return result


def _approve(session, staff, now, thread_id, status="decided", text="Confirmed."):
    result = inbox.change_status(
        session=session, actor=staff, now=now, thread_id=thread_id, status=status, text=text
    )
    session.commit()
    return result


def _helsinki(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=HELSINKI).astimezone(
        dt.UTC
    )


def test_only_primary_tenants_of_an_active_lease_report_changes(session, actor, now):
    keys = {t.key for t in types_for(actor("primary"))}
    assert {"move_in", "move_out", "termination"} <= keys
    assert not {"move_in", "move_out", "termination"} & {
        t.key for t in types_for(actor("co_resident"))
    }
    refused = _move_out(session, actor("co_resident"), now, 1, helsinki_today(now))
    assert not refused.ok and refused.form_error == CHOOSE_TYPE


def test_moving_out_offers_the_household_but_not_the_sender(session, actor, world, now):
    form = request_form(
        session=session, actor=actor("primary"), now=now, language="fi", type_key="move_out"
    )
    names = sorted(name for _, name in form.choices["resident"])
    assert names == ["Child Testinen", "Co_Resident Testinen", "Spouse Testinen"]
    neighbour = _resident_row(session, world, "neighbour")
    result = _move_out(session, actor("primary"), now, neighbour.id, helsinki_today(now))
    assert result.field_errors == {"resident": CHOOSE_ONE}
    assert session.exec(select(HouseholdChange)).first() is None


def test_confirmed_move_out_ends_access_on_the_moving_out_day(session, actor, world, now):
    day = helsinki_today(now) + dt.timedelta(days=10)
    row = _resident_row(session, world, "co_resident")
    sent = _move_out(session, actor("primary"), now, row.id, day)
    assert sent.ok
    thread = session.get(MessageThread, sent.thread_id)
    assert thread.queue == "household" and thread.status == "sent"
    assert json.loads(thread.request_data)["resident"] == "Co_Resident Testinen"
    # Customer service and the property's area office see it; maintenance does not.
    for role in ("customer_service", "area_office"):
        page = inbox.inbox(
            session=session, actor=actor(role), now=now, language="en", filters=InboxFilters()
        )
        assert [c.id for c in page.cards] == [thread.id]
    assert _approve(session, actor("customer_service"), now, thread.id).ok
    assert session.get(LeaseResident, row.id).moved_out_on == day
    # A session opened the evening before works until midnight, and not after it.
    account = session.get(UserAccount, world.accounts["co_resident"])
    evening = _helsinki(day - dt.timedelta(days=1), 23, 50)
    secret = start_session(session=session, account_id=account.id, now=evening)
    session.commit()
    assert resolve_actor(session=session, secret=secret, now=evening + dt.timedelta(minutes=5))
    after_midnight = _helsinki(day, 0, 5)
    assert resolve_actor(session=session, secret=secret, now=after_midnight) is None
    # The others of the household keep theirs.
    primary = session.get(UserAccount, world.accounts["primary"])
    other = start_session(session=session, account_id=primary.id, now=after_midnight)
    assert resolve_actor(session=session, secret=other, now=after_midnight) is not None


def test_a_rejected_move_out_changes_nothing_and_the_reason_reaches_the_tenant(
    session, actor, world, now
):
    row = _resident_row(session, world, "co_resident")
    sent = _move_out(session, actor("primary"), now, row.id, helsinki_today(now))
    reason = "Ilmoita muuttopäivä, jota ei ole jo mennyt."
    assert _approve(session, actor("area_office"), now, sent.thread_id, "rejected", reason).ok
    assert session.get(LeaseResident, row.id).moved_out_on is None
    detail = threads.my_thread(
        session=session, actor=actor("primary"), now=now, language="fi", thread_id=sent.thread_id
    )
    assert detail.decision == reason and detail.card.status == "rejected"


def _new_adult_code(now) -> str:
    born = helsinki_today(now).replace(year=helsinki_today(now).year - 30, day=1)
    return identity_code(born, 977)


def _move_in(session, actor, now, code, day, **changes):
    values = {"first_name": "Uusi", "last_name": "Asukas", "identity_code": code,
              "moved_in_on": day.isoformat(), **changes}  # fmt: skip
    result = submit_request(
        session=session, actor=actor, now=now, submission_id=sid(), type_key="move_in",
        values=values,
    )  # fmt: skip
    session.commit()
    return result


def test_identity_code_is_checked_and_kept_only_on_the_server(session, actor, now):
    today = helsinki_today(now)
    bad = _move_in(session, actor("primary"), now, "131052-308X", today)
    assert bad.field_errors == {"identity_code": IDENTITY_CODE_INVALID}
    code = _new_adult_code(now)
    sent = _move_in(session, actor("primary"), now, code.lower(), today)
    assert sent.ok
    thread = session.get(MessageThread, sent.thread_id)
    assert code not in thread.request_data and code[:7] + "****" in thread.request_data
    change = session.exec(select(HouseholdChange)).one()
    assert change.identity_code == code and change.kind == "move_in"
    for who in ("primary", "spouse"):
        detail = threads.my_thread(
            session=session, actor=actor(who), now=now, language="en", thread_id=thread.id
        )
        assert code not in json.dumps(dataclasses.asdict(detail))
    staff = inbox.staff_thread(
        session=session, actor=actor("customer_service"), now=now, language="en",
        thread_id=thread.id,
    )  # fmt: skip
    assert code not in json.dumps(dataclasses.asdict(staff))


def test_confirmed_adult_can_register_from_the_register(session, actor, world, now):
    code = _new_adult_code(now)
    day = helsinki_today(now) + dt.timedelta(days=5)
    sent = _move_in(session, actor("primary"), now, code, day)
    assert not session.exec(select(Person).where(Person.identity_code == code)).first()
    assert _approve(session, actor("area_office"), now, sent.thread_id).ok
    person = session.exec(select(Person).where(Person.identity_code == code)).one()
    row = session.exec(select(LeaseResident).where(LeaseResident.person_id == person.id)).one()
    assert row.lease_id == world.leases["home"] and row.role == "co_resident"
    assert row.moved_in_on == day and row.moved_out_on is None
    assert person.first_name == "Uusi" and person.birth_date.year == day.year - 30
    # Registration is open at once (an upcoming resident may sign up and sees "opens on").
    assert registration_refusal(session=session, person=person, today=helsinki_today(now)) == ""
    # A second confirmation of the same person is refused and writes nothing.
    again = _move_in(session, actor("primary"), now, code, day)
    result = _approve(session, actor("area_office"), now, again.thread_id)
    assert not result.ok and result.form_error == ALREADY_RESIDENT
    assert session.get(MessageThread, again.thread_id).status == "sent"


def test_before_confirmation_the_new_resident_is_not_in_the_register(session, actor, now):
    code = _new_adult_code(now)
    _move_in(session, actor("primary"), now, code, helsinki_today(now))
    found = check_registration_eligibility(
        session=session, identity_code=code, today=helsinki_today(now), allow_test_codes=True
    )
    assert not found.ok and found.error == NOT_IN_REGISTER


def test_another_household_cannot_see_or_handle_a_change(session, actor, world, now):
    row = _resident_row(session, world, "co_resident")
    sent = _move_out(session, actor("primary"), now, row.id, helsinki_today(now))
    with pytest.raises(NotFound):
        threads.my_thread(
            session=session, actor=actor("neighbour"), now=now, language="fi",
            thread_id=sent.thread_id,
        )  # fmt: skip
    with pytest.raises(NotFound):
        inbox.staff_thread(
            session=session, actor=actor("rent_monitoring"), now=now, language="fi",
            thread_id=sent.thread_id,
        )  # fmt: skip
