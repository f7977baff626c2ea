"""Fault photos: take an upload through the shared pipeline, and hand a stored photo only
to someone who may see its report (the household or handling staff)."""

from __future__ import annotations

import dataclasses

from sqlmodel import Session, select

from heka_app.models.faults import FaultPhoto
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import authorize
from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.faults.permissions import HANDLE, REPORT
from heka_app.services.faults.reports import get_fault_for
from heka_app.services.uploads.images import ImageRejected, process_image
from heka_app.services.uploads.storage import read_photo, store_photo


@dataclasses.dataclass(frozen=True)
class Uploaded:
    """A stored photo's token (to attach on submit) and its thumbnail for the preview,
    or the msgid of why it was refused."""

    token: str = ""
    thumbnail: bytes = b""
    error: str = ""


def upload_photo(*, actor: Actor, data: bytes) -> Uploaded:
    """Re-encode and store one uploaded photo (no database work: it is attached on submit).

    Raises:
        NotAllowed: The actor may neither report nor handle faults.
    """
    if not (authorize(actor, REPORT).allowed or authorize(actor, HANDLE).allowed):
        raise NotAllowed(REPORT)
    try:
        image = process_image(data)
    except ImageRejected as rejected:
        return Uploaded(error=str(rejected.args[0]))
    return Uploaded(token=store_photo(image), thumbnail=image.thumbnail)


def photo_bytes(*, session: Session, actor: Actor, token: str, thumbnail: bool) -> bytes:
    """The JPEG of photo ``token`` if ``actor`` may see its report.

    Raises:
        NotFound: No such photo, or another household's (the same answer).
    """
    photo = session.exec(select(FaultPhoto).where(FaultPhoto.token == token)).first()
    if photo is None:
        raise NotFound("photo")
    get_fault_for(session=session, actor=actor, fault_id=photo.report_id)
    try:
        return read_photo(token, thumbnail=thumbnail)
    except FileNotFoundError as missing:
        raise NotFound("photo") from missing
