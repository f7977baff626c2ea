"""An article's image and attachments for its readers, and the files themselves behind
``/_files/content/<token>``: exactly the readers of the article may fetch them.

"everyone" items are readable anonymously and may be cached publicly; area and property
items only by their residents and staff (private cache); drafts, scheduled and expired
items only by editors, never stored by a cache.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, col, select

from heka_app import routes
from heka_app.i18n.formatting import format_number
from heka_app.models import Article
from heka_app.models.content_media import ArticleAttachment, ArticleImage
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import authorize
from heka_app.services.common.results import NotFound
from heka_app.services.content import permissions
from heka_app.services.content.audience import PUBLIC, reader_for, visible_to
from heka_app.services.uploads.documents import read_pdf
from heka_app.services.uploads.images import THUMB_EDGE
from heka_app.services.uploads.storage import read_photo

PUBLIC_CACHE = "public, max-age=300"
PRIVATE_CACHE = "private, max-age=300"
NO_STORE = "private, no-store"


@dataclasses.dataclass(frozen=True)
class LeadImage:
    """The image as the article page shows it (paths relative to the backend origin)."""

    src: str
    thumb: str
    thumb_width: int
    width: int
    height: int
    alt: str


@dataclasses.dataclass(frozen=True)
class AttachmentLink:
    """One attachment link: its name and size as the reader's language writes it."""

    href: str
    name: str
    size: str


@dataclasses.dataclass(frozen=True)
class ServedFile:
    """What the file route sends."""

    content_type: str
    data: bytes
    cache_control: str
    download_name: str = ""  # PDFs: sent as an attachment under this name


def file_path(token: str, suffix: str) -> str:
    """``/_files/content/<token><suffix>`` (the one place the route's paths are spelled)."""
    return f"{routes.CONTENT_FILE_PREFIX}{token}{suffix}"


def size_text(size_bytes: int, language: str) -> str:
    """``245 kB`` / ``1,2 MB`` in the reader's number format."""
    if size_bytes < 1_000_000:
        return f"{max(1, round(size_bytes / 1000))} kB"
    return f"{format_number(round(size_bytes / 1_000_000, 1), language)} MB"


def media_of(
    session: Session, article_id: int, language: str
) -> tuple[LeadImage | None, tuple[AttachmentLink, ...]]:
    """The article's image (alt text in ``language``, else Finnish) and attachment links;
    the caller has checked the reader may see the article."""
    image = session.exec(select(ArticleImage).where(ArticleImage.article_id == article_id)).first()
    lead = None
    if image is not None:
        alt = getattr(image, f"alt_{language}", "") or image.alt_fi
        full, thumb = file_path(image.token, ".jpg"), file_path(image.token, ".thumb.jpg")
        scale = min(1.0, THUMB_EDGE / max(image.width, image.height))  # as Pillow's thumbnail
        thumb_width = round(image.width * scale)
        lead = LeadImage(full, thumb, thumb_width, image.width, image.height, alt)
    rows = session.exec(
        select(ArticleAttachment)
        .where(ArticleAttachment.article_id == article_id)
        .order_by(col(ArticleAttachment.id))
    ).all()
    links = tuple(
        AttachmentLink(file_path(r.token, ".pdf"), r.name, size_text(r.size_bytes, language))
        for r in rows
    )
    return lead, links


def content_file(*, session: Session, actor: Actor, now: dt.datetime, name: str) -> ServedFile:
    """The file ``<token>.jpg``, ``<token>.thumb.jpg`` or ``<token>.pdf`` if ``actor`` may
    read its article now, with the cache header that article's audience allows.

    Raises:
        NotFound: No such file, or its article is not for this reader (the same answer).
    """
    token, _, suffix = name.partition(".")
    if "/" in name or suffix not in {"jpg", "thumb.jpg", "pdf"}:
        raise NotFound("file")
    row: ArticleAttachment | ArticleImage | None
    if suffix == "pdf":
        row = session.exec(
            select(ArticleAttachment).where(ArticleAttachment.token == token)
        ).first()
    else:
        row = session.exec(select(ArticleImage).where(ArticleImage.token == token)).first()
    if row is None:
        raise NotFound("file")
    article = session.get(Article, row.article_id)
    if article is None:
        raise NotFound("file")
    cache = _cache_for(session, actor, now, article)
    try:
        if isinstance(row, ArticleAttachment):
            return ServedFile("application/pdf", read_pdf(token), cache, row.name)
        return ServedFile("image/jpeg", read_photo(token, thumbnail=suffix == "thumb.jpg"), cache)
    except FileNotFoundError as missing:
        raise NotFound("file") from missing


def _cache_for(session: Session, actor: Actor, now: dt.datetime, article: Article) -> str:
    """The cache header if ``actor`` may see ``article``; NotFound otherwise."""
    reader = PUBLIC if actor.is_anonymous else reader_for(session, actor)
    if actor.is_tenant and not authorize(actor, permissions.READ).allowed:
        reader = PUBLIC  # e.g. a former tenant: what everyone sees
    live = session.exec(
        select(Article.id).where(Article.id == article.id, visible_to(reader, now))
    ).first()
    if live is not None:
        return PUBLIC_CACHE if article.audience == "everyone" else PRIVATE_CACHE
    if authorize(actor, permissions.EDIT).allowed:
        return NO_STORE  # a draft, scheduled or expired item in the editor's preview
    raise NotFound("file")
