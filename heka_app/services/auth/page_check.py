"""The session check of a page load with the messages badge, in one database session.

``SessionState.refresh`` runs on every page load. It resolved the actor and then counted
the unread answers in two service calls: two thread hops, two database sessions and
commits for two statements (issue 15: CPU per event). Here both run in one transaction,
in the order they ran before; nothing is kept between calls.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session

from heka_app.services.auth.actor import ANONYMOUS, Actor
from heka_app.services.auth.sessions import IDLE_TIMEOUT, resolve_actor
from heka_app.services.messages.unread import unread_count


@dataclasses.dataclass(frozen=True)
class PageCheck:
    """Who holds the session (anonymous when none is valid) and their unread answers."""

    actor: Actor
    unread_messages: int


def check_page(
    *, session: Session, secret: str, now: dt.datetime, idle_timeout: dt.timedelta = IDLE_TIMEOUT
) -> PageCheck:
    """The actor behind ``secret`` (ending a session that no longer holds, as
    :func:`resolve_actor` does) and how many of their threads have an unread answer."""
    actor = None
    if secret:
        actor = resolve_actor(session=session, secret=secret, now=now, idle_timeout=idle_timeout)
    actor = actor or ANONYMOUS
    return PageCheck(actor=actor, unread_messages=unread_count(session=session, actor=actor))
