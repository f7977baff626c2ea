"""The editor's lead image and PDF attachments of an article (``content.edit`` only).

Files go through the shared upload pipeline: a photo is re-encoded by Pillow without its
metadata, a PDF is checked by its bytes. The image is stored when picked and attached when
its alt texts are saved (alt text is required in Finnish and in every language the
article is written in); a PDF is attached as soon as it is stored. A removed or replaced
file's row goes at once (the file route stops serving it); the file itself is purged with
the other orphans (services/uploads/orphans.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from sqlmodel import Session, col, select

from heka_app.i18n import N_
from heka_app.models import ArticleTranslation
from heka_app.models.content_media import (
    ALT_MAX,
    ATTACHMENT_NAME_MAX,
    ArticleAttachment,
    ArticleImage,
)
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.common.results import FormResult, NotFound
from heka_app.services.content import permissions
from heka_app.services.content.editor import article_by_id, write_audit
from heka_app.services.content.editor_form import LANGUAGES
from heka_app.services.uploads.documents import DocumentRejected, pdf_size, store_pdf
from heka_app.services.uploads.images import ImageRejected, process_image
from heka_app.services.uploads.storage import photo_exists, photo_info, store_photo

MAX_ATTACHMENTS = 10
TOO_MANY_ATTACHMENTS = N_("An article can have at most 10 attachments.")
CHOOSE_IMAGE = N_("Choose an image first.")


@dataclasses.dataclass(frozen=True)
class StoredImage:
    """A picked image, stored but not yet attached: its token stays on the server, the
    thumbnail is for the editor's preview. ``error``: the msgid of a refusal."""

    token: str = ""
    thumbnail: bytes = b""
    error: str = ""


@dataclasses.dataclass(frozen=True)
class EditorMedia:
    """What the editor shows of an article's files."""

    image_token: str  # "" without an image
    alts: dict[str, str]
    attachments: tuple[dict, ...]  # {"id", "token", "name", "size_bytes"}


def store_image(*, actor: Actor, data: bytes) -> StoredImage:
    """Re-encode and store a picked image (no database: it is attached by :func:`save_image`)."""
    require(actor, permissions.EDIT)
    try:
        image = process_image(data)
    except ImageRejected as rejected:
        return StoredImage(error=str(rejected.args[0]))
    return StoredImage(token=store_photo(image), thumbnail=image.thumbnail)


def media_for_editor(*, session: Session, actor: Actor, article_id: int) -> EditorMedia:
    """The article's image (token, alt texts) and attachments.

    Raises:
        NotFound: No such article.
    """
    require(actor, permissions.EDIT)
    article_by_id(session, article_id)
    image = session.exec(select(ArticleImage).where(ArticleImage.article_id == article_id)).first()
    rows = session.exec(
        select(ArticleAttachment)
        .where(ArticleAttachment.article_id == article_id)
        .order_by(col(ArticleAttachment.id))
    ).all()
    return EditorMedia(
        image_token=image.token if image else "",
        alts={lang: getattr(image, f"alt_{lang}", "") if image else "" for lang in LANGUAGES},
        attachments=tuple(
            {"id": r.id, "token": r.token, "name": r.name, "size_bytes": r.size_bytes} for r in rows
        ),
    )


def save_image(
    *,
    session: Session,
    actor: Actor,
    now: dt.datetime,
    article_id: int,
    new_token: str,
    alts: dict[str, str],
) -> FormResult:
    """Attach the picked image ``new_token`` (replacing the old one) or, with no new
    token, change the alt texts of the current image.

    Returns:
        Field messages (``alt_<lang>``, ``image``) when something is missing; nothing stored.

    Raises:
        NotFound: No such article.
    """
    require(actor, permissions.EDIT)
    article_by_id(session, article_id)
    current = session.exec(
        select(ArticleImage).where(ArticleImage.article_id == article_id)
    ).first()
    if new_token and not photo_exists(new_token):
        new_token = ""
    if not new_token and current is None:
        return FormResult.from_errors({"image": CHOOSE_IMAGE})
    errors = _alt_errors(session, article_id, alts)
    if errors:
        return FormResult.from_errors(errors)
    if new_token:
        if current is not None:
            session.delete(current)
            session.flush()
        info = photo_info(new_token)
        current = ArticleImage(
            article_id=article_id,
            token=new_token,
            width=info.width,
            height=info.height,
            size_bytes=info.size_bytes,
            alt_fi="",
            created_at=now,
        )
    assert current is not None  # an existing image, or the new one just built
    for lang in LANGUAGES:
        setattr(current, f"alt_{lang}", alts.get(lang, "").strip())
    session.add(current)
    write_audit(session, article_id, actor, "image_set" if new_token else "image_alt", "", now)
    return FormResult.done()


