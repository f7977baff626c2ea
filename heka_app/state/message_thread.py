"""One thread of the household, followed live: ``tick`` runs every second while the page
is open and reloads the thread when its version moved (the version lives in the database,
so it works whichever backend worker staff's reply went through). Opening it, or a new
answer arriving while it is open, marks it read."""

from __future__ import annotations

import reflex as rx

from heka_app.i18n import N_
from heka_app.services.common.clock import utcnow
from heka_app.services.common.results import NotFound
from heka_app.services.messages import threads
from heka_app.services.messages.permissions import SEND
from heka_app.services.messages.reading import open_my_thread
from heka_app.state.browser_actions import ask_browser
from heka_app.state.changed import assign_changed
from heka_app.state.faults import fault_id_param, session_language
from heka_app.state.form_data import form_value
from heka_app.state.forms import FormState
from heka_app.state.guard import guard
from heka_app.state.live_reload import LiveReloadMixin
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.message_uploads import AttachmentsMixin
from heka_app.state.plain_data import as_dict
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState


def _lines(data: dict) -> list[dict]:
    """The lines as lists (dataclasses.asdict keeps tuples; state vars are lists)."""
    return [
        {**line, "photos": list(line["photos"]), "documents": list(line["documents"])}
        for line in data["lines"]
    ]


class MessageThreadState(LiveReloadMixin, AttachmentsMixin, FormState, rx.State):
    """The thread's card, request answers and public lines; the tenant's answer with its
    attachments."""

    card: dict = {}
    answers: list[dict] = []
    lines: list[dict] = []
    decision: str = ""
    saved: str = ""
    # Who has confirmed a request every signatory must confirm (services/.../signatures).
    signing: dict = {}
    _thread_id: int = 0

    @rx.event
    async def load(self):
        """Open the thread named in the URL (guard: messages.send; scoped lookup)."""
        self._thread_id = fault_id_param(self)
        self._clear_messages()
        self._clear_attachments()
        self.saved = ""
        refusal = await self._reload()
        if refusal is not None or self.missing:
            return refusal
        return None

    async def _reload(self):
        actor, refusal = await guard(self, SEND)
        if refusal is not None:
            self.card, self.lines, self.missing = {}, [], False
            return refusal
        try:
            # One call: the page, the thread marked read, confirmations and the badge.
            opened = await call_service(
                open_my_thread,
                actor=actor,
                now=utcnow(),
                language=await session_language(self),
                thread_id=self._thread_id,
            )
        except NotFound:
            self.card, self.lines, self.missing, self.version = {}, [], True, 0
            self.signing = {}
            return None
        detail = opened.detail
        data = as_dict(detail)
        signing = as_dict(opened.signatures)
        signing["signers"] = list(signing["signers"])
        # A repeat visit with nothing new resends nothing (issue 15): every visit sent the
        # whole thread's lines and card again.
        assign_changed(
            self,
            card=data["card"],
            answers=list(data["answers"]),
            lines=_lines(data),
            decision=detail.decision,
            version=detail.version,
            missing=False,
            signing=signing,
        )
        assign_changed(await self.get_state(SessionState), unread_messages=opened.unread_count)
        return None

    def _live_source(self):
        return SEND, threads.thread_version, {"thread_id": self._thread_id}

    @rx.event
    @matrix_payload(form_data={"text": "One more detail"})
    async def reply(self, form_data: dict):
        """The household's answer in the thread with the files picked (guard: messages.send)."""
        actor, refusal = await guard(self, SEND)
        if refusal is not None:
            return refusal
        try:
            result = await self._submit(
                threads.reply,
                actor=actor,
                now=utcnow(),
                thread_id=self._thread_id,
                text=form_value(form_data, "text", 4100),
                tokens=tuple(self._tokens),
            )
        except NotFound:
            self.missing, self.card = True, {}
            return None
        self.saved = N_("Answer sent.") if result.ok else ""
        await self._reload()
        if result.ok:
            self._clear_attachments()
            await ask_browser(self, "reset_form", "reply-form")
        return None
