"""The staff inbox: threads routed to the handler's queues (an area office: its own
properties), filters and counts, assign to me, a public reply or an internal note, and
status changes with the decision or reason in the thread."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, col, func, select

from heka_app.i18n import N_
from heka_app.models.messages import MessageThread, ThreadMessage
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.common.paging import Paged, paginate
from heka_app.services.common.results import FormResult
from heka_app.services.messages import statuses
from heka_app.services.messages.access import get_thread_for, scope
from heka_app.services.messages.notify import notify_household
from heka_app.services.messages.permissions import HANDLE
from heka_app.services.messages.threads import MAX_TEXT, MIN_TEXT, TEXT_LONG, TEXT_REQUIRED, touch
from heka_app.services.messages.views import ThreadCard, ThreadDetail, card_of, detail_of
from heka_app.services.service_requests.requests import approve

PAGE_SIZE = 25
NOT_ALLOWED_STATUS = N_("The status cannot change that way.")
REASON_REQUIRED = N_("Write the decision or the reason for the tenant.")


@dataclasses.dataclass(frozen=True)
class InboxFilters:
    """What the handler narrowed the list to ("" = any)."""

    status: str = "open"  # "open" = sent or in handling
    queue: str = ""
    kind: str = ""  # "" | "messages" | a request type key | a topic
    mine: bool = False


@dataclasses.dataclass(frozen=True)
class InboxPage(Paged):
    """One page of the filtered threads (``total``: how many match the filters) and the
    counts per status over the handler's whole scope."""

    cards: list[ThreadCard] = dataclasses.field(default_factory=list)
    counts: dict[str, int] = dataclasses.field(default_factory=dict)


def _filtered(query, actor: Actor, filters: InboxFilters):
    if filters.status == "open":
        query = query.where(col(MessageThread.status).in_(statuses.OPEN))
    elif filters.status in statuses.STAFF_STATUS_LABELS:
        query = query.where(MessageThread.status == filters.status)
    if filters.queue:
        query = query.where(MessageThread.queue == filters.queue)
    if filters.kind == "messages":
        query = query.where(MessageThread.request_type == "")
    elif filters.kind:
        query = query.where(
            (MessageThread.request_type == filters.kind) | (MessageThread.topic == filters.kind)
        )
    if filters.mine:
        query = query.where(MessageThread.assigned_to_id == actor.account_id)
    return query


def inbox(
    *,
    session: Session,
    actor: Actor,
    now: dt.datetime,
    language: str,
    filters: InboxFilters,
    page: int = 1,
) -> InboxPage:
    """The handler's threads, oldest waiting first, ``PAGE_SIZE`` a page (``page`` clamped
    into range), and counts per status."""
    require(actor, HANDLE)
    counted = session.exec(
        scope(
            session, actor, select(MessageThread.status, func.count()).select_from(MessageThread)
        ).group_by(col(MessageThread.status))
    ).all()
    counts = {status: 0 for status in statuses.STAFF_STATUS_LABELS} | {s: n for s, n in counted}
    query = _filtered(scope(session, actor, select(MessageThread)), actor, filters).order_by(
        col(MessageThread.updated_at), col(MessageThread.id)
    )
    rows, paged = paginate(session, query, page=page, size=PAGE_SIZE)
    cards = [card_of(t, language=language) for t in rows]
    return InboxPage(cards=cards, counts=counts, **dataclasses.asdict(paged))


def staff_thread(
    *, session: Session, actor: Actor, now: dt.datetime, language: str, thread_id: int
) -> ThreadDetail:
    """A thread with its internal notes. Raises NotFound outside the handler's scope."""
    require(actor, HANDLE)
    thread = get_thread_for(session=session, actor=actor, thread_id=thread_id)
    return detail_of(session, thread, language=language, for_staff=True, unread=False)


def staff_thread_version(*, session: Session, actor: Actor, thread_id: int) -> int:
    """The thread's change counter for an open handling page. Raises NotFound."""
    require(actor, HANDLE)
    return get_thread_for(session=session, actor=actor, thread_id=thread_id).version


def assign_to_me(*, session: Session, actor: Actor, now: dt.datetime, thread_id: int) -> None:
    """Take the thread; a sent one moves to in handling (the tenant sees that)."""
    require(actor, HANDLE)
    thread = get_thread_for(session=session, actor=actor, thread_id=thread_id)
    thread.assigned_to_id = actor.account_id
    if thread.status == statuses.SENT:
        _status_line(session, thread, actor, now, statuses.IN_HANDLING, "")
    touch(thread, now)
    session.add(thread)


def _status_line(
    session: Session, thread: MessageThread, actor: Actor, now: dt.datetime, new: str, text: str
) -> ThreadMessage:
    line = ThreadMessage(
        thread_id=thread.id or 0, kind="status", text=text, old_status=thread.status,
        new_status=new, by_staff=True, author_account_id=actor.account_id, created_at=now,
    )  # fmt: skip
    thread.status = new
    session.add(line)
    return line


def staff_reply(
    *,
    session: Session,
    actor: Actor,
    now: dt.datetime,
    thread_id: int,
    text: str,
    internal: bool,
) -> FormResult:
    """A public reply (the household sees it, and gets a mail if they want) or an
    internal note (staff only, never mailed)."""
    require(actor, HANDLE)
    thread = get_thread_for(session=session, actor=actor, thread_id=thread_id)
    text = text.strip() if isinstance(text, str) else ""
    if len(text) < MIN_TEXT:
        return FormResult.refused(text=TEXT_REQUIRED)
    if len(text) > MAX_TEXT:
        return FormResult.refused(params={"max": MAX_TEXT}, text=TEXT_LONG)
    if not internal and thread.status == statuses.SENT:
        _status_line(session, thread, actor, now, statuses.IN_HANDLING, "")
    line = ThreadMessage(
        thread_id=thread_id, kind="note" if internal else "message", text=text,
        public=not internal, by_staff=True, author_account_id=actor.account_id, created_at=now,
    )  # fmt: skip
    session.add(line)
    if not internal:
        touch(thread, now)
        session.add(thread)
        session.flush()
        notify_household(session, thread, line, now=now)
    return FormResult.done()


def change_status(
    *,
    session: Session,
    actor: Actor,
    now: dt.datetime,
    thread_id: int,
    status: str,
    text: str = "",
) -> FormResult:
    """Move the thread on; a decision or a rejection needs its text for the tenant."""
    require(actor, HANDLE)
    thread = get_thread_for(session=session, actor=actor, thread_id=thread_id)
    text = text.strip()[:2000] if isinstance(text, str) else ""
    if not isinstance(status, str) or not statuses.allowed(thread.status, status):
        return FormResult.refused(NOT_ALLOWED_STATUS)
    if status in statuses.NEEDS_REASON and not text:
        return FormResult.refused(text=REASON_REQUIRED)
    if status in statuses.APPROVED:  # e.g. the register follows a household change
        refusal = approve(session, thread, now)
        if refusal:
            return FormResult.refused(refusal)
    line = _status_line(session, thread, actor, now, status, text)
    if status in statuses.NEEDS_REASON:
        thread.decision = text
    touch(thread, now)
    session.add(thread)
    session.flush()
    notify_household(session, thread, line, now=now)
    return FormResult.done()
