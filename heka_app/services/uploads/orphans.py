"""Uploads nobody attached: a photo is stored when it is picked, before the form is sent,
so a form left unsent leaves files behind. After ``ORPHAN_AGE`` a stored file whose token
no table refers to is deleted (hourly housekeeping).

Every table that keeps upload tokens must be listed in :data:`REFERENCES`, or its files
are deleted a day after upload.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlmodel import Session, select

from heka_app.models.content_media import ArticleAttachment, ArticleImage
from heka_app.models.faults import FaultPhoto
from heka_app.models.messages import ThreadAttachment
from heka_app.services.uploads import storage

ORPHAN_AGE = dt.timedelta(hours=24)
# (model, column): where upload tokens are kept.
REFERENCES = (
    (FaultPhoto, FaultPhoto.token),
    (ThreadAttachment, ThreadAttachment.token),
    (ArticleImage, ArticleImage.token),
    (ArticleAttachment, ArticleAttachment.token),
)


def _referenced(session: Session) -> set[str]:
    tokens: set[str] = set()
    for _model, column in REFERENCES:
        tokens.update(session.exec(select(column)).all())
    return tokens


def _files_of(folder: Path, token: str) -> list[Path]:
    suffixes = (".jpg", ".thumb.jpg", ".size", ".pdf", ".part")
    return [folder / f"{token}{suffix}" for suffix in suffixes]


def purge_orphans(*, session: Session, now: dt.datetime) -> int:
    """Delete stored uploads (photos, PDFs) older than :data:`ORPHAN_AGE` that no row
    refers to.

    Returns:
        How many uploads (each its photo, thumbnail and size file) were deleted.
    """
    root = storage.upload_root()
    cutoff = (now - ORPHAN_AGE).timestamp()
    referenced = _referenced(session)
    deleted = 0
    # A photo's main file (not its thumbnail) or a PDF names each upload once.
    uploads = [p for p in root.glob("*/*.jpg") if not p.name.endswith(".thumb.jpg")]
    for upload in [*uploads, *root.glob("*/*.pdf")]:
        token = upload.name.rsplit(".", 1)[0]
        if token in referenced or upload.stat().st_mtime >= cutoff:
            continue
        for path in _files_of(upload.parent, token):
            path.unlink(missing_ok=True)
        deleted += 1
    return deleted
