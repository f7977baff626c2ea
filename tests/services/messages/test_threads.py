"""Messages: routing by topic, idempotent sends, household scoping, the signatory rule of
rent threads, replies, read marks and the unread count."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import func, select

from heka_app.models.messages import MessageThread, ThreadMessage
from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.messages import inbox, threads
from heka_app.services.messages.access import get_thread_for
from tests.services.messages.conftest import a_message, sid


def _send(session, actor, now, **changes):
    result = threads.send_message(
        session=session, actor=actor, now=now, submission_id=sid(), form=a_message(**changes)
    )
    session.commit()
    assert result.ok, result
    return result.thread_id


def _count(session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def test_general_message_goes_to_customer_service_and_rent_to_rent_monitoring(session, actor, now):
    general = _send(session, actor("primary"), now)
    rent = _send(session, actor("primary"), now, topic="rent_plan", subject="Plan")
    assert session.get(MessageThread, general).queue == "customer_service"
    assert session.get(MessageThread, rent).queue == "rent_monitoring"
    assert session.get(MessageThread, general).area_office_id is not None


def test_the_same_submission_id_sends_once(session, actor, now):
    key = sid()
    first = threads.send_message(
        session=session, actor=actor("primary"), now=now, submission_id=key, form=a_message()
    )
    again = threads.send_message(
        session=session, actor=actor("primary"), now=now, submission_id=key, form=a_message()
    )
    session.commit()
    assert first.thread_id == again.thread_id
    assert _count(session, MessageThread) == 1
    assert _count(session, ThreadMessage) == 1


def test_someone_elses_submission_id_reveals_nothing(session, actor, now):
    key = sid()
    threads.send_message(
        session=session, actor=actor("primary"), now=now, submission_id=key, form=a_message()
    )
    other = threads.send_message(
        session=session, actor=actor("neighbour"), now=now, submission_id=key, form=a_message()
    )
    assert not other.ok and other.thread_id is None and other.form_error


def test_bad_input_is_refused_field_by_field(session, actor, now):
    result = threads.send_message(
        session=session,
        actor=actor("primary"),
        now=now,
        submission_id=sid(),
        form=a_message(topic="nope", subject=" ", text="x" * 5000),
    )
    assert not result.ok
    assert set(result.field_errors) == {"topic", "subject", "text"}
    assert _count(session, MessageThread) == 0


def test_co_resident_cannot_choose_the_rent_topic(session, actor, now):
    assert "rent_plan" not in threads.topics_for(actor("co_resident"))
    result = threads.send_message(
        session=session,
        actor=actor("co_resident"),
        now=now,
        submission_id=sid(),
        form=a_message(topic="rent_plan"),
    )
    assert result.field_errors == {"topic": threads.CHOOSE_TOPIC}


def test_household_sees_its_threads_but_not_anothers(session, actor, now):
    mine = _send(session, actor("primary"), now)
    theirs = _send(session, actor("neighbour"), now)
    co = actor("co_resident")
    assert [
        c.id for c in threads.list_threads(session=session, actor=co, now=now, language="fi").cards
    ] == [mine]
    with pytest.raises(NotFound):
        threads.my_thread(session=session, actor=co, now=now, language="fi", thread_id=theirs)
    with pytest.raises(NotFound):
        get_thread_for(session=session, actor=co, thread_id=999)


def test_the_list_is_paged_open_threads_first_newest_first(session, actor, now):
    primary = actor("primary")
    ids = [_send(session, primary, now + dt.timedelta(minutes=n)) for n in range(12)]
    _send(session, actor("neighbour"), now)
    closed = session.get(MessageThread, ids[-1])
    closed.status = "done"
    session.add(closed)
    session.commit()
    first = threads.list_threads(session=session, actor=primary, now=now, language="fi")
    assert (first.page, first.pages, first.total, first.first, first.last) == (1, 2, 12, 1, 10)
    assert [c.id for c in first.cards] == ids[-2::-1][:10]  # the newest is closed: last
    second = threads.list_threads(
        session=session, actor=actor("co_resident"), now=now, language="fi", page=99
    )
    assert (second.page, second.first, second.last) == (2, 11, 12)
    assert [c.id for c in second.cards] == [ids[0], ids[-1]]
    odd = threads.list_threads(session=session, actor=primary, now=now, language="fi", page="2")
    assert odd.page == 1


def test_rent_thread_is_for_signatories_only(session, actor, now):
    rent = _send(session, actor("primary"), now, topic="rent_charge")
    spouse = actor("spouse")
    assert (
        threads.my_thread(
            session=session, actor=spouse, now=now, language="sv", thread_id=rent
        ).card.id
        == rent
    )
    with pytest.raises(NotFound):
        threads.my_thread(
            session=session, actor=actor("co_resident"), now=now, language="fi", thread_id=rent
        )
    assert (
        threads.list_threads(
            session=session, actor=actor("co_resident"), now=now, language="fi"
        ).cards
        == []
    )


def test_upcoming_and_staff_cannot_send(session, actor, now):
    with pytest.raises(NotAllowed):
        threads.send_message(
            session=session, actor=actor("upcoming"), now=now, submission_id=sid(), form=a_message()
        )
    with pytest.raises(NotAllowed):
        threads.send_message(
            session=session,
            actor=actor("customer_service"),
            now=now,
            submission_id=sid(),
            form=a_message(),
        )


def test_staff_reply_makes_unread_until_read_and_notes_stay_hidden(session, actor, now):
    thread_id = _send(session, actor("primary"), now)
    tenant, staff = actor("primary"), actor("customer_service")
    inbox.staff_reply(
        session=session, actor=staff, now=now, thread_id=thread_id, text="Internal.", internal=True
    )
    session.commit()
    assert threads.unread_count(session=session, actor=tenant) == 0
    inbox.staff_reply(
        session=session,
        actor=staff,
        now=now,
        thread_id=thread_id,
        text="We fix it.",
        internal=False,
    )
    session.commit()
    assert threads.unread_count(session=session, actor=tenant) == 1
    assert threads.unread_count(session=session, actor=actor("co_resident")) == 1
    detail = threads.my_thread(
        session=session, actor=tenant, now=now, language="en", thread_id=thread_id
    )
    texts = [line.text for line in detail.lines]
    assert "Internal." not in texts and "We fix it." in texts
    assert detail.card.status == "in_handling"
    threads.mark_read(session=session, actor=tenant, now=now, thread_id=thread_id)
    threads.mark_read(session=session, actor=tenant, now=now, thread_id=thread_id)
    session.commit()
    assert threads.unread_count(session=session, actor=tenant) == 0
    assert threads.unread_count(session=session, actor=actor("co_resident")) == 1
    staff_view = inbox.staff_thread(
        session=session, actor=staff, now=now, language="fi", thread_id=thread_id
    )
    assert "Internal." in [line.text for line in staff_view.lines]


def test_version_moves_on_a_reply(session, actor, now):
    thread_id = _send(session, actor("primary"), now)
    before = threads.thread_version(session=session, actor=actor("primary"), thread_id=thread_id)
    result = threads.reply(
        session=session, actor=actor("co_resident"), now=now, thread_id=thread_id, text="More info."
    )
    session.commit()
    assert result.ok
    assert (
        threads.thread_version(session=session, actor=actor("primary"), thread_id=thread_id)
        == before + 1
    )


def test_reply_validation_and_closed_thread(session, actor, now):
    thread_id = _send(session, actor("primary"), now)
    tenant = actor("primary")
    assert threads.reply(
        session=session, actor=tenant, now=now, thread_id=thread_id, text=" "
    ).field_errors
    inbox.change_status(
        session=session,
        actor=actor("customer_service"),
        now=now,
        thread_id=thread_id,
        status="done",
        text="",
    )
    session.commit()
    closed = threads.reply(
        session=session, actor=tenant, now=now, thread_id=thread_id, text="Again?"
    )
    assert closed.form_error == threads.THREAD_CLOSED


_junk = st.one_of(st.text(max_size=5000), st.integers(), st.none(), st.booleans())


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(topic=_junk, subject=_junk, text=_junk, key=_junk)
def test_any_message_input_is_answered_without_partial_writes(
    session, actor, now, topic, subject, text, key
):
    before = _count(session, MessageThread), _count(session, ThreadMessage)
    result = threads.send_message(
        session=session, actor=actor("co_resident"), now=now, submission_id=key,
        form=threads.MessageForm(topic=topic, subject=subject, text=text),
    )  # fmt: skip
    session.commit()
    after = _count(session, MessageThread), _count(session, ThreadMessage)
    if result.ok:
        assert after == (before[0] + 1, before[1] + 1)
    else:
        assert (result.field_errors or result.form_error) and after == before
