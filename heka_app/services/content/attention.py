"""Front-page items of the content domain: news the reader has not opened yet."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from heka_app import routes
from heka_app.i18n import N_
from heka_app.i18n.catalogs import gettext
from heka_app.services.auth.actor import Actor
from heka_app.services.content.articles import unread_news_page
from heka_app.services.housing.attention_item import AttentionItem

SHOWN = 3
NEW_NEWS = N_("New: {title}")
MORE_NEWS = N_("All new news ({count})")


def news_attention(
    session: Session, actor: Actor, now: dt.datetime, language: str
) -> list[AttentionItem]:
    """Up to three unread news items (your building's first) and a link to all of them."""
    # One statement: the newest 20 and the count of all unread (issue 15: CPU per event).
    page, unread = unread_news_page(
        session=session, actor=actor, now=now, language=language, page_size=20
    )
    if unread == 0:
        return []
    fresh = sorted(
        (item for item in page.items if item.unread), key=lambda i: not i.for_my_building
    )[:SHOWN]
    items = [
        AttentionItem(
            kind="news",
            tone="info",
            title=gettext(language, NEW_NEWS, title=item.title),
            detail=item.date,
            href=f"{routes.NEWS}/{item.slug}",
        )
        for item in fresh
    ]
    if unread > len(items):
        items.append(
            AttentionItem(
                kind="news",
                tone="info",
                title=gettext(language, MORE_NEWS, count=unread),
                detail="",
                href=routes.NEWS,
            )
        )
    return items
