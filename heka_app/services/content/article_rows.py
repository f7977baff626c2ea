"""One page of a news or instructions list in one prebuilt statement (issue 15: CPU per
event).

The list and the front page's news item ran four statements each (count, articles, their
language versions, the reader's read marks), rebuilt on every call: most of their ~1.5 ms
was SQLAlchemy building expressions, not the database. Here each variant of the page
statement (by kind or not, searching or not) is built once and executed with bound
parameters: the page's articles with the reader's language version and the Finnish one,
whether the reader opened each, and, as window counts over every visible article, the
total and how many the reader has not opened. Nothing is cached between calls but the
statements' shape: what the reader may see is decided by the parameters of each call.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import Any

from sqlalchemy import Boolean, and_, bindparam, case, exists, func, or_, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from heka_app.i18n import DEFAULT_LANGUAGE
from heka_app.models import Article, ArticleRead, ArticleTranslation
from heka_app.services.content.audience import PLACE_OF_APARTMENT

_SHOWN = aliased(ArticleTranslation, name="shown")  # the reader's language
_FINNISH = aliased(ArticleTranslation, name="finnish")  # the fallback

# The reader's property and area office, found from their apartment inside the statement
# (audience.reader_for asked for them in a statement of its own).
_PLACE = PLACE_OF_APARTMENT.subquery("place")
# audience.visible_to's rule with its values as parameters: published, in its window,
# and for everyone, the reader's property or area office (or any, for staff).
_NOW: Any = bindparam("now")
_AUDIENCE = col(Article.audience)
VISIBLE = and_(
    col(Article.state) == "published",
    col(Article.published_at) <= _NOW,
    or_(col(Article.expires_at).is_(None), col(Article.expires_at) > _NOW),
    or_(
        bindparam("sees_all", type_=Boolean),
        _AUDIENCE == "everyone",
        and_(
            _AUDIENCE == "property",
            col(Article.property_id) == select(_PLACE.c.id).scalar_subquery(),
        ),
        and_(
            _AUDIENCE == "area",
            col(Article.area_office_id) == select(_PLACE.c.area_office_id).scalar_subquery(),
        ),
    ),
)

_OPENED = exists().where(
    col(ArticleRead.account_id) == bindparam("account_id"),
    col(ArticleRead.article_id) == col(Article.id),
)


def _matching() -> Any:
    """Article ids whose title, summary or body holds the ``pattern`` in any language."""
    pattern: Any = bindparam("pattern")
    fields = (ArticleTranslation.title, ArticleTranslation.summary, ArticleTranslation.body)
    return select(col(ArticleTranslation.article_id)).where(
        or_(*(func.lower(col(field)).like(pattern, escape="\\") for field in fields))
    )


def _condition(by_kind: bool, search: bool) -> Any:
    condition = VISIBLE
    if by_kind:
        condition = and_(condition, col(Article.kind) == bindparam("kind"))
    if search:
        condition = and_(condition, col(Article.id).in_(_matching()))
    return condition


def _version_of(version: Any, language: Any) -> Any:
    return and_(col(version.article_id) == col(Article.id), col(version.language) == language)


@functools.cache
def _page_statement(by_kind: bool, search: bool) -> Any:
    """Built once per variant; SQLAlchemy then reuses its compiled form."""
    opened = _OPENED.label("opened")
    return (
        select(
            col(Article.id),
            col(Article.slug),
            col(Article.kind),
            col(Article.audience),
            col(Article.published_at),
            col(_SHOWN.id),
            col(_SHOWN.title),
            col(_SHOWN.summary),
            col(_FINNISH.id),
            col(_FINNISH.title),
            col(_FINNISH.summary),
            opened,
            func.count().over().label("total"),
            func.sum(case((_OPENED, 0), else_=1)).over().label("not_opened"),
        )  # fmt: skip
        .outerjoin(_SHOWN, _version_of(_SHOWN, bindparam("language")))
        .outerjoin(_FINNISH, _version_of(_FINNISH, DEFAULT_LANGUAGE))
        .where(_condition(by_kind, search))
        .order_by(col(Article.published_at).desc(), col(Article.id).desc())
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


@functools.cache
def _count_statement(by_kind: bool, search: bool) -> Any:
    return select(func.count()).select_from(Article).where(_condition(by_kind, search))


@dataclasses.dataclass(frozen=True)
class ArticleRow:
    """One article of a page, its text in the language to show (None: no Finnish)."""

    id: int
    slug: str
    kind: str
    audience: str
    published_at: dt.datetime
    title: str | None
    summary: str
    fallback: bool
    opened: bool


@dataclasses.dataclass(frozen=True)
class RowsPage:
    """The page's rows, the page number after clamping, the total and the not opened."""

    rows: tuple[ArticleRow, ...]
    page: int
    total: int
    not_opened: int


def _row(raw: Any, language: str) -> ArticleRow:
    (article_id, slug, kind, audience, published_at, shown_id, shown_title, shown_summary,
     fi_id, fi_title, fi_summary, opened) = raw[:12]  # fmt: skip
    if shown_id is not None:
        title, summary, fallback = shown_title, shown_summary, False
    elif fi_id is not None:
        title, summary, fallback = fi_title, fi_summary, language != DEFAULT_LANGUAGE
    else:
        title, summary, fallback = None, "", False
    return ArticleRow(
        article_id, slug, kind, audience, published_at, title, summary, fallback, bool(opened)
    )


def article_page(
    session: Session,
    *,
    sees_all: bool,
    apartment_id: int | None,
    account_id: int | None,
    now: dt.datetime,
    language: str,
    kind: str | None,
    pattern: str | None,
    page: int,
    page_size: int,
) -> RowsPage:
    """Page ``page`` (1-based, clamped to the pages that exist) of what a reader may see:
    every audience (``sees_all``), else those of ``apartment_id``'s property and area
    office and everyone's (``apartment_id`` None: everyone's only).

    ``pattern``: a LIKE pattern (escaped with a backslash) to search for, or None.
    """
    params: dict[str, Any] = {
        "now": now,
        "sees_all": sees_all,
        "apartment_id": apartment_id,
        "account_id": account_id,
        "language": language,
        "kind": kind,
        "pattern": pattern,
        "limit": page_size,
    }
    variant = (kind is not None, pattern is not None)
    page = max(1, page)
    connection = session.connection()
    offset = (page - 1) * page_size
    raw = connection.execute(_page_statement(*variant), {**params, "offset": offset}).all()
    if raw:
        total, not_opened = raw[0][12], raw[0][13]
    elif page == 1:
        total, not_opened = 0, 0
    else:  # past the last page: count, and show the last page instead
        total = connection.execute(_count_statement(*variant), params).scalar_one()
        return article_page(
            session, sees_all=sees_all, apartment_id=apartment_id, account_id=account_id,
            now=now, language=language, kind=kind, pattern=pattern,
            page=max(1, -(-total // page_size)), page_size=page_size,
        )  # fmt: skip
    rows = tuple(_row(r, language) for r in raw)
    return RowsPage(rows=rows, page=page, total=int(total), not_opened=int(not_opened or 0))
