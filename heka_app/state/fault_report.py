"""One fault report of the household, followed live: ``tick`` runs every second while
the page is open and reloads the report when its version moved (the version lives in the
database, so it works whichever backend worker the staff member's change went through)."""

from __future__ import annotations

import reflex as rx

from heka_app.i18n import N_
from heka_app.services.common.clock import utcnow
from heka_app.services.common.results import NotFound
from heka_app.services.faults import tenant
from heka_app.services.faults.permissions import REPORT
from heka_app.services.faults.reports import MAX_PHOTOS
from heka_app.state.browser_actions import ask_browser
from heka_app.state.changed import assign_changed
from heka_app.state.faults import fault_id_param, session_language, take_photos
from heka_app.state.form_data import form_value
from heka_app.state.forms import FormState
from heka_app.state.guard import guard
from heka_app.state.live_reload import LiveReloadMixin
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.plain_data import as_dict
from heka_app.state.service_calls import call_service


class FaultDetailState(LiveReloadMixin, FormState, rx.State):
    """One report of the household; ``tick`` (every second while open) reloads it when its
    version moved, so a status change or comment appears without a reload."""

    detail: dict = {}  # the report's own fields (flat)
    card: dict = {}
    timeline: list[dict] = []
    photos: list[str] = []
    next_statuses: list[str] = []
    saved: str = ""
    previews: list[str] = []  # photos to add with the next comment (thumbnails)
    photo_error: str = ""
    _tokens: list[str] = []
    _fault_id: int = 0

    def _show_detail(self, detail) -> None:
        data = as_dict(detail)
        assign_changed(  # the live page reloads often: send only what moved
            self,
            card=data.pop("card"),
            timeline=data.pop("timeline"),
            photos=data.pop("photos"),
            next_statuses=data.pop("next_statuses"),
            detail=data,
        )

    @rx.event
    async def load(self):
        """Open the report named in the URL (guard: faults.report; scoped lookup)."""
        self._fault_id = fault_id_param(self)
        return await self._reload(clear=True)

    async def _reload(self, clear: bool = False):
        actor, refusal = await guard(self, REPORT)
        if refusal is not None:
            self.detail, self.missing = {}, False
            return refusal
        if clear:
            self._clear_messages()
            self.saved = ""
        try:
            detail = await call_service(
                tenant.my_report,
                actor=actor,
                now=utcnow(),
                language=await session_language(self),
                fault_id=self._fault_id,
            )
        except NotFound:
            self.detail, self.missing, self.version = {}, True, 0
            return None
        self._show_detail(detail)
        self.missing, self.version = False, detail.version
        return None

    def _live_source(self):
        return REPORT, tenant.report_version, {"fault_id": self._fault_id}

    @rx.event
    @matrix_payload(files=[])
    async def upload_more(self, files: list[rx.UploadFile]):
        """Photos to add to the report with the next comment (guard: faults.report)."""
        actor, refusal = await guard(self, REPORT)
        if refusal is not None:
            return refusal
        room = MAX_PHOTOS - len(self.photos)
        self.photo_error = await take_photos(self, actor, files, room=room)
        return None

    @rx.event
    @matrix_payload(form_data={"comment": "More water on the floor"})
    async def add_comment(self, form_data: dict):
        """The tenant's addition: a comment and/or the photos taken (guard: faults.report)."""
        result = await self._act(
            tenant.add_comment,
            text=form_value(form_data, "comment", 2100),
            photo_tokens=tuple(self._tokens),
            ok=N_("Comment added."),
        )
        if self.saved:
            self._tokens, self.previews, self.photo_error = [], [], ""
        return result

    @rx.event
    @matrix_payload(form_data={"reason": "Fixed it myself"})
    async def cancel(self, form_data: dict):
        """Cancel before work starts (guard: faults.report)."""
        reason = form_value(form_data, "reason", 2100)
        return await self._act(tenant.cancel_report, reason=reason, ok=N_("Report cancelled."))

    @rx.event
    @matrix_payload(form_data={"fixed": "yes", "feedback": ""})
    async def feedback(self, form_data: dict):
        """ "Was it fixed?" (guard: faults.report)."""
        fixed = form_value(form_data, "fixed", 5) == "yes"
        text = form_value(form_data, "feedback", 1100)
        return await self._act(
            tenant.give_feedback, fixed=fixed, text=text, ok=N_("Thank you for your feedback.")
        )

    async def _act(self, fn, ok: str, **kwargs):
        actor, refusal = await guard(self, REPORT)
        if refusal is not None:
            return refusal
        try:
            result = await self._submit(
                fn, actor=actor, now=utcnow(), fault_id=self._fault_id, **kwargs
            )
        except NotFound:
            self.missing, self.detail = True, {}
            return None
        self.saved = ok if result.ok else ""
        await self._reload()
        if result.ok:  # the addition is on the timeline now: empty its field
            await ask_browser(self, "reset_form", "comment-form")
        return None
