"""Unread marks of the household's threads: which have a staff answer the reader has
not seen, and how many (the messages link's badge, read on every page load)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam
from sqlmodel import Session, col, func, select

from heka_app.models.messages import MessageThread, ThreadMessage, ThreadRead
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import authorize
from heka_app.services.messages.access import scope
from heka_app.services.messages.permissions import RENT, SEND
from heka_app.services.messages.routing import RENT_TOPICS


def _last_public_staff(session: Session, thread_ids: list[int]) -> dict[int, int]:
    # Only the asked threads: the whole table's maximum per thread grew with every
    # message of every household, and unread_count runs on every page load (issue 15).
    rows = session.exec(
        select(ThreadMessage.thread_id, func.max(ThreadMessage.id))
        .where(
            col(ThreadMessage.thread_id).in_(thread_ids),
            col(ThreadMessage.public).is_(True),
            col(ThreadMessage.by_staff).is_(True),
        )
        .group_by(col(ThreadMessage.thread_id))
    ).all()
    return {t: m or 0 for t, m in rows}


def _read_marks(session: Session, account_id: int | None) -> dict[int, int]:
    rows = session.exec(
        select(ThreadRead.thread_id, ThreadRead.last_read_message_id).where(
            ThreadRead.account_id == account_id
        )
    ).all()
    return {t: m for t, m in rows}


def unread_ids(session: Session, actor: Actor, threads: list[MessageThread]) -> set[int]:
    """Which of ``threads`` have a public staff line the actor has not read."""
    return _unread_of(session, actor, [t.id for t in threads if t.id])


def _unread_of(session: Session, actor: Actor, thread_ids: list[int]) -> set[int]:
    if not thread_ids:
        return set()
    latest = _last_public_staff(session, thread_ids)
    marks = _read_marks(session, actor.account_id)
    return {i for i in thread_ids if latest.get(i, 0) > marks.get(i, 0)}


def _count_statement(*, rent_topics: bool) -> Any:
    """Threads whose newest public staff line is past what the reader has read (0:
    nothing read), of one lease; without the rent topics unless ``rent_topics``."""
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
            col(ThreadRead.account_id) == bindparam("account_id"),
        )
        .scalar_subquery()
    )
    query = select(func.count(col(MessageThread.id))).where(
        newest > func.coalesce(read, 0), col(MessageThread.lease_id) == bindparam("lease_id")
    )
    return query if rent_topics else query.where(col(MessageThread.topic).not_in(RENT_TOPICS))


# Built once (it runs on every page load: issue 15); the tenant's scope of access.scope
# (their lease's threads, the rent topics only for those who may see rent) as parameters.
_TENANT_COUNTS = {shown: _count_statement(rent_topics=shown) for shown in (True, False)}


def unread_count(*, session: Session, actor: Actor) -> int:
    """How many of the actor's visible threads have a staff reply they have not read."""
    if not authorize(actor, SEND).allowed or actor.is_staff:
        return 0
    if actor.lease_id is None:
        scope(session, actor, select(MessageThread.id))  # raises NotFound, as it always did
    statement = _TENANT_COUNTS[authorize(actor, RENT).allowed]
    params = {"account_id": actor.account_id, "lease_id": actor.lease_id}
    return int(session.connection().execute(statement, params).scalar_one())
