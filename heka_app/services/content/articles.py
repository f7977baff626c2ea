"""News and instructions as readers get them: lists with paging and search, one article by
its readable URL, unread markers; the reader's language with a labelled Finnish fallback.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func
from sqlmodel import Session, col, select

from heka_app.i18n import DEFAULT_LANGUAGE
from heka_app.i18n.formatting import format_date
from heka_app.models import Article, ArticleRead, ArticleTranslation
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.common.insert_once import insert_once
from heka_app.services.common.results import NotFound
from heka_app.services.common.tables import table_of
from heka_app.services.content import permissions
from heka_app.services.content.article_rows import article_page
from heka_app.services.content.audience import (
    PUBLIC,
    Reader,
    reader_for,
    reader_place,
    visible_to,
)
from heka_app.services.content.files import AttachmentLink, LeadImage, media_of
from heka_app.services.content.markdown import render_markdown

PAGE_SIZE = 10
MAX_QUERY = 100


@dataclasses.dataclass(frozen=True)
class ArticleSummary:
    """One row of a list, in one language."""

    slug: str
    kind: str
    title: str
    summary: str
    date: str
    fallback: bool  # shown in Finnish: no version in the reader's language
    unread: bool
    for_my_building: bool


@dataclasses.dataclass(frozen=True)
class ArticlePage:
    """One page of a list and where it sits among all pages."""

    items: tuple[ArticleSummary, ...]
    page: int
    pages: int
    total: int


@dataclasses.dataclass(frozen=True)
class ArticleView:
    """One article, its body as sanitized HTML."""

    slug: str
    kind: str
    title: str
    date: str
    html: str
    fallback: bool
    for_my_building: bool
    image: LeadImage | None = None
    attachments: tuple[AttachmentLink, ...] = ()


def _reader(session: Session, actor: Actor) -> Reader:
    if actor.is_anonymous:
        return PUBLIC
    require(actor, permissions.READ)
    return reader_for(session, actor)


def _versions(session: Session, ids: list[int]) -> dict[int, dict[str, ArticleTranslation]]:
    found: dict[int, dict[str, ArticleTranslation]] = {i: {} for i in ids}
    rows = select(ArticleTranslation).where(col(ArticleTranslation.article_id).in_(ids))
    for tr in session.exec(rows).all():
        found[tr.article_id][tr.language] = tr
    return found


def _pick(by_lang: dict[str, ArticleTranslation], language: str):
    """(the version to show, whether it is the Finnish fallback) or None if Finnish is missing."""
    if language in by_lang:
        return by_lang[language], False
    if DEFAULT_LANGUAGE in by_lang:
        return by_lang[DEFAULT_LANGUAGE], language != DEFAULT_LANGUAGE
    return None


def _pattern(query: str) -> str | None:
    """The LIKE pattern for ``query`` (wildcards literal), None for no search."""
    if not query:
        return None
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def _page(
    session: Session, actor: Actor, *, now: dt.datetime, language: str, kind: str | None,
    query: str, page: int, page_size: int,
) -> tuple[ArticlePage, int]:  # fmt: skip
    """The page and how many of the listed kind the actor has not opened."""
    # The reader's place is looked up inside the page statement (one statement less).
    sees_all, apartment_id = False, None
    if not actor.is_anonymous:
        require(actor, permissions.READ)
        sees_all, apartment_id = reader_place(actor)
    found = article_page(
        session, sees_all=sees_all, apartment_id=apartment_id, account_id=actor.account_id,
        now=now, language=language,
        kind=kind, pattern=_pattern(query.strip()[:MAX_QUERY]), page=page, page_size=page_size,
    )  # fmt: skip
    items = tuple(
        ArticleSummary(
            slug=row.slug,
            kind=row.kind,
            title=row.title,
            summary=row.summary,
            date=format_date(row.published_at.date(), language),
            fallback=row.fallback,
            unread=not actor.is_anonymous and not row.opened,
            for_my_building=row.audience == "property" and not sees_all,
        )
        for row in found.rows
        if row.title is not None  # Finnish is required; an item the editors broke is skipped
    )
    pages = max(1, -(-found.total // page_size))
    not_opened = 0 if actor.account_id is None else found.not_opened
    return ArticlePage(items=items, page=found.page, pages=pages, total=found.total), not_opened


def list_articles(
    *,
    session: Session,
    actor: Actor,
    now: dt.datetime,
    language: str,
    kind: str | None = "news",
    query: str = "",
    page: int = 1,
    page_size: int = PAGE_SIZE,
) -> ArticlePage:
    """Articles ``actor`` may read, newest first, one page of them.

    Args:
        session: Database session.
        actor: The reader (anonymous: items for everyone only).
        now: Scheduled items not yet published and expired items are left out.
        language: Display language (Finnish fallback, labelled).
        kind: ``"news"``, ``"instruction"`` or None for both.
        query: Words to look for in any language (case-insensitive, wildcards literal).
        page: 1-based page number (clamped to the pages that exist).
        page_size: Items per page.

    Returns:
        The :class:`ArticlePage`.

    Raises:
        NotAllowed: A signed-in actor without ``content.read``.
    """
    return _page(
        session, actor, now=now, language=language, kind=kind, query=query, page=page,
        page_size=page_size,
    )[0]  # fmt: skip


def unread_news_page(
    *, session: Session, actor: Actor, now: dt.datetime, language: str, page_size: int
) -> tuple[ArticlePage, int]:
    """The first page of news and how many news items ``actor`` has not opened (the front
    page's item: one statement for what took the list and ``unread_count`` five).

    Raises:
        NotAllowed: A signed-in actor without ``content.read``.
    """
    return _page(
        session, actor, now=now, language=language, kind="news", query="", page=1,
        page_size=page_size,
    )  # fmt: skip


def get_article(
    *, session: Session, actor: Actor, now: dt.datetime, language: str, slug: str
) -> ArticleView:
    """The article at ``slug`` if ``actor`` may read it now; marks it read for the actor.

    Raises:
        NotFound: No such article, or not for this reader (never says which).
        NotAllowed: A signed-in actor without ``content.read``.
    """
    reader = _reader(session, actor)
    article = session.exec(
        select(Article).where(Article.slug == slug[:120], visible_to(reader, now))
    ).first()
    if article is None or article.id is None:
        raise NotFound("article")
    picked = _pick(_versions(session, [article.id])[article.id], language)
    if picked is None:
        raise NotFound("article")
    version, fallback = picked
    if actor.account_id is not None:
        insert_once(
            session,
            table_of(ArticleRead),
            {"account_id": actor.account_id, "article_id": article.id, "read_at": now},
            unique=("account_id", "article_id"),
        )
    image, attachments = media_of(session, article.id, language)
    return ArticleView(
        slug=article.slug,
        kind=article.kind,
        title=version.title,
        date=format_date(article.published_at.date(), language),
        html=render_markdown(version.body),
        fallback=fallback,
        for_my_building=article.audience == "property" and not reader.sees_all,
        image=image,
        attachments=attachments,
    )


def unread_count(*, session: Session, actor: Actor, now: dt.datetime, kind: str = "news") -> int:
    """How many ``kind`` items ``actor`` may read and has not opened (0 for anonymous)."""
    if actor.account_id is None:
        return 0
    reader = _reader(session, actor)
    opened = select(ArticleRead.article_id).where(ArticleRead.account_id == actor.account_id)
    return session.exec(
        select(func.count())
        .select_from(Article)
        .where(visible_to(reader, now), col(Article.kind) == kind)
        .where(col(Article.id).not_in(opened))
    ).one()
