"""Each account's email choice per notification kind (a row only once the user chose)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam
from sqlmodel import Session, col, select, update

from heka_app.models import NotificationPreference
from heka_app.services.accounts import permissions as accounts
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.common.insert_once import insert_once
from heka_app.services.common.tables import table_of

NEWS_MY_BUILDING = "news_my_building"
MESSAGE_REPLIES = "replies"  # Heka answered or decided in a thread of the household
FAULT_STATUS = "fault_status"  # a fault report of mine moved on or got a comment
# Kind -> what holds when the user has not chosen. News mail is opt-in; the others opt-out.
DEFAULTS: dict[str, bool] = {FAULT_STATUS: True, MESSAGE_REPLIES: True, NEWS_MY_BUILDING: False}
UNIQUE = ("account_id", "kind")


# Built once: the news list reads the choice on every load (issue 15: CPU per event).
_CHOICE = select(col(NotificationPreference.email)).where(
    col(NotificationPreference.account_id) == bindparam("account_id"),
    col(NotificationPreference.kind) == bindparam("kind"),
)


def wants_email(session: Session, account_id: int, kind: str) -> bool:
    """Whether ``account_id`` wants ``kind`` by email."""
    params = {"account_id": account_id, "kind": kind}
    chosen = session.connection().execute(_CHOICE, params).scalar()
    return DEFAULTS[kind] if chosen is None else bool(chosen)


def email_choice(*, session: Session, actor: Actor, kind: str) -> bool:
    """The actor's own choice for ``kind``."""
    require(actor, accounts.VIEW)
    assert actor.account_id is not None  # require() refuses anonymous actors
    return wants_email(session, actor.account_id, kind)


def set_email_choice(
    *, session: Session, actor: Actor, kind: str, email: bool, now: dt.datetime
) -> bool:
    """Record the actor's own choice for ``kind``; returns what is now stored.

    Raises:
        NotAllowed: Not signed in.
        KeyError: Unknown kind (a client sent something odd; the state layer checks first).
    """
    require(actor, accounts.VIEW)
    assert actor.account_id is not None  # require() refuses anonymous actors
    DEFAULTS[kind]  # noqa: B018 - unknown kinds raise before anything is written
    values = {"account_id": actor.account_id, "kind": kind, "email": bool(email), "updated_at": now}
    # Two tabs toggling at once: one insert wins, the update then sets the last choice.
    if not insert_once(session, table_of(NotificationPreference), values, unique=UNIQUE):
        session.exec(
            update(NotificationPreference)
            .where(
                col(NotificationPreference.account_id) == actor.account_id,
                col(NotificationPreference.kind) == kind,
            )
            .values(email=bool(email), updated_at=now)
        )
    return bool(email)
