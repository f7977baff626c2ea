"""The one scoped lookup of a thread by id, and the staff side's scope.

Tenants: the threads of their own lease; a rent-monitoring thread only for a primary
tenant (a signatory). Staff with ``messages.handle``: the threads of their role's queues
that Heka has received (not those still waiting for every signatory);
an area office only those of the properties of its own offices. Anything else raises
:class:`NotFound` exactly like a missing id.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from heka_app.models.messages import MessageThread, StaffAreaOffice
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import authorize
from heka_app.services.common.results import NotFound
from heka_app.services.messages.permissions import HANDLE, RENT, SEND
from heka_app.services.messages.routing import AREA_OFFICE, RENT_TOPICS, ROLE_QUEUES
from heka_app.services.messages.statuses import NOT_RECEIVED


def staff_offices(session: Session, account_id: int | None) -> list[int]:
    """The area offices a staff member handles."""
    return list(
        session.exec(
            select(StaffAreaOffice.area_office_id).where(StaffAreaOffice.account_id == account_id)
        ).all()
    )


def scope(session: Session, actor: Actor, query: Any) -> Any:
    """``query`` over MessageThread narrowed to what ``actor`` may see.

    Raises:
        NotFound: The actor may see no threads at all.
    """
    if actor.is_staff and authorize(actor, HANDLE).allowed:
        queues = ROLE_QUEUES.get(actor.role, ())
        query = query.where(col(MessageThread.queue).in_(queues))
        query = query.where(col(MessageThread.status).not_in(NOT_RECEIVED))
        if actor.role == AREA_OFFICE:
            offices = staff_offices(session, actor.account_id)
            query = query.where(col(MessageThread.area_office_id).in_(offices))
        return query
    if not actor.is_staff and authorize(actor, SEND).allowed and actor.lease_id is not None:
        query = query.where(MessageThread.lease_id == actor.lease_id)
        if not authorize(actor, RENT).allowed:
            query = query.where(col(MessageThread.topic).not_in(RENT_TOPICS))
        return query
    raise NotFound("thread")


def get_thread_for(*, session: Session, actor: Actor, thread_id: int) -> MessageThread:
    """The thread ``thread_id`` if ``actor`` may see it. Raises NotFound otherwise."""
    if not isinstance(thread_id, int) or isinstance(thread_id, bool):
        raise NotFound("thread")
    thread = session.exec(
        scope(session, actor, select(MessageThread).where(MessageThread.id == thread_id))
    ).first()
    if thread is None:
        raise NotFound("thread")
    return thread
