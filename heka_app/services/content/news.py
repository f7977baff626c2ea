"""Public news for the landing page, per language with a labelled Finnish fallback."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, col, select

from heka_app.i18n import DEFAULT_LANGUAGE, LANGUAGES
from heka_app.i18n.formatting import format_date
from heka_app.models import Article, ArticleTranslation


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
    now = now or dt.datetime.now(dt.UTC)
    articles = session.exec(
        select(Article)
        .where(Article.kind == "news", col(Article.property_id).is_(None))
        .where(Article.published_at <= now)
        .order_by(col(Article.published_at).desc())
        .limit(limit)
    ).all()
    ids = [a.id for a in articles]
    versions: dict[int, dict[str, ArticleTranslation]] = {i: {} for i in ids}
    for tr in session.exec(
        select(ArticleTranslation).where(col(ArticleTranslation.article_id).in_(ids))
    ).all():
        versions[tr.article_id][tr.language] = tr
    teasers = []
    for article in articles:
        by_lang = versions[article.id]
        finnish = by_lang.get(DEFAULT_LANGUAGE)
        if finnish is None:  # Finnish is required; skip an item the editors broke.
            continue
        chosen = {lang: by_lang.get(lang, finnish) for lang in LANGUAGES}
        teasers.append(
            NewsTeaser(
                slug=article.slug,
                date={lang: format_date(article.published_at.date(), lang) for lang in LANGUAGES},
                title={lang: chosen[lang].title for lang in LANGUAGES},
                summary={lang: chosen[lang].summary for lang in LANGUAGES},
                fallback={lang: lang not in by_lang for lang in LANGUAGES},
            )
        )
    return tuple(teasers)
