"""A news or instructions list page with the reader's news-mail choice, in one service call.

``NewsState`` asked for the choice and the list in two calls (two thread hops, database
sessions and commits on every load: issue 15, CPU per event); both only read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlmodel import Session

from heka_app.services.auth.actor import Actor
from heka_app.services.content.articles import ArticlePage, list_articles
from heka_app.services.notifications.preferences import NEWS_MY_BUILDING, email_choice


@dataclasses.dataclass(frozen=True)
class NewsPage:
    """The list page and, for a resident, whether they get their building's news by mail
    (None for everyone else: they have no such choice)."""

    articles: ArticlePage
    news_mail: bool | None


def news_page(
    *, session: Session, actor: Actor, now: dt.datetime, language: str, **listing: Any
) -> NewsPage:
    """:func:`list_articles`'s page (``listing``: its kind, query, page and page_size), and
    :func:`email_choice` for a tenant (asked first, as the two calls were).

    Raises:
        NotAllowed: A signed-in actor without ``content.read`` (or a tenant without
            ``accounts.view``).
    """
    news_mail = None
    if actor.is_tenant:
        news_mail = email_choice(session=session, actor=actor, kind=NEWS_MY_BUILDING)
    articles = list_articles(session=session, actor=actor, now=now, language=language, **listing)
    return NewsPage(articles=articles, news_mail=news_mail)
