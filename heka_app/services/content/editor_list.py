"""The editor's overview: every article with its state and the translations it lacks."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, col, select

from heka_app.i18n.formatting import format_date
from heka_app.models import AreaOffice, Article, ArticleTranslation, Property
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.content import permissions
from heka_app.services.content.editor_form import LANGUAGES


@dataclasses.dataclass(frozen=True)
class EditorRow:
    """One article in the editor's list."""

    id: int
    slug: str
    kind: str
    title: str  # Finnish
    status: str  # draft / scheduled / published / expired
    audience: str
    target: str  # area office or property name, "" for everyone
    date: str
    missing: tuple[str, ...]  # languages without a version


def status_of(article: Article, now: dt.datetime) -> str:
    """Where the article stands for readers right now."""
    if article.state == "draft":
        return "draft"
    if article.published_at > now:
        return "scheduled"
    if article.expires_at is not None and article.expires_at <= now:
        return "expired"
    return "published"


def list_for_editor(
    *, session: Session, actor: Actor, now: dt.datetime, language: str, kind: str | None = None
) -> tuple[EditorRow, ...]:
    """All articles (drafts included), newest first."""
    require(actor, permissions.EDIT)
    statement = select(Article).order_by(col(Article.published_at).desc())
    if kind is not None:
        statement = statement.where(Article.kind == kind)
    articles = session.exec(statement).all()
    ids = [a.id for a in articles if a.id is not None]
    langs: dict[int, dict[str, str]] = {i: {} for i in ids}
    for tr in session.exec(
        select(ArticleTranslation).where(col(ArticleTranslation.article_id).in_(ids))
    ).all():
        langs[tr.article_id][tr.language] = tr.title
    offices = dict(session.exec(select(AreaOffice.id, AreaOffice.name)).all())
    properties = dict(session.exec(select(Property.id, Property.name)).all())
    rows = []
    for article in articles:
        assert article.id is not None  # loaded from the database
        titles = langs[article.id]
        target = ""
        if article.audience == "area" and article.area_office_id is not None:
            target = offices.get(article.area_office_id, "")
        elif article.audience == "property" and article.property_id is not None:
            target = properties.get(article.property_id, "")
        rows.append(
            EditorRow(
                id=article.id,
                slug=article.slug,
                kind=article.kind,
                title=titles.get("fi", ""),
                status=status_of(article, now),
                audience=article.audience,
                target=target,
                date=format_date(article.published_at.date(), language),
                missing=tuple(lang for lang in LANGUAGES if lang not in titles),
            )
        )
    return tuple(rows)


@dataclasses.dataclass(frozen=True)
class Target:
    """An area office or property an article can be aimed at."""

    id: int
    name: str


@dataclasses.dataclass(frozen=True)
class TargetOptions:
    """What the editor's audience pickers offer."""

    area_offices: tuple[Target, ...]
    properties: tuple[Target, ...]


def target_options(*, session: Session, actor: Actor) -> TargetOptions:
    """Area offices and properties by name."""
    require(actor, permissions.EDIT)
    offices = session.exec(select(AreaOffice).order_by(col(AreaOffice.name))).all()
    props = session.exec(select(Property).order_by(col(Property.name))).all()
    return TargetOptions(
        area_offices=tuple(Target(o.id or 0, o.name) for o in offices),
        properties=tuple(Target(p.id or 0, f"{p.name}, {p.street_address}") for p in props),
    )
