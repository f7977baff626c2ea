"""Opening a thread in one call (``reading.open_my_thread``) answers exactly what the four
calls it replaced answered one after the other (``my_thread``, ``mark_read``,
``signatures``, ``unread_count``), and leaves the same read mark, for every kind of
account and thread: read and unread, internal notes, attachments, rent threads, requests
waiting for signatures or expiring, another household's thread and staff."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from heka_app.models.messages import ThreadRead
from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.messages import inbox, threads
from heka_app.services.messages.attachments import upload_attachment
from heka_app.services.messages.read_marks import read_mark, record_read
from heka_app.services.messages.reading import OpenedThread, open_my_thread
from heka_app.services.service_requests import signatures
from heka_app.services.service_requests.requests import submit_request
from tests.services.messages.conftest import a_message, sid
from tests.services.messages.test_attachments import PDF, _jpeg

NOTICE_NOW = "2026-11-12T09:00:00+00:00"


def _four_calls(session, actor, now, thread_id, language) -> OpenedThread:
    """What the thread's page did before: four service calls, one after the other."""
    args = {"session": session, "actor": actor, "now": now}
    detail = threads.my_thread(**args, language=language, thread_id=thread_id)
    threads.mark_read(**args, thread_id=thread_id)
    signing = signatures.signatures(**args, language=language, thread_id=thread_id)
    return OpenedThread(detail, signing, threads.unread_count(session=session, actor=actor))


def _marks(session) -> list[tuple[int, int, int]]:
    rows = session.exec(select(ThreadRead).order_by(ThreadRead.thread_id, ThreadRead.account_id))
    return [(r.thread_id, r.account_id, r.last_read_message_id) for r in rows]


def _outcome(session, call, actor, now, thread_id, language):
    """(answer or the error's type, read marks after), then everything rolled back."""
    try:
        answer = call(session, actor, now, thread_id, language)
    except (NotFound, NotAllowed) as error:
        answer = type(error)
    session.flush()
    session.expire_all()
    marks = _marks(session)
    session.rollback()
    return answer, marks


def _new(session, actor, now, thread_id, language):
    args = {"session": session, "actor": actor, "now": now, "language": language}
    return open_my_thread(**args, thread_id=thread_id)


def _same(session, actor, now, thread_id, language="fi"):
    old = _outcome(session, _four_calls, actor, now, thread_id, language)
    new = _outcome(session, _new, actor, now, thread_id, language)
    assert new == old
    return new[0]


WHO = ("primary", "spouse", "co_resident", "neighbour", "upcoming", "customer_service")


def _staff_says(session, staff, now, thread_id, text, *, internal=False):
    inbox.staff_reply(
        session=session, actor=staff, now=now, thread_id=thread_id, text=text, internal=internal
    )
    session.commit()


def test_a_message_thread_read_unread_with_notes_and_files(session, actor, now):
    tenant, staff = actor("primary"), actor("customer_service")
    photo, pdf = (upload_attachment(actor=tenant, data=data) for data in (_jpeg(), PDF))
    thread_id = threads.send_message(
        session=session, actor=tenant, now=now, submission_id=sid(),
        form=a_message(tokens=(photo.token, pdf.token)),
    ).thread_id  # fmt: skip
    session.commit()
    for who in WHO:  # nothing from Heka yet
        _same(session, actor(who), now, thread_id)
    _staff_says(session, staff, now, thread_id, "Internal.", internal=True)
    _staff_says(session, staff, now, thread_id, "We fix it.")
    opened = _same(session, tenant, now, thread_id, "en")
    assert opened.detail.card.unread and opened.unread_count == 0
    assert opened.detail.lines[0].photos == (photo.token,)
    assert "Internal." not in [line.text for line in opened.detail.lines]
    # Read once for real, then a new answer: the mark exists and is behind.
    threads.mark_read(session=session, actor=tenant, now=now, thread_id=thread_id)
    session.commit()
    assert not _same(session, tenant, now, thread_id).detail.card.unread
    _staff_says(session, staff, now, thread_id, "Done.")
    for who in WHO:
        _same(session, actor(who), now, thread_id, "sv")
    # The mark moves forward to the newest line (the badge clears), never back.
    opened = _same(session, tenant, now, thread_id)
    assert opened.detail.card.unread and opened.unread_count == 0
    open_my_thread(session=session, actor=tenant, now=now, language="fi", thread_id=thread_id)
    newest = opened.detail.lines[-1].id
    record_read(session, thread_id, tenant.account_id, 1)
    assert read_mark(session, thread_id, tenant.account_id) == newest


def test_a_rent_thread_only_for_signatories(session, actor, now):
    thread_id = threads.send_message(
        session=session, actor=actor("primary"), now=now, submission_id=sid(),
        form=a_message(topic="rent_plan", subject="Plan"),
    ).thread_id  # fmt: skip
    session.commit()
    _staff_says(session, actor("rent_monitoring"), now, thread_id, "A plan for you.")
    assert isinstance(_same(session, actor("spouse"), now, thread_id), OpenedThread)
    assert _same(session, actor("co_resident"), now, thread_id) is NotFound
    assert _same(session, actor("rent_monitoring"), now, thread_id) is NotAllowed
    assert _same(session, actor("primary"), now, 10**9) is NotFound


@pytest.mark.now(NOTICE_NOW)
def test_a_notice_waiting_for_signatures_and_expiring(session, actor, now):
    thread_id = submit_request(
        session=session, actor=actor("primary"), now=now, submission_id=sid(),
        type_key="termination",
        values={"inspection_date": "2026-12-28", "inspection_time": "morning",
                "new_address": "Uusikatu 1 A 2, 00100 Helsinki"},
    ).thread_id  # fmt: skip
    session.commit()
    for who in ("primary", "spouse", "co_resident"):
        opened = _same(session, actor(who), now, thread_id)
        assert opened.signatures.needed and opened.signatures.waiting
    # Past the 14 days: opening it settles the request as expired, in both.
    later = now + dt.timedelta(days=15)
    opened = _same(session, actor("spouse"), later, thread_id, "en")
    assert opened.signatures.needed and not opened.signatures.waiting
