"""The data export: everything about the user, and nothing of anyone else (two households
with reports, messages, requests, changes and security events; asserted on the JSON)."""

from __future__ import annotations

import json

import pytest

from heka_app.services.accounts import detail_changes
from heka_app.services.accounts.data_export import export_my_data
from heka_app.services.auth import security_log
from heka_app.services.auth.actor import ANONYMOUS
from heka_app.services.common.results import NotAllowed
from heka_app.services.faults.reports import FaultForm, create_report
from heka_app.services.messages.inbox import staff_reply
from heka_app.services.messages.threads import MessageForm, reply, send_message
from heka_app.services.service_requests.requests import submit_request
from tests.factories import PASSWORD


def _fault(session, who, now, text, n):
    form = FaultForm(
        urgent=False, category="plumbing.tap", location="room:kitchen", description=text,
        permission_to_enter=True, contact_phone="040 765 4321",
    )  # fmt: skip
    assert create_report(
        session=session, actor=who, now=now, submission_id=f"fault-{n:02d}-abcdefghijkl", form=form
    ).ok


def _thread(session, who, now, subject, text, n) -> int:
    form = MessageForm(topic="general", subject=subject, text=text)
    opened = send_message(
        session=session, actor=who, now=now, submission_id=f"msg-{n:02d}-abcdefghijklmn", form=form
    )
    assert opened.ok
    return opened.thread_id


def _activity(session, actor, now, key: str, n: int) -> int:
    me = actor(key)
    _fault(session, me, now, f"Fault text of {key} here", n)
    thread = _thread(session, me, now, f"Subject of {key}", f"Message text of {key}", n)
    detail_changes.change_phone(session=session, actor=me, now=now, phone=f"040 111 22{n:02d}")
    security_log.log_security_event(
        session, event=security_log.LOGIN_SUCCEEDED, account_id=me.account_id,
        client_ip=f"10.0.0.{n}", detail=f"marker-{key}", now=now,
    )  # fmt: skip
    return thread


def test_the_export_holds_everything_of_mine_and_nothing_of_anyone_else(session, world, actor, now):
    mine = _activity(session, actor, now, "primary", 1)
    co_thread = _activity(session, actor, now, "co_resident", 2)
    _activity(session, actor, now, "neighbour", 3)
    staff = actor("customer_service")
    staff_reply(session=session, actor=staff, now=now, thread_id=mine, text="Answer from Heka",
                internal=False)  # fmt: skip
    staff_reply(session=session, actor=staff, now=now, thread_id=mine, text="Internal staff note",
                internal=True)  # fmt: skip
    # A household member answers in my thread: their words stay theirs.
    reply(session=session, actor=actor("co_resident"), now=now, thread_id=mine,
          text="Co-resident line in my thread")  # fmt: skip
    assert submit_request(
        session=session, actor=actor("primary"), now=now, submission_id="req-01-abcdefghijklmn",
        type_key="account_deletion", values={"reason": "Moving abroad"},
    ).ok  # fmt: skip
    detail_changes.change_refund_account(
        session=session, actor=actor("primary"), now=now, iban="FI2112345600000785",
        password=PASSWORD,
    )  # fmt: skip
    session.commit()

    data = export_my_data(session=session, actor=actor("primary"), now=now, language="en")
    text = json.dumps(data, ensure_ascii=False)

    account = data["account"]
    assert account["email"] == "primary@test.example"
    assert account["phone"] == "+358401112201" and account["refund_iban"] == "FI2112345600000785"
    assert account["identity_code"] == world.codes["primary"][:7] + "****"
    assert world.codes["primary"] not in text
    assert data["lease"]["role"] == "primary" and "A 1" in data["lease"]["address"]
    assert "Co_Resident Testinen" in data["lease"]["household"]  # household names, by design
    [report] = data["fault_reports"]
    assert report["description"] == "Fault text of primary here"
    subjects = {t["subject"] for t in data["messages_and_requests"]}
    assert subjects == {"Subject of primary", "account_deletion"}
    [deletion] = [t for t in data["messages_and_requests"] if t["request_type"]]
    assert deletion["request"] == {"reason": "Moving abroad"}
    [thread] = [t for t in data["messages_and_requests"] if t["subject"] == "Subject of primary"]
    said = [line for line in thread["lines"] if line["kind"] == "message"]
    assert [(line["by"], line["text"]) for line in said] == [
        ("me", "Message text of primary"),
        ("heka", "Answer from Heka"),
    ]
    items = [row["item"] for row in data["change_log"]]
    assert items == ["phone", "refund_iban"]
    assert {e["detail"] for e in data["security_events"] if e["event"] == "login_succeeded"} == {
        "marker-primary"
    }
    assert set(data["email_notifications"]) == {"fault_status", "replies", "news_my_building"}

    # Nothing of the co-resident, the neighbour or staff.
    for foreign in (
        "co_resident@test.example", "neighbour@test.example", "customer_service@staff.example",
        "Fault text of co_resident", "Fault text of neighbour", "Subject of co_resident",
        "Subject of neighbour", "Message text of", "marker-co_resident", "marker-neighbour",
        "+358401112202", "+358401112203", "10.0.0.2", "10.0.0.3", "Internal staff note",
        "Co-resident line in my thread", world.codes["co_resident"], world.codes["neighbour"],
        "Neighbour Testinen",
    ):  # fmt: skip
        if foreign == "Message text of":
            assert text.count(foreign) == 1  # only "Message text of primary"
            continue
        assert foreign not in text, foreign
    assert co_thread != mine


def test_the_export_is_logged_and_anonymous_gets_nothing(session, world, actor, now):
    data = export_my_data(session=session, actor=actor("neighbour"), now=now, language="fi")
    assert data["fault_reports"] == [] and data["messages_and_requests"] == []
    again = export_my_data(session=session, actor=actor("neighbour"), now=now, language="fi")
    assert [e["event"] for e in again["security_events"]] == [security_log.DATA_EXPORTED]
    with pytest.raises(NotAllowed):
        export_my_data(session=session, actor=ANONYMOUS, now=now, language="fi")


def test_staff_export_their_own_account(session, world, actor, now):
    data = export_my_data(session=session, actor=actor("maintenance"), now=now, language="fi")
    assert data["account"]["role"] == "maintenance" and data["lease"] is None
