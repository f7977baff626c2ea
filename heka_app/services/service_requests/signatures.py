"""Requests every signatory of the lease must confirm (``confirm_by`` every signatory),
such as a notice of termination.

The signatories are taken from the register when the request is sent; it waits, unseen
by Heka, until each has confirmed after signing in again (their password, checked and
throttled like a login). The last confirmation makes it "sent": Heka has received it,
and computed values (a notice's dates) are taken again on that day. Any signatory may
withdraw it before then; 14 days after sending an unconfirmed request has expired.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlmodel import Session, col, select

from heka_app.i18n import N_
from heka_app.i18n.formatting import format_date
from heka_app.models import MessageThread, Person, ThreadMessage, UserAccount
from heka_app.models.household import RequestSignatory
from heka_app.services.accounts.credentials import reauthenticate
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.auth.passwords import hashes_passwords
from heka_app.services.common.clock import HELSINKI, helsinki_today
from heka_app.services.common.results import FormResult, NotFound
from heka_app.services.household.members import signatories_of
from heka_app.services.messages.access import get_thread_for
from heka_app.services.messages.permissions import SEND
from heka_app.services.messages.statuses import EXPIRED, SENT, WAITING, WITHDRAWN
from heka_app.services.service_requests import definitions as d

CONFIRM_WITHIN = dt.timedelta(days=14)
NOT_WAITING = N_("This request is no longer waiting for confirmations.")
PASSWORD_REQUIRED = N_("Enter your password to confirm.")


@dataclasses.dataclass(frozen=True)
class Signer:
    """A signatory and whether they have confirmed."""

    name: str
    confirmed: bool
    me: bool


@dataclasses.dataclass(frozen=True)
class Signatures:
    """The confirmation panel of a thread (``needed`` False: the type asks none)."""

    needed: bool
    waiting: bool = False
    deadline: str = ""
    signers: tuple[Signer, ...] = ()
    may_confirm: bool = False


def deadline_of(thread: MessageThread) -> dt.datetime:
    """The moment the last signatory must have confirmed by."""
    created = thread.created_at
    created = created if created.tzinfo else created.replace(tzinfo=dt.UTC)
    return created + CONFIRM_WITHIN


def open_signatures(session: Session, thread: MessageThread, today: dt.date) -> None:
    """Record who must confirm: the lease's signatories living there today."""
    for member in signatories_of(session=session, lease_id=thread.lease_id, today=today):
        session.add(RequestSignatory(thread_id=thread.id or 0, person_id=member.person_id))


def _move(session: Session, thread: MessageThread, actor: Actor | None, new: str, now) -> None:
    session.add(
        ThreadMessage(
            thread_id=thread.id or 0, kind="status", old_status=thread.status, new_status=new,
            author_account_id=actor.account_id if actor else None, created_at=now,
        )
    )  # fmt: skip
    thread.status, thread.updated_at, thread.version = new, now, thread.version + 1
    session.add(thread)


def settle(session: Session, thread: MessageThread, now: dt.datetime) -> None:
    """Mark a waiting request expired once its 14 days are over."""
    if thread.status == WAITING and now > deadline_of(thread):
        _move(session, thread, None, EXPIRED, now)


def _rows(session: Session, thread_id: int) -> list[tuple[RequestSignatory, Person]]:
    return list(
        session.exec(
            select(RequestSignatory, Person)
            .join(Person, col(Person.id) == col(RequestSignatory.person_id))
            .where(RequestSignatory.thread_id == thread_id)
            .order_by(col(RequestSignatory.id))
        ).all()
    )


def signatures(
    *, session: Session, actor: Actor, now: dt.datetime, language: str, thread_id: int
) -> Signatures:
    """Who has confirmed the household's request ``thread_id``. Raises NotFound."""
    require(actor, SEND)
    thread = get_thread_for(session=session, actor=actor, thread_id=thread_id)
    return signatures_of(session, actor, thread, now=now, language=language)


