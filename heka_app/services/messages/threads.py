"""The household's side: send a message by topic, list its threads with unread marks,
open one (public lines only), answer, mark read, and the counters the pages poll.

Co-residents of a lease see its threads, except the rent-monitoring ones, which only the
primary tenants (signatories) see; every lookup goes through ``get_thread_for``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, case, col, func, select

from heka_app.i18n import N_
from heka_app.models.messages import MessageThread, ThreadMessage
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import authorize, require
from heka_app.services.common.paging import Paged, paginate
from heka_app.services.common.results import FormResult
from heka_app.services.messages import routing
from heka_app.services.messages.access import get_thread_for, scope
from heka_app.services.messages.create import Opened, add_attachments, attachable, open_thread
from heka_app.services.messages.permissions import RENT, SEND
from heka_app.services.messages.read_marks import record_read
from heka_app.services.messages.statuses import OPEN
from heka_app.services.messages.unread import unread_count as unread_count
from heka_app.services.messages.unread import unread_ids
from heka_app.services.messages.views import ThreadCard, ThreadDetail, card_of, detail_of

PAGE_SIZE = 10
MAX_SUBJECT = 120
MIN_TEXT, MAX_TEXT = 2, 4000
CHOOSE_TOPIC = N_("Choose a topic.")
SUBJECT_REQUIRED = N_("Write a subject.")
SUBJECT_LONG = N_("The subject can be at most {max} characters.")
TEXT_REQUIRED = N_("Write your message.")
TEXT_LONG = N_("The message can be at most {max} characters.")
THREAD_CLOSED = N_("This thread is closed. Start a new message if you need more help.")


@dataclasses.dataclass(frozen=True)
class MessageForm:
    """What the tenant typed."""

    topic: str
    subject: str
    text: str
    tokens: tuple[str, ...] = ()


def topics_for(actor: Actor) -> list[str]:
    """The topics ``actor`` may choose (rent monitoring for primary tenants only)."""
    rent = authorize(actor, RENT).allowed
    return [t for t in routing.TOPICS if rent or t not in routing.RENT_TOPICS]


def _clean(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def validate(actor: Actor, form: MessageForm) -> dict[str, str]:
    """Field name to msgid for every problem (empty when fine)."""
    errors: dict[str, str] = {}
    if form.topic not in topics_for(actor):
        errors["topic"] = CHOOSE_TOPIC
    subject, text = _clean(form.subject), _clean(form.text)
    if not subject:
        errors["subject"] = SUBJECT_REQUIRED
    elif len(subject) > MAX_SUBJECT:
        errors["subject"] = SUBJECT_LONG
    if len(text) < MIN_TEXT:
        errors["text"] = TEXT_REQUIRED
    elif len(text) > MAX_TEXT:
        errors["text"] = TEXT_LONG
    return errors


def send_message(
    *, session: Session, actor: Actor, now: dt.datetime, submission_id: str, form: MessageForm
) -> Opened:
    """Start a thread once per ``submission_id``; routed by topic."""
    require(actor, SEND)
    errors = validate(actor, form)
    if errors:
        return Opened(False, field_errors=errors, params={"max": MAX_TEXT, "min": MIN_TEXT})
    tokens = tuple(t for t in form.tokens if isinstance(t, str)) if form.tokens else ()
    return open_thread(
        session, actor, now,
        submission_id=submission_id, topic=form.topic, subject=_clean(form.subject),
        text=_clean(form.text), queue=routing.queue_for_topic(form.topic), tokens=tokens,
    )  # fmt: skip


@dataclasses.dataclass(frozen=True)
class ThreadPage(Paged):
    """One page of the household's threads, open ones first."""

    cards: list[ThreadCard] = dataclasses.field(default_factory=list)


def list_threads(
    *, session: Session, actor: Actor, now: dt.datetime, language: str, page: int = 1
) -> ThreadPage:
    """The household's threads the actor may see, open ones first, newest first,
    ``PAGE_SIZE`` a page (``page`` clamped into range)."""
    require(actor, SEND)
    closed_last = case((col(MessageThread.status).in_(OPEN), 0), else_=1)
    query = scope(session, actor, select(MessageThread)).order_by(
        closed_last, col(MessageThread.updated_at).desc(), col(MessageThread.id).desc()
    )
    threads, paged = paginate(session, query, page=page, size=PAGE_SIZE)
    unread = unread_ids(session, actor, threads)
    cards = [card_of(t, language=language, unread=t.id in unread) for t in threads]
    return ThreadPage(cards=cards, **dataclasses.asdict(paged))


def my_thread(
    *, session: Session, actor: Actor, now: dt.datetime, language: str, thread_id: int
) -> ThreadDetail:
    """The household's thread (public lines only). Raises NotFound."""
    require(actor, SEND)
    thread = get_thread_for(session=session, actor=actor, thread_id=thread_id)
    unread = bool(unread_ids(session, actor, [thread]))
    return detail_of(session, thread, language=language, for_staff=False, unread=unread)


def mark_read(*, session: Session, actor: Actor, now: dt.datetime, thread_id: int) -> None:
    """Record that the actor has read the thread up to its newest public line."""
    require(actor, SEND)
    get_thread_for(session=session, actor=actor, thread_id=thread_id)
    newest = (
        session.exec(
            select(func.max(ThreadMessage.id)).where(
                ThreadMessage.thread_id == thread_id, col(ThreadMessage.public).is_(True)
            )
        ).one()
        or 0
    )
    record_read(session, thread_id, actor.account_id, newest)


def thread_version(*, session: Session, actor: Actor, thread_id: int) -> int:
    """The thread's change counter (what an open page polls). Raises NotFound."""
    require(actor, SEND)
    return get_thread_for(session=session, actor=actor, thread_id=thread_id).version


def touch(thread: MessageThread, now: dt.datetime) -> None:
    """Bump the thread's version and time (every visible change)."""
    thread.updated_at = now
    thread.version += 1


def reply(
    *,
    session: Session,
    actor: Actor,
    now: dt.datetime,
    thread_id: int,
    text: str,
    tokens: tuple[str, ...] = (),
) -> FormResult:
    """The tenant's answer in an open thread: text, attachments, or both."""
    require(actor, SEND)
    thread = get_thread_for(session=session, actor=actor, thread_id=thread_id)
    text = _clean(text)
    if thread.status not in OPEN:
        return FormResult.refused(THREAD_CLOSED)
    with_files = bool(attachable(session, tuple(tokens or ())))
    if len(text) < MIN_TEXT and not with_files:
        return FormResult.refused(text=TEXT_REQUIRED)
    if len(text) > MAX_TEXT:
        return FormResult.refused(params={"max": MAX_TEXT}, text=TEXT_LONG)
    line = ThreadMessage(
        thread_id=thread_id, kind="message", text=text,
        author_account_id=actor.account_id, created_at=now,
    )  # fmt: skip
    session.add(line)
    session.flush()
    add_attachments(session, thread_id, line.id or 0, tuple(tokens or ()), actor, now)
    touch(thread, now)
    session.add(thread)
    return FormResult.done()
