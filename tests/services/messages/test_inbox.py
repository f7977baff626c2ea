"""The staff inbox: who sees which queue, an area office only its own properties,
filters and counts, assign, reply vs internal note, status with a reason, templates, the
payment plan the tenant then sees, and reply mail only when the tenant wants it."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlmodel import select

from heka_app.models import UserAccount
from heka_app.models.jobs import BackgroundJob
from heka_app.models.messages import MessageThread
from heka_app.services.common.clock import helsinki_today
from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.messages import inbox, payment_plans, templates, threads
from heka_app.services.messages.inbox import InboxFilters
from heka_app.services.messages.payment_plans import Instalment
from heka_app.services.notifications.preferences import MESSAGE_REPLIES, set_email_choice
from heka_app.services.service_requests.requests import submit_request
from tests.services.messages.conftest import a_message, sid


def _send(session, actor, now, **changes):
    result = threads.send_message(
        session=session, actor=actor, now=now, submission_id=sid(), form=a_message(**changes)
    )
    session.commit()
    return result.thread_id


def _disturbance(session, actor, now):
    result = submit_request(
        session=session, actor=actor, now=now, submission_id=sid(), type_key="disturbance",
        values={"date": helsinki_today(now).isoformat(), "place": "yard",
                "what": "Loud music every night.", "recurring": "yes"},
    )  # fmt: skip
    session.commit()
    return result.thread_id


def _ids(session, actor, now, **filters):
    page = inbox.inbox(
        session=session, actor=actor, now=now, language="fi", filters=InboxFilters(**filters)
    )
    return {c.id for c in page.cards}


def test_each_role_sees_its_queue(session, actor, now):
    general = _send(session, actor("primary"), now)
    rent = _send(session, actor("primary"), now, topic="rent_plan")
    disturbance = _disturbance(session, actor("primary"), now)
    assert _ids(session, actor("customer_service"), now) == {general}
    assert _ids(session, actor("rent_monitoring"), now) == {rent}
    assert _ids(session, actor("area_office"), now) == {disturbance}
    assert _ids(session, actor("admin"), now) == {general, rent, disturbance}
    with pytest.raises(NotFound):
        inbox.staff_thread(
            session=session, actor=actor("customer_service"), now=now, language="fi",
            thread_id=rent,
        )  # fmt: skip
    for role in ("maintenance", "content_editor", "primary"):
        with pytest.raises(NotAllowed):
            inbox.inbox(session=session, actor=actor(role), now=now, language="fi",
                        filters=InboxFilters())  # fmt: skip


def test_area_office_sees_only_its_own_properties(session, actor, now):
    mine = _disturbance(session, actor("primary"), now)
    elsewhere = session.get(MessageThread, _disturbance(session, actor("neighbour"), now))
    elsewhere.area_office_id = None  # a property of no office this handler has
    session.add(elsewhere)
    session.commit()
    assert _ids(session, actor("area_office"), now) == {mine}


def test_filters_counts_and_assign(session, actor, now):
    staff = actor("customer_service")
    first = _send(session, actor("primary"), now)
    second = _send(session, actor("neighbour"), now, topic="feedback")
    inbox.assign_to_me(session=session, actor=staff, now=now, thread_id=first)
    session.commit()
    assert session.get(MessageThread, first).status == "in_handling"
    assert _ids(session, staff, now, mine=True) == {first}
    assert _ids(session, staff, now, kind="feedback") == {second}
    assert _ids(session, staff, now, status="sent") == {second}
    page = inbox.inbox(session=session, actor=staff, now=now, language="fi", filters=InboxFilters())
    assert page.counts["sent"] == 1 and page.counts["in_handling"] == 1 and page.total == 2


def test_the_inbox_pages_within_the_filters(session, actor, now):
    staff = actor("customer_service")
    ids = [_send(session, actor("primary"), now) for _ in range(inbox.PAGE_SIZE + 3)]
    feedback = _send(session, actor("neighbour"), now, topic="feedback")
    general = InboxFilters(kind="general")

    def page(n):
        return inbox.inbox(
            session=session, actor=staff, now=now, language="fi", filters=general, page=n
        )

    first, second = page(1), page(2)
    assert (first.total, first.pages, first.first, first.last) == (28, 2, 1, 25)
    assert (second.page, second.first, second.last) == (2, 26, 28)
    assert [c.id for c in first.cards + second.cards] == ids  # oldest waiting first
    assert page(-4).page == 1 and page(50).page == 2 and feedback not in ids
    assert first.counts["sent"] == 29  # counts cover the whole scope, not the filter


def test_status_rules_and_decision_in_the_thread(session, actor, now):
    staff = actor("area_office")
    thread_id = _disturbance(session, actor("primary"), now)
    refused = inbox.change_status(
        session=session, actor=staff, now=now, thread_id=thread_id, status="rejected"
    )
    assert refused.field_errors == {"text": inbox.REASON_REQUIRED}
    assert not inbox.change_status(
        session=session, actor=staff, now=now, thread_id=thread_id, status="sent"
    ).ok
    ok = inbox.change_status(
        session=session, actor=staff, now=now, thread_id=thread_id, status="rejected",
        text="Not a disturbance by house rules.",
    )  # fmt: skip
    session.commit()
    assert ok.ok
    detail = threads.my_thread(
        session=session, actor=actor("co_resident"), now=now, language="fi", thread_id=thread_id
    )
    assert detail.card.status == "rejected" and detail.decision.startswith("Not a")
    assert detail.lines[-1].status_label == "Rejected"
    assert not inbox.change_status(
        session=session, actor=staff, now=now, thread_id=thread_id, status="done"
    ).ok


def test_templates_come_in_the_tenants_language(session, actor, now):
    thread_id = _send(session, actor("primary"), now)
    text = templates.template_text(
        session=session, actor=actor("customer_service"), thread_id=thread_id, key="received"
    )
    assert text  # the tenant's language (fi by default) from the catalog
    assert (
        templates.template_text(
            session=session, actor=actor("customer_service"), thread_id=thread_id, key="nope"
        )
        == ""
    )


def test_payment_plan_is_recorded_and_shown(session, actor, now):
    rent_thread = _send(session, actor("primary"), now, topic="rent_plan", subject="Plan")
    staff = actor("rent_monitoring")
    today = helsinki_today(now)
    later = today + dt.timedelta(days=30)
    bad = payment_plans.record_plan(
        session=session, actor=staff, now=now, language="fi", thread_id=rent_thread,
        rows=[Instalment(later.isoformat(), "200"), Instalment(today.isoformat(), "100")],
    )  # fmt: skip
    assert bad.form_error == payment_plans.DATES_ORDER
    assert payment_plans.record_plan(
        session=session, actor=staff, now=now, language="fi", thread_id=rent_thread,
        rows=[Instalment("yesterday", "x")],
    ).params == {"row": 1}  # fmt: skip
    ok = payment_plans.record_plan(
        session=session, actor=staff, now=now, language="en", thread_id=rent_thread,
        rows=[Instalment(today.isoformat(), "150,50"), Instalment(later.isoformat(), "200")],
    )  # fmt: skip
    session.commit()
    assert ok.ok
    lease_id = session.get(MessageThread, rent_thread).lease_id
    text = payment_plans.plan_text(session, lease_id, "en")
    assert "150.50" in text and "200.00" in text
    with pytest.raises(NotAllowed):
        payment_plans.record_plan(
            session=session, actor=actor("customer_service"), now=now, language="fi",
            thread_id=rent_thread, rows=[],
        )  # fmt: skip


def _mail_payloads(session) -> list[dict]:
    jobs = session.exec(select(BackgroundJob).where(BackgroundJob.kind == "mail.send")).all()
    return [json.loads(job.payload) for job in jobs]


def _answer(session, staff, now, thread_id, text="An answer."):
    inbox.staff_reply(session=session, actor=staff, now=now, thread_id=thread_id,
                      text=text, internal=False)  # fmt: skip
    session.commit()


def test_reply_mails_every_household_member_in_their_language(session, actor, world, now):
    swedish = session.get(UserAccount, world.accounts["co_resident"])
    swedish.language = "sv"
    session.add(swedish)
    session.commit()
    thread_id = _send(session, actor("primary"), now)
    _answer(session, actor("customer_service"), now, thread_id)
    by_address = {p["to"]: p for p in _mail_payloads(session)}
    # the starter, the second signatory and the co-resident; never a neighbour or former tenant
    assert set(by_address) == {
        "primary@test.example", "spouse@test.example", "co_resident@test.example"
    }  # fmt: skip
    assert by_address["co_resident@test.example"]["language"] == "sv"
    assert "Heka har svarat" in by_address["co_resident@test.example"]["subject"]
    assert by_address["primary@test.example"]["language"] == "fi"
    assert "An answer." not in json.dumps(list(by_address.values()))


def test_reply_mail_of_a_rent_thread_reaches_the_primary_tenants_only(session, actor, now):
    rent_thread = _send(session, actor("primary"), now, topic="rent_plan")
    set_email_choice(
        session=session, actor=actor("spouse"), kind=MESSAGE_REPLIES, email=False, now=now
    )
    session.commit()
    _answer(session, actor("rent_monitoring"), now, rent_thread)
    assert [p["to"] for p in _mail_payloads(session)] == ["primary@test.example"]
    _answer(session, actor("rent_monitoring"), now, rent_thread, text="Again.")
    assert len(_mail_payloads(session)) == 2  # one a line and recipient


def test_reply_mail_respects_the_opt_out(session, actor, now):
    staff = actor("customer_service")
    thread_id = _send(session, actor("primary"), now)
    inbox.staff_reply(session=session, actor=staff, now=now, thread_id=thread_id,
                      text="A note.", internal=True)  # fmt: skip
    session.commit()
    assert _mails_to(session, "primary@test.example") == 0
    inbox.staff_reply(session=session, actor=staff, now=now, thread_id=thread_id,
                      text="An answer.", internal=False)  # fmt: skip
    session.commit()
    assert _mails_to(session, "primary@test.example") == 1
    set_email_choice(
        session=session, actor=actor("primary"), kind=MESSAGE_REPLIES, email=False, now=now
    )
    inbox.staff_reply(session=session, actor=staff, now=now, thread_id=thread_id,
                      text="Another.", internal=False)  # fmt: skip
    session.commit()
    assert _mails_to(session, "primary@test.example") == 1


def _mails_to(session, address: str) -> int:
    return sum(p["to"] == address for p in _mail_payloads(session))
