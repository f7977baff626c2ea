"""The attachment picker shared by the new-message form, the service-request form and a
thread's answer: each upload goes through the shared pipeline off the event loop; the
tokens stay server-side and the browser gets thumbnails (photos) or the file name (PDFs).
``AttachmentsMixin`` holds the picker's state and its three handlers."""

from __future__ import annotations

import asyncio
import base64

import reflex as rx

from heka_app.services.auth.actor import Actor
from heka_app.services.messages.attachments import upload_attachment
from heka_app.services.messages.create import MAX_ATTACHMENTS
from heka_app.services.messages.permissions import SEND
from heka_app.services.uploads.images import MAX_BYTES, TOO_LARGE
from heka_app.state.guard import guard
from heka_app.state.matrix_payload import matrix_payload


async def store_uploads(actor: Actor, files: list, tokens: list[str], previews: list[dict]) -> str:
    """Store ``files`` (up to the limit), appending to ``tokens`` and ``previews``;
    returns the msgid of the last refusal ("" when all were taken)."""
    error = ""
    for upload in (files or [])[: max(0, MAX_ATTACHMENTS - len(tokens))]:
        data = await upload.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            error = TOO_LARGE
            continue
        stored = await asyncio.to_thread(upload_attachment, actor=actor, data=data)
        if stored.error:
            error = stored.error
            continue
        tokens.append(stored.token)
        name = str(getattr(upload, "name", "") or getattr(upload, "filename", "") or "")[:80]
        src = (
            "data:image/jpeg;base64," + base64.b64encode(stored.thumbnail).decode()
            if stored.kind == "photo"
            else ""
        )
        previews.append({"kind": stored.kind, "src": src, "name": name.rsplit("/", 1)[-1]})
    return error


def progress_percent(progress: object) -> int:
    """Upload progress as a whole percentage (0 for anything odd)."""
    value = progress.get("progress", 0) if isinstance(progress, dict) else 0
    try:
        return int(max(0.0, min(1.0, float(value or 0))) * 100)
    except (TypeError, ValueError):
        return 0


def remove_at(index: object, tokens: list[str], previews: list[dict]) -> None:
    """Drop the attachment at ``index`` when it is one."""
    if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(tokens):
        tokens.pop(index)
        previews.pop(index)


class AttachmentsMixin(rx.State, mixin=True):
    """The picker's previews and tokens (tokens only server-side), for senders of
    messages (``messages.send``)."""

    previews: list[dict] = []
    _tokens: list[str] = []
    file_error: str = ""
    progress: int = 0

    def _clear_attachments(self) -> None:
        """Forget the picked files (after they were sent)."""
        self._tokens, self.previews, self.file_error = [], [], ""

    @rx.event
    @matrix_payload(files=[])
    async def upload_attachments(self, files: list[rx.UploadFile]):
        """Store photos or PDFs to send (guard: messages.send)."""
        actor, refusal = await guard(self, SEND)
        if refusal is not None:
            return refusal
        self.file_error = await store_uploads(actor, files, self._tokens, self.previews)
        self.progress = 0
        return None

    @rx.event
    @matrix_payload(progress={"progress": 0.5})
    def upload_progress(self, progress: dict):
        """Show how far the upload is. Public: sets one number on the caller's own view."""
        self.progress = progress_percent(progress)

    @rx.event
    @matrix_payload(index=0)
    async def remove_attachment(self, index: int):
        """Drop an attachment before sending (guard: messages.send)."""
        _, refusal = await guard(self, SEND)
        if refusal is not None:
            return refusal
        remove_at(index, self._tokens, self.previews)
        return None


__all__ = ["AttachmentsMixin", "progress_percent", "remove_at", "store_uploads"]
