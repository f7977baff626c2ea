"""A notice of termination: the end date shown before sending, every signatory confirming
after re-entering their password, 14 days to do it, withdrawal, what others see, and the
lease's end when staff confirm it (pinned clock)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from heka_app.models import Lease
from heka_app.models.messages import MessageThread
from heka_app.services.accounts.credentials import WRONG_PASSWORD
from heka_app.services.common.clock import helsinki_today
from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.messages import inbox
from heka_app.services.messages.access import get_thread_for
from heka_app.services.messages.inbox import InboxFilters
from heka_app.services.service_requests import signatures
from heka_app.services.service_requests.requests import CHOOSE_TYPE, request_form, submit_request
from tests.factories import PASSWORD
from tests.services.messages.conftest import sid

NOTICE_NOW = "2026-11-12T09:00:00+00:00"  # notice in November: the lease ends 31 December


def _notice(session, actor, now):
    result = submit_request(
        session=session, actor=actor, now=now, submission_id=sid(), type_key="termination",
        values={"inspection_date": "2026-12-28", "inspection_time": "morning",
                "new_address": "Uusikatu 1 A 2, 00100 Helsinki"},
    )  # fmt: skip
    session.commit()
    return result


def _confirm(session, actor, now, thread_id, password=PASSWORD):
    result = signatures.confirm(
        session=session, actor=actor, now=now, thread_id=thread_id, password=password
    )
    session.commit()
    return result


def _status(session, thread_id) -> str:
    session.expire_all()
    return session.get(MessageThread, thread_id).status


def _staff_sees(session, actor, now) -> list[int]:
    page = inbox.inbox(session=session, actor=actor, now=now, language="en", filters=InboxFilters())
    return [c.id for c in page.cards]


@pytest.mark.now(NOTICE_NOW)
def test_the_end_date_is_shown_before_sending(session, actor, now):
    form = request_form(
        session=session, actor=actor("primary"), now=now, language="fi", type_key="termination"
    )
    assert form.preview == (
        ("Notice given on", "12. marraskuuta 2026"),
        ("The lease ends on", "31. joulukuuta 2026"),
    )
    english = request_form(
        session=session, actor=actor("primary"), now=now, language="en", type_key="termination"
    )
    assert english.preview[1] == ("The lease ends on", "December 31, 2026")


@pytest.mark.now(NOTICE_NOW)
def test_every_signatory_confirms_before_heka_receives_it(session, actor, world, now):
    sent = _notice(session, actor("primary"), now)
    assert sent.ok and _status(session, sent.thread_id) == "waiting"
    data = json.loads(session.get(MessageThread, sent.thread_id).request_data)
    assert data["notice_given"] == "2026-11-12" and data["ends_on"] == "2026-12-31"
    # Heka does not see it yet, not even by its id.
    assert sent.thread_id not in _staff_sees(session, actor("customer_service"), now)
    with pytest.raises(NotFound):
        get_thread_for(session=session, actor=actor("customer_service"), thread_id=sent.thread_id)
    # The others of the household see it waiting; the signatories who must confirm.
    view = signatures.signatures(
        session=session, actor=actor("spouse"), now=now, language="en", thread_id=sent.thread_id
    )
    assert view.waiting and view.may_confirm and view.deadline == "November 26, 2026"
    assert [(s.name, s.confirmed) for s in view.signers] == [
        ("Primary Testinen", False),
        ("Spouse Testinen", False),
    ]
    co = signatures.signatures(
        session=session, actor=actor("co_resident"), now=now, language="en",
        thread_id=sent.thread_id,
    )  # fmt: skip
    assert co.waiting and not co.may_confirm
    # Signing in again: a wrong password confirms nothing.
    wrong = _confirm(session, actor("primary"), now, sent.thread_id, "wrong password 123")
    assert wrong.field_errors == {"current": WRONG_PASSWORD}
    assert _confirm(session, actor("primary"), now, sent.thread_id).ok
    assert _status(session, sent.thread_id) == "waiting"
    later = now + dt.timedelta(days=3)
    assert _confirm(session, actor("spouse"), later, sent.thread_id).ok
    assert _status(session, sent.thread_id) == "sent"
    assert sent.thread_id in _staff_sees(session, actor("customer_service"), later)
    assert sent.thread_id in _staff_sees(session, actor("area_office"), later)


@pytest.mark.now("2026-11-25T09:00:00+00:00")
def test_the_notice_counts_from_the_day_the_last_signatory_confirmed(session, actor, now):
    sent = _notice(session, actor("primary"), now)
    _confirm(session, actor("primary"), now, sent.thread_id)
    first_of_december = dt.datetime(2026, 12, 1, 8, tzinfo=dt.UTC)  # within the 14 days
    assert helsinki_today(first_of_december) == dt.date(2026, 12, 1)
    assert _confirm(session, actor("spouse"), first_of_december, sent.thread_id).ok
    data = json.loads(session.get(MessageThread, sent.thread_id).request_data)
    assert data == data | {"notice_given": "2026-12-01", "ends_on": "2027-01-31"}


@pytest.mark.now(NOTICE_NOW)
def test_unconfirmed_after_14_days_it_expires(session, actor, now):
    sent = _notice(session, actor("primary"), now)
    _confirm(session, actor("primary"), now, sent.thread_id)
    late = now + dt.timedelta(days=14, minutes=1)
    result = _confirm(session, actor("spouse"), late, sent.thread_id)
    assert not result.ok and result.form_error == signatures.NOT_WAITING
    assert _status(session, sent.thread_id) == "expired"
    assert sent.thread_id not in _staff_sees(session, actor("customer_service"), late)
    # Just inside the 14 days another notice still goes through.
    again = _notice(session, actor("primary"), now)
    _confirm(session, actor("primary"), now, again.thread_id)
    in_time = now + dt.timedelta(days=14)
    assert _confirm(session, actor("spouse"), in_time, again.thread_id).ok
    assert _status(session, again.thread_id) == "sent"


@pytest.mark.now(NOTICE_NOW)
def test_a_signatory_withdraws_it_before_all_have_confirmed(session, actor, now):
    sent = _notice(session, actor("primary"), now)
    _confirm(session, actor("primary"), now, sent.thread_id)
    assert signatures.withdraw(
        session=session, actor=actor("spouse"), now=now, thread_id=sent.thread_id
    ).ok
    session.commit()
    assert _status(session, sent.thread_id) == "withdrawn"
    late = _confirm(session, actor("spouse"), now, sent.thread_id)
    assert late.form_error == signatures.NOT_WAITING
    # Once everyone has confirmed, it can no longer be withdrawn here.
    other = _notice(session, actor("primary"), now)
    _confirm(session, actor("primary"), now, other.thread_id)
    _confirm(session, actor("spouse"), now, other.thread_id)
    refused = signatures.withdraw(
        session=session, actor=actor("primary"), now=now, thread_id=other.thread_id
    )
    assert refused.form_error == signatures.NOT_WAITING


@pytest.mark.now(NOTICE_NOW)
def test_only_the_households_signatories_confirm(session, actor, now):
    sent = _notice(session, actor("primary"), now)
    with pytest.raises(NotAllowed):  # a co-resident sees it but is no signatory
        _confirm(session, actor("co_resident"), now, sent.thread_id)
    with pytest.raises(NotFound):  # another household
        _confirm(session, actor("neighbour"), now, sent.thread_id)
    with pytest.raises(NotFound):
        signatures.withdraw(
            session=session, actor=actor("neighbour"), now=now, thread_id=sent.thread_id
        )
    session.rollback()
    assert _status(session, sent.thread_id) == "waiting"
    refused = submit_request(
        session=session, actor=actor("co_resident"), now=now, submission_id=sid(),
        type_key="termination", values={},
    )  # fmt: skip
    assert refused.form_error == CHOOSE_TYPE


@pytest.mark.now(NOTICE_NOW)
def test_a_single_signatory_confirms_alone_and_staff_end_the_lease(session, actor, world, now):
    sent = _notice(session, actor("neighbour"), now)
    assert _status(session, sent.thread_id) == "waiting"
    assert _confirm(session, actor("neighbour"), now, sent.thread_id).ok
    assert _status(session, sent.thread_id) == "sent"
    result = inbox.change_status(
        session=session, actor=actor("customer_service"), now=now, thread_id=sent.thread_id,
        status="decided", text="Irtisanominen vastaanotettu.",
    )  # fmt: skip
    session.commit()
    assert result.ok
    assert session.get(Lease, world.leases["other"]).ends_on == dt.date(2026, 12, 31)


@pytest.mark.now(NOTICE_NOW)
def test_the_front_page_asks_the_other_signatory_to_confirm(session, actor, now):
    from heka_app.services.housing.attention import attention_for

    def kinds(who: str) -> list[tuple[str, str, str]]:
        items = attention_for(session=session, actor=actor(who), now=now, language="en")
        return [(i.title, i.detail, i.href) for i in items if i.kind == "signature"]

    sent = _notice(session, actor("primary"), now)
    _confirm(session, actor("primary"), now, sent.thread_id)
    assert kinds("spouse") == [
        (
            "A notice of termination waits for your confirmation",
            "Confirm it by November 26, 2026, or withdraw it.",
            f"/messages/{sent.thread_id}",
        )
    ]
    assert kinds("primary") == [] and kinds("co_resident") == [] and kinds("neighbour") == []
    _confirm(session, actor("spouse"), now, sent.thread_id)
    assert kinds("spouse") == []
