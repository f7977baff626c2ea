"""Opening a thread once per submission id, shared by messages and service requests.

The thread row is one ``INSERT ... ON CONFLICT DO NOTHING`` on the client-generated
``submission_id``: a double click, a second tab or a retry returns the first thread and
writes nothing more.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from sqlmodel import Session, col, select

from heka_app.i18n import N_
from heka_app.models import Apartment, Building, Property
from heka_app.models.messages import MessageThread, ThreadAttachment, ThreadMessage
from heka_app.services.auth.actor import Actor
from heka_app.services.common.insert_once import insert_once
from heka_app.services.common.tables import table_of
from heka_app.services.uploads.documents import pdf_exists, pdf_size
from heka_app.services.uploads.storage import photo_exists, photo_info

SUBMISSION_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
FORM_STALE = N_("The form has expired. Reload the page and try again.")
MAX_ATTACHMENTS = 5


@dataclasses.dataclass(frozen=True)
class Opened:
    """The outcome of a send: ``ok`` with the thread id, or errors (msgids)."""

    ok: bool
    thread_id: int | None = None
    field_errors: dict[str, str] = dataclasses.field(default_factory=dict)
    form_error: str = ""
    params: dict[str, int | str] = dataclasses.field(default_factory=dict)
    # Per-field placeholders where fields' messages differ (service requests).
    field_params: dict[str, dict[str, int | str]] = dataclasses.field(default_factory=dict)
    new: bool = False  # this call inserted the thread (not a repeat of its submission id)


def area_office_of_lease(session: Session, apartment_id: int | None) -> int | None:
    """The area office of the apartment's property (routes area-office threads)."""
    return session.exec(
        select(Property.area_office_id)
        .join(Building, Building.property_id == Property.id)  # type: ignore[arg-type]
        .join(Apartment, Apartment.building_id == Building.id)  # type: ignore[arg-type]
        .where(Apartment.id == apartment_id)
    ).first()


def attachable(session: Session, tokens: tuple[str, ...]) -> list[tuple[str, str, int]]:
    """``(token, kind, size)`` of each stored upload in ``tokens`` not attached yet (up to
    the limit); unknown tokens are skipped."""
    wanted = [t for t in dict.fromkeys(tokens or ()) if isinstance(t, str)]
    if not wanted:
        return []
    taken = set(
        session.exec(
            select(ThreadAttachment.token).where(col(ThreadAttachment.token).in_(wanted))
        ).all()
    )
    found = []
    for token in wanted:
        if token in taken:
            continue
        if photo_exists(token):
            found.append((token, "photo", photo_info(token).size_bytes))
        elif pdf_exists(token):
            found.append((token, "pdf", pdf_size(token)))
    return found[:MAX_ATTACHMENTS]


def add_attachments(
    session: Session,
    thread_id: int,
    message_id: int,
    tokens: tuple[str, ...],
    actor: Actor,
    now: dt.datetime,
) -> int:
    """Attach stored uploads (unknown or already attached tokens are skipped); returns
    how many."""
    files = attachable(session, tokens)
    for token, kind, size in files:
        session.add(
            ThreadAttachment(
                thread_id=thread_id,
                message_id=message_id,
                token=token,
                kind=kind,
                size_bytes=size,
                uploaded_by_account_id=actor.account_id,
                created_at=now,
            )
        )
    return len(files)


def open_thread(
    session: Session,
    actor: Actor,
    now: dt.datetime,
    *,
    submission_id: str,
    topic: str,
    subject: str,
    text: str,
    queue: str,
    request_type: str = "",
    request_data: str = "",
    tokens: tuple[str, ...] = (),
    status: str = "sent",
) -> Opened:
    """Insert the thread and its first line once (the caller has authorized and checked);
    ``status`` "waiting" keeps it from Heka until every signatory has confirmed."""
    if not isinstance(submission_id, str) or not SUBMISSION_ID.match(submission_id):
        return Opened(False, form_error=FORM_STALE)
    values = {
        "submission_id": submission_id,
        "lease_id": actor.lease_id,
        "area_office_id": area_office_of_lease(session, actor.apartment_id),
        "started_by_person_id": actor.person_id,
        "started_by_account_id": actor.account_id,
        "topic": topic,
        "request_type": request_type,
        "request_data": request_data,
        "subject": subject,
        "queue": queue,
        "status": status,
        "decision": "",
        "created_at": now,
        "updated_at": now,
        "version": 1,
    }
    inserted = insert_once(session, table_of(MessageThread), values, unique="submission_id")
    thread = session.exec(
        select(MessageThread).where(MessageThread.submission_id == submission_id)
    ).one()
    if thread.started_by_account_id != actor.account_id:  # someone else's id: reveal nothing
        return Opened(False, form_error=FORM_STALE)
    if inserted:
        assert thread.id is not None
        line = ThreadMessage(
            thread_id=thread.id, kind="message", text=text,
            author_account_id=actor.account_id, created_at=now,
        )  # fmt: skip
        session.add(line)
        session.flush()
        assert line.id is not None
        add_attachments(session, thread.id, line.id, tokens, actor, now)
    return Opened(True, thread_id=thread.id, new=bool(inserted))
