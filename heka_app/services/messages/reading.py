"""Opening one of the household's threads: what its page shows and the thread marked
read, in one call.

The page used to make four service calls one after the other (``my_thread``,
``mark_read``, ``signatures``, ``unread_count``), each in a worker thread and a
transaction of its own, each looking the thread up again: about twelve statements and
4 ms of worker CPU per visit (issue 15). Here the thread is looked up once, its public
lines give both the card's unread mark and the newest line to mark read, and the answer
is what the four calls gave in that order. Nothing is kept between calls: a staff
reply or a lost lease shows on the very next one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session

from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.messages.access import get_thread_for
from heka_app.services.messages.permissions import SEND
from heka_app.services.messages.read_marks import read_mark, record_read
from heka_app.services.messages.unread import unread_count
from heka_app.services.messages.views import ThreadDetail, detail_of, lines_of
from heka_app.services.service_requests.signatures import Signatures, signatures_of


@dataclasses.dataclass(frozen=True)
class OpenedThread:
    """The thread's page, its confirmations panel and the household's unread count after
    this visit (the navigation's badge)."""

    detail: ThreadDetail
    signatures: Signatures
    unread_count: int


def open_my_thread(
    *, session: Session, actor: Actor, now: dt.datetime, language: str, thread_id: int
) -> OpenedThread:
    """The household's thread (public lines only), marked read up to its newest public
    line. Raises NotFound."""
    require(actor, SEND)
    thread = get_thread_for(session=session, actor=actor, thread_id=thread_id)
    tid = thread.id or 0
    lines = lines_of(session, tid, language=language, for_staff=False)
    # A tenant's lines are the public ones: the newest staff line among them decides the
    # card's unread mark (before this visit), the newest of all is what is now read.
    newest_staff = max((line.id for line in lines if line.by_staff), default=0)
    unread = newest_staff > read_mark(session, tid, actor.account_id)
    detail = detail_of(
        session, thread, language=language, for_staff=False, unread=unread, lines=lines
    )
    record_read(session, tid, actor.account_id, max((line.id for line in lines), default=0))
    signing = signatures_of(session, actor, thread, now=now, language=language)
    return OpenedThread(detail, signing, unread_count(session=session, actor=actor))
