"""The tenant's fault reports: the form (with photos) and the household's list (one
report's page: state/fault_report.py)."""

from __future__ import annotations

import asyncio
import base64

import reflex as rx

from heka_app import routes
from heka_app.services.common.clock import utcnow
from heka_app.services.faults import photos, tenant
from heka_app.services.faults.form_context import emergency_phone
from heka_app.services.faults.permissions import REPORT
from heka_app.services.faults.reports import MAX_PHOTOS, FaultForm, create_report
from heka_app.services.uploads.images import MAX_BYTES, TOO_LARGE
from heka_app.state.form_data import form_value
from heka_app.state.forms import FormState
from heka_app.state.guard import guard
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.paging import PagingMixin
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState

SAMPLE_FORM = {"submission_id": "matrix-sample-submission", "category": "other"}


def fault_id_param(state: rx.State) -> int:
    """The report id of a ``/.../[report]`` page's URL (0 when it is not a number)."""
    path = str(state.router.url.path or "")
    return _int(path.rstrip("/").rsplit("/", 1)[-1]) or 0


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        number = int(str(value))
    except ValueError:
        return None
    return number if 0 < number < 2**63 else None


async def take_photos(state: rx.State, actor, files: list, *, room: int) -> str:
    """Re-encode uploads into ``state._tokens`` (kept server-side) and ``state.previews``
    (thumbnails as data: URLs), up to ``room`` photos in all; the msgid of the last
    refusal, or "". Shared by the report form and a report's "add photos"."""
    error = ""
    for upload in files[: max(0, room - len(state._tokens))]:
        data = await upload.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            error = TOO_LARGE
            continue
        # Decoding and re-encoding is CPU work: off the event loop.
        stored = await asyncio.to_thread(photos.upload_photo, actor=actor, data=data)
        if stored.error:
            error = stored.error
            continue
        state._tokens.append(stored.token)
        state.previews.append(
            "data:image/jpeg;base64," + base64.b64encode(stored.thumbnail).decode()
        )
    return error


async def session_language(state: rx.State) -> str:
    """The language of the tab's session."""
    return (await state.get_state(SessionState)).lang


class FaultFormState(FormState, rx.State):
    """The new-report form: urgent first, then what and where, photos, submit once."""

    emergency_phone: str = ""
    previews: list[str] = []  # data: URLs of the thumbnails (the tokens stay server-side)
    _tokens: list[str] = []
    photo_error: str = ""
    progress: int = 0
    number: str = ""
    report_link: str = ""
    loaded: bool = False

    @rx.event
    async def load(self):
        """Open an empty form (guard: faults.report)."""
        actor, refusal = await guard(self, REPORT)
        if refusal is not None or self.number:
            self.reset()  # a new form after a sent one; photos stay over a reload
        if refusal is not None:
            return refusal
        self._clear_messages()
        self.photo_error, self.progress = "", 0
        self.emergency_phone = await call_service(emergency_phone, actor=actor)
        self.loaded = True  # the form mounts and restores its draft (components/fault_draft.py)

    @rx.event
    @matrix_payload(files=[])
    async def upload_photos(self, files: list[rx.UploadFile]):
        """Re-encode and keep up to five photos (guard: faults.report)."""
        actor, refusal = await guard(self, REPORT)
        if refusal is not None:
            return refusal
        self.photo_error = await take_photos(self, actor, files, room=MAX_PHOTOS)
        self.progress = 0

    @rx.event
    @matrix_payload(progress={"progress": 0.5})
    def upload_progress(self, progress: dict):
        """Show how far the upload is. Public: sets one number on the caller's own view."""
        value = progress.get("progress", 0) if isinstance(progress, dict) else 0
        self.progress = int(max(0, min(1, float(value or 0))) * 100)

    @rx.event
    @matrix_payload(index=0)
    async def remove_photo(self, index: int):
        """Drop a photo from the form (guard: faults.report)."""
        _, refusal = await guard(self, REPORT)
        if refusal is not None:
            return refusal
        if isinstance(index, int) and 0 <= index < len(self._tokens):
            self._tokens.pop(index)
            self.previews.pop(index)

    @rx.event
    @matrix_payload(form_data=SAMPLE_FORM)
    async def submit(self, form_data: dict):
        """Send the report once per submission id (guard: faults.report)."""
        actor, refusal = await guard(self, REPORT)
        if refusal is not None:
            return refusal
        form = FaultForm(
            urgent=form_value(form_data, "urgent", 5) == "yes",
            category=form_value(form_data, "category", 40),
            location=form_value(form_data, "location", 40),
            description=form_value(form_data, "description", 4100),
            permission_to_enter=form_value(form_data, "enter", 5) == "yes",
            reachable_at=form_value(form_data, "reachable_at", 300),
            pets=form_value(form_data, "pets", 300),
            contact_phone=form_value(form_data, "contact_phone", 60),
            photo_tokens=tuple(self._tokens),
            notify_by_email=form_value(form_data, "notify", 5) in {"on", "true", "yes"},
        )
        result = await call_service(
            create_report,
            actor=actor,
            now=utcnow(),
            submission_id=form_value(form_data, "submission_id", 80),
            form=form,
        )
        self.error, self.error_params = result.form_error, dict(result.params)
        self.field_errors = dict(result.field_errors)
        if result.ok and result.report_id is not None:
            self.number = result.number
            self.report_link = routes.fault_detail(result.report_id)
            self._tokens, self.previews = [], []  # the confirmation clears the draft


class FaultListState(PagingMixin, rx.State):
    """The household's reports, newest first, a page at a time."""

    @rx.event
    async def load(self):
        """The first page (guard: faults.report)."""
        return await self._show(1)

    async def _show(self, page: int):
        _, _, refusal = await self._load_page(REPORT, tenant.list_my_reports, page)
        return refusal
