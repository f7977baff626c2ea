"""A thread's handling page for staff (the inbox: state/staff_inbox.py). Internal notes are
loaded here only, never by the tenant's states; rent monitoring sees the lease's rent
beside a rent thread."""

from __future__ import annotations

import dataclasses

import reflex as rx

from heka_app.i18n import N_
from heka_app.services.auth.authorization import authorize
from heka_app.services.common.clock import utcnow
from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.messages import inbox, payment_plans, statuses, templates
from heka_app.services.messages.permissions import HANDLE, PAYMENT_PLAN
from heka_app.services.messages.routing import RENT_TOPICS
from heka_app.services.rent.overview import rent_overview
from heka_app.state.browser_actions import ask_browser
from heka_app.state.faults import fault_id_param, session_language
from heka_app.state.form_data import form_value
from heka_app.state.forms import FormState
from heka_app.state.guard import guard
from heka_app.state.live_reload import LiveReloadMixin
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.message_thread import _lines
from heka_app.state.service_calls import call_service
from heka_app.state.staff_inbox import key_label_rows


class StaffThreadState(LiveReloadMixin, FormState, rx.State):
    """One thread with its notes: assign, reply or note, status, templates, payment plan."""

    card: dict = {}
    answers: list[dict] = []
    lines: list[dict] = []
    decision: str = ""
    assigned_to_me: bool = False
    next_statuses: list[dict] = []
    answer_templates: list[dict] = key_label_rows((k, v[0]) for k, v in templates.TEMPLATES.items())
    draft: str = ""
    is_rent: bool = False
    may_plan: bool = False
    rent: dict = {}
    saved: str = ""
    _thread_id: int = 0

    @rx.event
    async def load(self):
        """The thread named in the URL (guard: messages.handle; scoped lookup)."""
        self._thread_id = fault_id_param(self)
        self._clear_messages()
        self.saved, self.draft = "", ""
        return await self._reload()

    async def _reload(self):
        actor, refusal = await guard(self, HANDLE)
        if refusal is not None:
            self.card, self.lines, self.missing = {}, [], False
            return refusal
        language = await session_language(self)
        try:
            detail = await call_service(
                inbox.staff_thread,
                actor=actor,
                now=utcnow(),
                language=language,
                thread_id=self._thread_id,
            )
        except NotFound:
            self.card, self.lines, self.missing = {}, [], True
            return None
        data = dataclasses.asdict(detail)
        self.card, self.answers, self.lines = data["card"], list(data["answers"]), _lines(data)
        self.decision, self.version, self.missing = detail.decision, detail.version, False
        self.assigned_to_me = detail.assigned_to_id == actor.account_id
        nexts = statuses.NEXT.get(detail.card.status, ())
        self.next_statuses = key_label_rows((s, statuses.STATUS_LABELS[s]) for s in nexts)
        self.is_rent = detail.topic in RENT_TOPICS
        self.may_plan = self.is_rent and authorize(actor, PAYMENT_PLAN).allowed
        self.rent = await self._rent(actor, language, detail.lease_id) if self.is_rent else {}
        return None

    async def _rent(self, actor, language: str, lease_id: int) -> dict:
        try:
            overview = await call_service(
                rent_overview, actor=actor, now=utcnow(), language=language, lease_id=lease_id
            )
        except (NotAllowed, NotFound):
            return {}
        return {
            "sentence": overview.sentence,
            "balance": overview.balance,
            "overdue_total": overview.overdue_total,
            "contract": overview.contract_number,
            "plan": overview.payment_plan,
        }

    def _live_source(self):
        return HANDLE, inbox.staff_thread_version, {"thread_id": self._thread_id}

    async def _act(self, fn, ok: str, **kwargs):
        actor, refusal = await guard(self, HANDLE)
        if refusal is not None:
            return refusal
        try:
            result = await self._submit(
                fn, actor=actor, now=utcnow(), thread_id=self._thread_id, **kwargs
            )
        except NotFound:
            self.missing, self.card = True, {}
            return None
        ok_now = result is None or getattr(result, "ok", False)
        self.saved = ok if ok_now else ""
        await self._reload()
        return None

    @rx.event
    async def assign_to_me(self):
        """Take the thread (guard: messages.handle)."""
        return await self._act(inbox.assign_to_me, ok=N_("Assigned to you."))

    @rx.event
    @matrix_payload(form_data={"text": "We will look into it.", "internal": ""})
    async def reply(self, form_data: dict):
        """A public reply, or with ``internal`` an internal note (guard: messages.handle)."""
        internal = form_value(form_data, "internal", 5) in {"on", "true", "yes"}
        done = N_("Internal note saved.") if internal else N_("Reply sent.")
        text = form_value(form_data, "text", 4100)
        result = await self._act(inbox.staff_reply, ok=done, text=text, internal=internal)
        if self.saved:
            self.draft = ""
            await ask_browser(self, "reset_form", "staff-reply-form")
        return result

    @rx.event
    @matrix_payload(form_data={"status": "done", "text": ""})
    async def change_status(self, form_data: dict):
        """Move the thread on with a decision or reason (guard: messages.handle)."""
        return await self._act(
            inbox.change_status,
            ok=N_("Status changed."),
            status=form_value(form_data, "status", 16),
            text=form_value(form_data, "text", 2100),
        )

    @rx.event
    @matrix_payload(key="received")
    async def use_template(self, key: str):
        """Put a template in the tenant's language into the reply box (guard: messages.handle)."""
        actor, refusal = await guard(self, HANDLE)
        if refusal is not None:
            return refusal
        try:
            self.draft = await call_service(
                templates.template_text,
                actor=actor,
                thread_id=self._thread_id,
                key=key if isinstance(key, str) else "",
            )
        except NotFound:
            self.missing = True
        return None

    @rx.event
    @matrix_payload(form_data={"due_1": "", "amount_1": ""})
    async def record_plan(self, form_data: dict):
        """Record the agreed payment plan (guard: messages.payment_plan)."""
        actor, refusal = await guard(self, PAYMENT_PLAN)
        if refusal is not None:
            return refusal
        rows = [
            payment_plans.Instalment(
                form_value(form_data, f"due_{n}", 20), form_value(form_data, f"amount_{n}", 20)
            )
            for n in range(1, 7)
        ]
        return await self._act(
            payment_plans.record_plan,
            ok=N_("Payment plan saved."),
            language=await session_language(self),
            rows=rows,
        )