def signatures_of(
    session: Session, actor: Actor, thread: MessageThread, *, now: dt.datetime, language: str
) -> Signatures:
    """``signatures`` of a thread the caller has already looked up for ``actor``."""
    definition = d.request_type(thread.request_type)
    if definition is None or definition.confirm_by != d.EVERY_SIGNATORY:
        return Signatures(needed=False)
    settle(session, thread, now)
    rows = _rows(session, thread.id or 0)
    mine = [s for s, _ in rows if s.person_id == actor.person_id]
    waiting = thread.status == WAITING
    deadline = deadline_of(thread).astimezone(HELSINKI).date()
    return Signatures(
        needed=True,
        waiting=waiting,
        deadline=format_date(deadline, language),
        signers=tuple(
            Signer(
                f"{p.first_name} {p.last_name}",
                s.confirmed_at is not None,
                s.person_id == actor.person_id,
            )
            for s, p in rows
        ),  # fmt: skip
        may_confirm=waiting and bool(mine) and mine[0].confirmed_at is None,
    )


def _own_waiting(session: Session, actor: Actor, thread_id: int, now: dt.datetime):
    """(thread, the actor's signatory row) of a request ``actor`` signs; NotFound else."""
    thread = get_thread_for(session=session, actor=actor, thread_id=thread_id)
    definition = d.request_type(thread.request_type)
    if definition is None or definition.confirm_by != d.EVERY_SIGNATORY:
        raise NotFound("thread")
    require(actor, definition.permission)
    row = session.exec(
        select(RequestSignatory).where(
            RequestSignatory.thread_id == thread.id, RequestSignatory.person_id == actor.person_id
        )
    ).first()
    if row is None:
        raise NotFound("thread")
    # Two signatories confirming at once: the second waits here for the first's commit,
    # then counts its confirmation too (on PostgreSQL; SQLite has one writer anyway).
    session.exec(select(MessageThread).where(MessageThread.id == thread.id).with_for_update()).one()
    session.refresh(thread)
    session.refresh(row)
    settle(session, thread, now)
    return thread, row, definition


@hashes_passwords  # re-authentication runs argon2: the hashing pool
def confirm(
    *,
    session: Session,
    actor: Actor,
    now: dt.datetime,
    thread_id: int,
    password: str,
    client_ip: str = "",
) -> FormResult:
    """Confirm as a signatory after re-entering the password; the last one sends it.

    Raises:
        NotFound: Not a request of the actor's household that they sign.
    """
    thread, row, definition = _own_waiting(session, actor, thread_id, now)
    if thread.status != WAITING:
        return FormResult.refused(NOT_WAITING)
    if row.confirmed_at is not None:
        return FormResult.done()
    if not isinstance(password, str) or not password:
        return FormResult.refused(current=PASSWORD_REQUIRED)
    account = session.get_one(UserAccount, actor.account_id)
    refused = reauthenticate(session, account, password, client_ip, now)
    if refused is not None:
        return refused
    row.confirmed_at, row.confirmed_by_account_id = now, actor.account_id
    session.add(row)
    session.flush()
    if all(s.confirmed_at is not None for s, _ in _rows(session, thread.id or 0)):
        if definition.computed is not None:  # the notice counts from the day Heka got it
            data = json.loads(thread.request_data or "{}")
            data.update(definition.computed(helsinki_today(now)))
            thread.request_data = json.dumps(data, ensure_ascii=False)
        _move(session, thread, actor, SENT, now)
    else:
        thread.version += 1  # the other signatories' open pages show the new confirmation
        session.add(thread)
    return FormResult.done()


def withdraw(*, session: Session, actor: Actor, now: dt.datetime, thread_id: int) -> FormResult:
    """Withdraw a request still waiting for confirmations (any of its signatories).

    Raises:
        NotFound: Not a request of the actor's household that they sign.
    """
    thread, _, _ = _own_waiting(session, actor, thread_id, now)
    if thread.status != WAITING:
        return FormResult.refused(NOT_WAITING)
    _move(session, thread, actor, WITHDRAWN, now)
    return FormResult.done()
