"""The content editor: create and change articles, publish, schedule, unpublish; every
change written to the content audit log. Only ``content.edit`` (content_editor, admin).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, col, delete, select

from heka_app.models import Article, ArticleTranslation, ContentAuditEntry, UserAccount
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.common.results import FormResult, NotFound
from heka_app.services.content import permissions
from heka_app.services.content.editor_form import (
    LANGUAGES,
    ArticleForm,
    CheckedArticle,
    check_form,
    local_time_text,
    slug_for,
)
from heka_app.services.content.news_mail import queue_news_mail


@dataclasses.dataclass(frozen=True)
class SaveResult:
    """The form's outcome and, when saved, the article's id."""

    result: FormResult
    article_id: int | None = None


def load_form(*, session: Session, actor: Actor, article_id: int) -> ArticleForm:
    """The stored article as the editor's form.

    Raises:
        NotFound: No such article.
    """
    require(actor, permissions.EDIT)
    article = article_by_id(session, article_id)
    rows = session.exec(
        select(ArticleTranslation).where(ArticleTranslation.article_id == article_id)
    ).all()
    target = article.property_id if article.audience == "property" else article.area_office_id
    return ArticleForm(
        kind=article.kind,
        audience=article.audience,
        target_id=str(target or ""),
        publish_at=local_time_text(article.published_at),
        expires_at=local_time_text(article.expires_at),
        texts={tr.language: (tr.title, tr.summary, tr.body) for tr in rows},
    )


def save_article(
    *, session: Session, actor: Actor, now: dt.datetime, form: ArticleForm, article_id: int | None
) -> SaveResult:
    """Create (``article_id`` None) or change an article; a new one is a draft.

    Returns:
        Field messages when the form is wrong (nothing stored), else the article's id.
    """
    require(actor, permissions.EDIT)
    checked = check_form(session, form)
    if isinstance(checked, dict):
        return SaveResult(FormResult.from_errors(checked))
    if article_id is None:
        article = Article(
            slug=_free_slug(session, slug_for(checked.texts["fi"][0])),
            kind=checked.kind,
            state="draft",
            published_at=checked.publish_at or now,
        )
        action = "created"
    else:
        article = article_by_id(session, article_id)
        action = "edited"
    _apply(article, checked, actor, now)
    session.add(article)
    session.flush()
    assert article.id is not None  # flushed
    session.exec(delete(ArticleTranslation).where(col(ArticleTranslation.article_id) == article.id))
    for lang, (title, summary, body) in checked.texts.items():
        session.add(
            ArticleTranslation(
                article_id=article.id, language=lang, title=title, summary=summary, body=body
            )
        )
    if article.state == "published":  # a new time or audience: the mail follows the item
        queue_news_mail(session, article, now=now)
    missing = [lang for lang in LANGUAGES if lang not in checked.texts]
    note = f"languages: {', '.join(checked.texts)}" + (
        f"; missing: {', '.join(missing)}" if missing else ""
    )
    write_audit(session, article.id, actor, action, note, now)
    return SaveResult(FormResult.done(), article.id)


def _apply(article: Article, checked: CheckedArticle, actor: Actor, now: dt.datetime) -> None:
    article.kind = checked.kind
    article.audience = checked.audience
    article.property_id = checked.property_id
    article.area_office_id = checked.area_office_id
    if checked.publish_at is not None:
        article.published_at = checked.publish_at
    article.expires_at = checked.expires_at
    article.updated_at = now
    article.updated_by_id = actor.account_id


def publish(*, session: Session, actor: Actor, now: dt.datetime, article_id: int) -> dt.datetime:
    """Publish now, or at the scheduled time if that lies ahead; returns when it shows.

    Raises:
        NotFound: No such article.
    """
    require(actor, permissions.EDIT)
    article = article_by_id(session, article_id)
    was_draft = article.state == "draft"
    if was_draft and article.published_at < now:
        article.published_at = now  # an old draft's date is when it was written
    article.state = "published"
    article.updated_at, article.updated_by_id = now, actor.account_id
    session.add(article)
    when = article.published_at
    session.flush()
    queue_news_mail(session, article, now=now)
    action = "scheduled" if when > now else "published"
    write_audit(session, article_id, actor, action, when.isoformat(timespec="minutes"), now)
    return when


def unpublish(*, session: Session, actor: Actor, now: dt.datetime, article_id: int) -> None:
    """Take an article off the pages (back to draft)."""
    require(actor, permissions.EDIT)
    article = article_by_id(session, article_id)
    article.state = "draft"
    article.updated_at, article.updated_by_id = now, actor.account_id
    session.add(article)
    write_audit(session, article_id, actor, "unpublished", "", now)


@dataclasses.dataclass(frozen=True)
class AuditRow:
    """One line of an article's history."""

    at: dt.datetime
    who: str
    action: str
    summary: str


def audit_log(*, session: Session, actor: Actor, article_id: int) -> tuple[AuditRow, ...]:
    """An article's change history, newest first."""
    require(actor, permissions.EDIT)
    article_by_id(session, article_id)
    rows = session.exec(
        select(ContentAuditEntry, UserAccount.email)
        .join(UserAccount, col(UserAccount.id) == ContentAuditEntry.account_id, isouter=True)
        .where(ContentAuditEntry.article_id == article_id)
        .order_by(col(ContentAuditEntry.at).desc(), col(ContentAuditEntry.id).desc())
    ).all()
    return tuple(AuditRow(e.at, email or "", e.action, e.summary) for e, email in rows)


def article_by_id(session: Session, article_id: int) -> Article:
    """The article (any state) for the editor.

    Raises:
        NotFound: No such article.
    """
    article = session.get(Article, article_id) if 0 < article_id < 2**31 else None
    if article is None:
        raise NotFound("article")
    return article


def _free_slug(session: Session, base: str) -> str:
    taken = set(session.exec(select(Article.slug).where(col(Article.slug).startswith(base))).all())
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def write_audit(
    session: Session, article_id: int, actor: Actor, action: str, summary: str, now: dt.datetime
) -> None:
    """One line of the article's history."""
    session.add(
        ContentAuditEntry(
            article_id=article_id,
            account_id=actor.account_id,
            action=action,
            summary=summary[:500],
            at=now,
        )
    )
