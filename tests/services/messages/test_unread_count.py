"""The messages badge's prebuilt count (messages/unread.py) counts what the statement it
replaced (kept below as the reference, built through access.scope) counted, for every
kind of account."""

from __future__ import annotations

from sqlmodel import col, func, select

from heka_app.models.messages import MessageThread, ThreadMessage, ThreadRead
from heka_app.services.auth.actor import ANONYMOUS
from heka_app.services.auth.authorization import authorize
from heka_app.services.messages import inbox, threads
from heka_app.services.messages.access import scope
from heka_app.services.messages.permissions import SEND
from tests.services.messages.conftest import a_message, sid


def _reference(session, actor) -> int:
    """unread_count as it was before issue 15's round 2."""
    if not authorize(actor, SEND).allowed or actor.is_staff:
        return 0
    newest = (
        select(func.max(ThreadMessage.id))
        .where(
            col(ThreadMessage.thread_id) == col(MessageThread.id),
            col(ThreadMessage.public).is_(True),
            col(ThreadMessage.by_staff).is_(True),
        )
        .scalar_subquery()
    )
    read = (
        select(ThreadRead.last_read_message_id)
        .where(
            col(ThreadRead.thread_id) == col(MessageThread.id),
            ThreadRead.account_id == actor.account_id,
        )
        .scalar_subquery()
    )
    query = select(func.count(col(MessageThread.id))).where(newest > func.coalesce(read, 0))
    return session.exec(scope(session, actor, query)).one()


def _thread(session, actor, staff, now, topic, *, replies: int, internal: bool = False) -> int:
    """A thread of ``actor``'s with ``replies`` staff answers (internal notes or public)."""
    sent = threads.send_message(
        session=session, actor=actor, now=now, submission_id=sid(),
        form=a_message(topic=topic, subject=topic),
    )  # fmt: skip
    for n in range(replies):
        inbox.staff_reply(
            session=session, actor=staff, now=now, thread_id=sent.thread_id,
            text=f"Reply {n}", internal=internal,
        )  # fmt: skip
    session.commit()
    return sent.thread_id


def test_every_account_counts_what_the_scoped_statement_counted(session, actor, now):
    staff = {"general": actor("customer_service"), "rent": actor("rent_monitoring")}
    primary, co_resident = actor("primary"), actor("co_resident")
    cs = staff["general"]
    answered = _thread(session, primary, cs, now, "general", replies=2)
    _thread(session, primary, cs, now, "general", replies=1, internal=True)  # a note only
    rent = _thread(session, primary, staff["rent"], now, "rent_plan", replies=1)  # signatories
    _thread(session, co_resident, cs, now, "feedback", replies=1)
    _thread(session, actor("neighbour"), cs, now, "general", replies=1)  # another household
    _thread(session, primary, cs, now, "general", replies=0)
    threads.mark_read(session=session, actor=primary, now=now, thread_id=answered)
    threads.mark_read(session=session, actor=actor("spouse"), now=now, thread_id=rent)
    session.commit()
    keys = ("primary", "spouse", "co_resident", "neighbour", "upcoming", "customer_service")
    counts = {}
    for key in keys + ("rent_monitoring", "area_office"):
        who = actor(key)
        counts[key] = threads.unread_count(session=session, actor=who)
        assert counts[key] == _reference(session, who), key
    assert threads.unread_count(session=session, actor=ANONYMOUS) == 0
    # The data covers both statements: with the rent topic (signatories) and without.
    assert counts == {
        **dict.fromkeys(keys + ("rent_monitoring", "area_office"), 0),
        "primary": 2, "spouse": 2, "co_resident": 2, "neighbour": 1,
    }  # fmt: skip
