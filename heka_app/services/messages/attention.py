"""The front page's line about unread answers from Heka (a provider of
services/housing/attention.py)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from heka_app import routes
from heka_app.i18n import N_
from heka_app.i18n.catalogs import gettext
from heka_app.services.auth.actor import Actor
from heka_app.services.housing.attention_item import AttentionItem
from heka_app.services.messages.threads import unread_count

UNREAD = N_("Unread answers from Heka: {count}")


def replies_attention(
    session: Session, actor: Actor, now: dt.datetime, language: str
) -> list[AttentionItem]:
    """One item when threads of the household have answers the actor has not read."""
    count = unread_count(session=session, actor=actor)
    if not count:
        return []
    title = gettext(language, UNREAD, count=count)
    return [AttentionItem("replies", "info", title, "", routes.MESSAGES)]
