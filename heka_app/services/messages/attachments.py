"""Attachments of messages and requests: an upload goes through the shared pipeline
(photos re-encoded without metadata, PDFs checked) before anything is attached, and a
stored file is handed only to someone who may see its thread."""

from __future__ import annotations

import dataclasses

from sqlmodel import Session, select

from heka_app.models.messages import ThreadAttachment
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import authorize
from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.messages.access import get_thread_for
from heka_app.services.messages.permissions import HANDLE, SEND
from heka_app.services.uploads.documents import DocumentRejected, read_pdf, store_pdf
from heka_app.services.uploads.images import ImageRejected, process_image
from heka_app.services.uploads.storage import read_photo, store_photo


@dataclasses.dataclass(frozen=True)
class Uploaded:
    """A stored file's token and kind (to attach on send), a thumbnail of a photo for the
    preview, or the msgid of why it was refused."""

    token: str = ""
    kind: str = ""
    thumbnail: bytes = b""
    error: str = ""


def upload_attachment(*, actor: Actor, data: bytes) -> Uploaded:
    """Store one upload: a PDF as it is (after checks), anything else as a photo.

    Raises:
        NotAllowed: The actor may neither send messages nor handle them.
    """
    if not (authorize(actor, SEND).allowed or authorize(actor, HANDLE).allowed):
        raise NotAllowed(SEND)
    if data[:5] == b"%PDF-":
        try:
            return Uploaded(token=store_pdf(data), kind="pdf")
        except DocumentRejected as rejected:
            return Uploaded(error=str(rejected.args[0]))
    try:
        image = process_image(data)
    except ImageRejected as rejected:
        return Uploaded(error=str(rejected.args[0]))
    return Uploaded(token=store_photo(image), kind="photo", thumbnail=image.thumbnail)


def attachment_bytes(
    *, session: Session, actor: Actor, token: str, thumbnail: bool = False
) -> tuple[str, bytes]:
    """``(kind, bytes)`` of attachment ``token`` if ``actor`` may see its thread.

    Raises:
        NotFound: No such attachment, or another household's (the same answer).
    """
    row = session.exec(select(ThreadAttachment).where(ThreadAttachment.token == token)).first()
    if row is None:
        raise NotFound("attachment")
    get_thread_for(session=session, actor=actor, thread_id=row.thread_id)
    try:
        if row.kind == "pdf":
            return "pdf", read_pdf(token)
        return "photo", read_photo(token, thumbnail=thumbnail)
    except FileNotFoundError as missing:
        raise NotFound("attachment") from missing
