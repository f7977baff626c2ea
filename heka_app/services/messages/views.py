"""What a thread looks like on a page, in the reader's language: its card in a list and
its lines. Tenants get public lines only; internal notes reach staff alone."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from sqlalchemy import bindparam, select
from sqlmodel import Session, col

from heka_app.i18n.formatting import format_date
from heka_app.models.messages import MessageThread, ThreadAttachment, ThreadMessage
from heka_app.services.common.clock import HELSINKI
from heka_app.services.messages.routing import QUEUE_LABELS, TOPICS
from heka_app.services.messages.statuses import STATUS_LABELS
from heka_app.services.service_requests import definitions as d


@dataclasses.dataclass(frozen=True)
class ThreadCard:
    """One thread in a list; ``*_label`` are msgids the browser translates."""

    id: int
    subject: str
    subject_is_msgid: bool
    topic_label: str
    status: str
    status_label: str
    queue_label: str
    updated: str
    unread: bool


@dataclasses.dataclass(frozen=True)
class Line:
    """A message, status change or internal note."""

    id: int
    kind: str
    text: str
    by_staff: bool
    public: bool
    status_label: str
    when: str
    photos: tuple[str, ...] = ()  # tokens
    documents: tuple[str, ...] = ()  # tokens of PDFs


@dataclasses.dataclass(frozen=True)
class Answer:
    """One field of a service request as sent: label msgid and the value (a msgid for a
    choice, else the typed text)."""

    label: str
    value: str
    value_is_msgid: bool


@dataclasses.dataclass(frozen=True)
class ThreadDetail:
    """A thread's page."""

    card: ThreadCard
    request_type: str
    answers: tuple[Answer, ...]
    decision: str
    lines: tuple[Line, ...]
    version: int
    assigned_to_id: int | None = None
    topic: str = ""
    lease_id: int = 0  # staff only (the rent overview beside a rent thread)


def subject_of(thread: MessageThread) -> tuple[str, bool]:
    """(subject, is msgid): a request's subject is its type's label."""
    definition = d.request_type(thread.request_type)
    return (definition.label, True) if definition else (thread.subject, False)


def _when(value, language: str) -> str:
    local = value.astimezone(HELSINKI)
    clock = local.strftime("%H:%M" if language == "en" else "%H.%M")
    return f"{format_date(local.date(), language, 'short')} {clock}"


def card_of(thread: MessageThread, *, language: str, unread: bool = False) -> ThreadCard:
    """The list card of ``thread``."""
    subject, is_msgid = subject_of(thread)
    definition = d.request_type(thread.request_type)
    return ThreadCard(
        id=thread.id or 0,
        subject=subject,
        subject_is_msgid=is_msgid,
        topic_label=definition.label if definition else TOPICS.get(thread.topic, thread.topic),
        status=thread.status,
        status_label=STATUS_LABELS.get(thread.status, thread.status),
        queue_label=QUEUE_LABELS.get(thread.queue, thread.queue),
        updated=_when(thread.updated_at, language),
        unread=unread,
    )


def _value(spec: d.FieldSpec, value: str, language: str) -> str:
    """A date in the reader's language; anything else as stored."""
    if spec.kind in (d.DATE, d.COMPUTED) and language:
        try:
            return format_date(dt.date.fromisoformat(value), language)
        except ValueError:
            return value
    return value


def answers_of(thread: MessageThread, language: str = "") -> tuple[Answer, ...]:
    """A request's fields as sent, in the definition's order (dates in ``language``)."""
    definition = d.request_type(thread.request_type)
    if definition is None or not thread.request_data:
        return ()
    data = json.loads(thread.request_data)
    out = []
    for spec in definition.fields:
        if spec.name not in data:
            continue
        value = _value(spec, str(data[spec.name]), language)
        choices = d.YES_NO_CHOICES if spec.kind == d.YES_NO else spec.choices
        label = dict(choices).get(value) if choices else None
        out.append(Answer(spec.label, label or value, label is not None))
    return tuple(out)


# The lines and their files, built once (issue 15: a thread's page loads on every visit
# and each tick that finds it changed; building the ORM selects cost more than the reads).
_LINE_COLUMNS: tuple[Any, ...] = (
    ThreadMessage.id, ThreadMessage.kind, ThreadMessage.text, ThreadMessage.by_staff,
    ThreadMessage.public, ThreadMessage.new_status, ThreadMessage.created_at,
)  # fmt: skip
_ALL_LINES = (
    select(*_LINE_COLUMNS)
    .where(col(ThreadMessage.thread_id) == bindparam("thread_id"))
    .order_by(col(ThreadMessage.id))
)
_PUBLIC_LINES = _ALL_LINES.where(col(ThreadMessage.public).is_(True))
_FILES = (
    select(
        col(ThreadAttachment.message_id), col(ThreadAttachment.kind), col(ThreadAttachment.token)
    )
    .where(col(ThreadAttachment.thread_id) == bindparam("thread_id"))
    .order_by(col(ThreadAttachment.id))
)


def lines_of(
    session: Session, thread_id: int, *, language: str, for_staff: bool
) -> tuple[Line, ...]:
    """The thread's lines, oldest first (public ones only unless ``for_staff``)."""
    session.flush()  # Core reads skip the ORM's autoflush (the page loads add nothing)
    connection, ids = session.connection(), {"thread_id": thread_id}
    rows = connection.execute(_ALL_LINES if for_staff else _PUBLIC_LINES, ids).all()
    files: dict[tuple[int, str], list[str]] = {}
    for message_id, kind, token in connection.execute(_FILES, ids):
        files.setdefault((message_id, kind), []).append(token)
    return tuple(
        Line(
            id=r.id or 0,
            kind=r.kind,
            text=r.text,
            by_staff=r.by_staff,
            public=r.public,
            status_label=STATUS_LABELS.get(r.new_status, "") if r.kind == "status" else "",
            when=_when(r.created_at, language),
            photos=tuple(files.get((r.id or 0, "photo"), ())),
            documents=tuple(files.get((r.id or 0, "pdf"), ())),
        )
        for r in rows
    )


def detail_of(
    session: Session,
    thread: MessageThread,
    *,
    language: str,
    for_staff: bool,
    unread: bool,
    lines: tuple[Line, ...] | None = None,
) -> ThreadDetail:
    """The page of ``thread`` for a tenant or (``for_staff``) a handler; ``lines``: its
    ``lines_of`` when the caller has read them already."""
    if lines is None:
        lines = lines_of(session, thread.id or 0, language=language, for_staff=for_staff)
    return ThreadDetail(
        card=card_of(thread, language=language, unread=unread),
        request_type=thread.request_type,
        answers=answers_of(thread, language),
        decision=thread.decision,
        lines=lines,
        version=thread.version,
        assigned_to_id=thread.assigned_to_id if for_staff else None,
        topic=thread.topic,
        lease_id=thread.lease_id if for_staff else 0,
    )