def _alt_errors(session: Session, article_id: int, alts: dict[str, str]) -> dict[str, str]:
    written = set(
        session.exec(
            select(ArticleTranslation.language).where(ArticleTranslation.article_id == article_id)
        ).all()
    ) | {"fi"}
    errors = {}
    for lang in LANGUAGES:
        text = alts.get(lang, "").strip()
        if len(text) > ALT_MAX:
            errors[f"alt_{lang}"] = N_("The description is too long (at most 250 characters).")
        elif not text and lang in written:
            errors[f"alt_{lang}"] = N_(
                "Describe the image for readers who cannot see it (in this language)."
            )
    return errors


def remove_image(*, session: Session, actor: Actor, now: dt.datetime, article_id: int) -> None:
    """Take the lead image off the article (nothing happens without one)."""
    require(actor, permissions.EDIT)
    article_by_id(session, article_id)
    image = session.exec(select(ArticleImage).where(ArticleImage.article_id == article_id)).first()
    if image is not None:
        session.delete(image)
        write_audit(session, article_id, actor, "image_removed", "", now)


def add_attachment(
    *, session: Session, actor: Actor, now: dt.datetime, article_id: int, data: bytes, name: str
) -> FormResult:
    """Check, store and attach one PDF.

    Returns:
        A form error (not a PDF, too large, too many) or done.

    Raises:
        NotFound: No such article.
    """
    require(actor, permissions.EDIT)
    article_by_id(session, article_id)
    count = session.exec(
        select(ArticleAttachment.id).where(ArticleAttachment.article_id == article_id)
    ).all()
    if len(count) >= MAX_ATTACHMENTS:
        return FormResult.refused(TOO_MANY_ATTACHMENTS)
    try:
        token = store_pdf(data)
    except DocumentRejected as rejected:
        return FormResult.refused(str(rejected.args[0]))
    shown = clean_file_name(name)
    session.add(
        ArticleAttachment(
            article_id=article_id, token=token, name=shown, size_bytes=pdf_size(token),
            created_at=now,
        )
    )  # fmt: skip
    write_audit(session, article_id, actor, "attachment_added", shown, now)
    return FormResult.done()


def clean_file_name(name: str) -> str:
    """The name to show for an upload: no folders or control characters, ends in .pdf."""
    base = re.sub(r"[\x00-\x1f\x7f]", "", str(name or "")).replace("\\", "/").rsplit("/", 1)[-1]
    base = base.strip() or "document.pdf"
    if not base.lower().endswith(".pdf"):
        base += ".pdf"
    if len(base) > ATTACHMENT_NAME_MAX:
        base = base[: ATTACHMENT_NAME_MAX - 4] + ".pdf"
    return base


def remove_attachment(
    *, session: Session, actor: Actor, now: dt.datetime, article_id: int, attachment_id: int
) -> None:
    """Take one attachment off the article.

    Raises:
        NotFound: No such attachment on this article.
    """
    require(actor, permissions.EDIT)
    row = session.get(ArticleAttachment, attachment_id) if 0 < attachment_id < 2**31 else None
    if row is None or row.article_id != article_id:
        raise NotFound("attachment")
    session.delete(row)
    write_audit(session, article_id, actor, "attachment_removed", row.name, now)
