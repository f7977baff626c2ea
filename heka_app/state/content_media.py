"""The editor's lead image and PDF attachments of the article being edited (the article is
the one ``ContentEditorState`` opened, never a number from the browser). Every handler is
guarded by ``content.edit`` and the services check it again."""

from __future__ import annotations

import asyncio
import base64

import reflex as rx

from heka_app.i18n import N_
from heka_app.services.common.clock import utcnow
from heka_app.services.common.results import FormResult, NotFound
from heka_app.services.content import editor_media
from heka_app.services.content.editor_form import LANGUAGES
from heka_app.services.content.files import file_path
from heka_app.services.content.permissions import EDIT
from heka_app.services.uploads.documents import MAX_PDF_BYTES, PDF_TOO_LARGE
from heka_app.services.uploads.images import MAX_BYTES, TOO_LARGE
from heka_app.state.content_editor import ContentEditorState
from heka_app.state.form_data import form_value
from heka_app.state.forms import FormState
from heka_app.state.guard import guard
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.service_calls import call_service

IMAGE_UPLOAD_ID = "article-image"
PDF_UPLOAD_ID = "article-pdf"
SAMPLE_ALTS = {"alt_fi": "Pihan uusi leikkipaikka", "alt_sv": "", "alt_en": ""}


class ContentMediaState(FormState, rx.State):
    """The image (current or newly picked, with alt texts) and the attachments."""

    article_no: int = 0
    image_thumb: str = ""  # the attached image's thumbnail path ("" without one)
    preview: str = ""  # a newly picked image's thumbnail as a data URL
    alts: dict[str, str] = {}
    attachments: list[dict] = []
    pdf_error: str = ""
    notice: str = ""
    form_key: int = 0
    _pending: str = ""  # the picked image's token: server-side only

    @rx.event
    async def load_media(self):
        """The opened article's image and attachments (nothing for a new article)."""
        actor, refusal = await guard(self, EDIT)
        if refusal is not None:
            return refusal
        self.article_no = (await self.get_state(ContentEditorState)).article_no
        self._pending, self.preview, self.notice, self.pdf_error = "", "", "", ""
        self._show(FormResult.done())
        await self._reload(actor)
        return None

    async def _reload(self, actor) -> None:
        media = None
        if self.article_no:
            try:
                media = await call_service(
                    editor_media.media_for_editor, actor=actor, article_id=self.article_no
                )
            except NotFound:
                self.article_no = 0
        token = media.image_token if media else ""
        self.image_thumb = file_path(token, ".thumb.jpg") if token else ""
        self.alts = dict(media.alts) if media else {}
        self.attachments = [
            {"id": a["id"], "name": a["name"], "href": file_path(a["token"], ".pdf")}
            for a in (media.attachments if media else ())
        ]
        self.form_key += 1

    @rx.event
    @matrix_payload(files=[])
    async def upload_image(self, files: list[rx.UploadFile]):
        """Re-encode and hold a picked image until its alt texts are saved."""
        actor, refusal = await guard(self, EDIT)
        if refusal is not None:
            return refusal
        for upload in (files or [])[:1]:
            data = await upload.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                self.field_errors = {"image": TOO_LARGE}
                return None
            stored = await asyncio.to_thread(editor_media.store_image, actor=actor, data=data)
            if stored.error:
                self.field_errors = {"image": stored.error}
                return None
            self._pending = stored.token
            self.preview = "data:image/jpeg;base64," + base64.b64encode(stored.thumbnail).decode()
            self.field_errors, self.notice = {}, N_("Write the descriptions and save the image.")
        return None

    @rx.event
    @matrix_payload(form_data=SAMPLE_ALTS)
    async def save_image(self, form_data: dict):
        """Attach the picked image or change the descriptions; messages under the fields
        with what was typed kept."""
        actor, refusal = await guard(self, EDIT)
        if refusal is not None:
            return refusal
        alts = {lang: form_value(form_data, f"alt_{lang}", 300) for lang in LANGUAGES}
        self.alts = alts
        if not self.article_no:
            self.error = N_("Save the article first.")
            return None
        try:
            result = await self._submit(
                editor_media.save_image, actor=actor, now=utcnow(), article_id=self.article_no,
                new_token=self._pending, alts=alts,
            )  # fmt: skip
        except NotFound:
            self.error = N_("The article no longer exists.")
            return None
        if result.ok:
            self._pending, self.preview, self.notice = "", "", N_("Image saved.")
            await self._reload(actor)
        return None

    @rx.event
    async def remove_image(self):
        """Take the image off the article (and forget a picked one)."""
        actor, refusal = await guard(self, EDIT)
        if refusal is not None:
            return refusal
        self._pending, self.preview = "", ""
        if self.article_no:
            await self._call(editor_media.remove_image, actor)
            self.notice = N_("Image removed.")
        await self._reload(actor)
        return None

    @rx.event
    @matrix_payload(files=[])
    async def upload_pdf(self, files: list[rx.UploadFile]):
        """Check, store and attach PDFs (10 MB each, at most 10 per article)."""
        actor, refusal = await guard(self, EDIT)
        if refusal is not None:
            return refusal
        self.pdf_error = "" if self.article_no else N_("Save the article first.")
        for upload in (files or [])[:10] if self.article_no else []:
            data = await upload.read(MAX_PDF_BYTES + 1)
            if len(data) > MAX_PDF_BYTES:
                self.pdf_error = PDF_TOO_LARGE
                continue
            name = str(getattr(upload, "name", "") or getattr(upload, "filename", "") or "")
            result = await self._call(editor_media.add_attachment, actor, data=data, name=name)
            if result is not None and not result.ok:
                self.pdf_error = result.form_error
        await self._reload(actor)
        return None

    @rx.event
    @matrix_payload(attachment_id=1)
    async def remove_attachment(self, attachment_id: int):
        """Take one attachment off the article."""
        actor, refusal = await guard(self, EDIT)
        if refusal is not None:
            return refusal
        if isinstance(attachment_id, int) and not isinstance(attachment_id, bool):
            await self._call(editor_media.remove_attachment, actor, attachment_id=attachment_id)
        await self._reload(actor)
        return None

    async def _call(self, fn, actor, **kwargs):
        """``fn`` on the opened article; a vanished article or attachment changes nothing."""
        try:
            return await call_service(
                fn, actor=actor, now=utcnow(), article_id=self.article_no, **kwargs
            )
        except NotFound:
            return None
