"""Public news for the landing page, per language with a labelled Finnish fallback."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, col, select

from heka_app.i18n import DEFAULT_LANGUAGE
from heka_app.i18n.formatting import format_date
from heka_app.models import Article, ArticleTranslation
from heka_app.services.common.clock import utcnow
from heka_app.services.common.localized import localized


@dataclasses.dataclass(frozen=True)
class NewsTeaser:
    """One news item in all UI languages; ``fallback[lang]`` marks Finnish shown instead."""

    slug: str
    date: dict[str, str]
    title: dict[str, str]
    summary: dict[str, str]
    fallback: dict[str, bool]


def latest_public_news(*, session: Session, limit: int = 3, now: dt.datetime | None = None):
    """The newest published news meant for all tenants (no property targeting).

    Args:
        session: Database session.
        limit: How many items.
        now: Items published after this are not shown yet.

    Returns:
        A tuple of :class:`NewsTeaser`, newest first.
    """
    now = now or utcnow()
    articles = session.exec(
        select(Article)
        .where(Article.kind == "news", col(Article.property_id).is_(None))
        .where(Article.published_at <= now)
        .order_by(col(Article.published_at).desc())
        .limit(limit)
    ).all()
    ids = [a.id for a in articles if a.id is not None]  # loaded rows always have an id
    versions: dict[int, dict[str, ArticleTranslation]] = {i: {} for i in ids}
    for tr in session.exec(
        select(ArticleTranslation).where(col(ArticleTranslation.article_id).in_(ids))
    ).all():
        versions[tr.article_id][tr.language] = tr
    teasers = []
    for article in articles:
        assert article.id is not None  # loaded from the database
        by_lang = versions[article.id]
        finnish = by_lang.get(DEFAULT_LANGUAGE)
        if finnish is None:  # Finnish is required; skip an item the editors broke.
            continue
        teasers.append(_teaser(article, by_lang, finnish))
    return tuple(teasers)


def _teaser(
    article: Article, by_lang: dict[str, ArticleTranslation], finnish: ArticleTranslation
) -> NewsTeaser:
    """``article`` in every UI language, the Finnish version where one is missing."""
    chosen = localized(lambda lang: by_lang.get(lang, finnish))
    published = article.published_at.date()
    return NewsTeaser(
        slug=article.slug,
        date=localized(lambda lang: format_date(published, lang)),
        title={lang: version.title for lang, version in chosen.items()},
        summary={lang: version.summary for lang, version in chosen.items()},
        fallback=localized(lambda lang: lang not in by_lang),
    )
