"""The maintenance queue and a report's handling page (staff: maintenance, customer
service, admin). Internal notes are loaded here only, never by the tenant's states."""

from __future__ import annotations

import dataclasses

import reflex as rx

from heka_app.i18n import N_
from heka_app.services.common.clock import utcnow
from heka_app.services.common.results import NotFound
from heka_app.services.faults import handling
from heka_app.services.faults.handling import QueueFilter
from heka_app.services.faults.permissions import HANDLE
from heka_app.services.faults.queue_options import filter_options
from heka_app.services.faults.transitions import STATUS_LABELS
from heka_app.state.browser_actions import ask_browser
from heka_app.state.faults import fault_id_param, session_language
from heka_app.state.form_data import form_value
from heka_app.state.forms import FormState
from heka_app.state.guard import guard
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.service_calls import call_service


def _id(value: str) -> int | None:
    return int(value) if value.isdigit() and 0 < len(value) < 19 else None


class FaultQueueState(rx.State):
    """The filtered queue with its counts."""

    cards: list[dict] = []
    total: int = 0
    overdue: int = 0
    urgent: int = 0
    by_status: list[dict] = []  # {"status", "label" (msgid), "n"}
    offices: list[dict[str, str]] = []
    properties: list[dict[str, str]] = []
    loaded: bool = False

    @rx.event
    async def load(self):
        """Open reports, urgent and oldest first (guard: faults.handle)."""
        return await self._show(QueueFilter(), options=True)

    @rx.event
    @matrix_payload(form_data={"status": "", "category": "", "age": "14"})
    async def apply_filters(self, form_data: dict):
        """Filter the queue (guard: faults.handle)."""
        age = form_value(form_data, "age", 4)
        filters = QueueFilter(
            area_office_id=_id(form_value(form_data, "office", 20)),
            property_id=_id(form_value(form_data, "property", 20)),
            status=form_value(form_data, "status", 16),
            category=form_value(form_data, "category", 32),
            urgent_only=form_value(form_data, "urgent", 5) in {"on", "true"},
            min_age_days=int(age) if age.isdigit() else 0,
            open_only=form_value(form_data, "closed", 5) not in {"on", "true"},
        )
        return await self._show(filters)

    async def _show(self, filters: QueueFilter, options: bool = False):
        actor, refusal = await guard(self, HANDLE)
        if refusal is not None:
            self.reset()
            return refusal
        queue = await call_service(
            handling.fault_queue,
            actor=actor,
            now=utcnow(),
            language=await session_language(self),
            filters=filters,
        )
        if options:
            found = await call_service(filter_options, actor=actor)
            self.offices, self.properties = found["offices"], found["properties"]
        self.cards = [dataclasses.asdict(c) for c in queue.cards]
        self.total, self.overdue, self.urgent = queue.total, queue.overdue, queue.urgent
        self.by_status = [
            {"status": key, "label": label, "n": queue.by_status[key]}
            for key, label in STATUS_LABELS.items()
            if key in queue.by_status
        ]
        self.loaded = True
        return None


class StaffFaultState(FormState, rx.State):
    """One report for maintenance: details, photos, full timeline, handling form."""

    detail: dict = {}  # the report's own fields (flat)
    card: dict = {}
    timeline: list[dict] = []
    photos: list[str] = []
    next_statuses: list[str] = []
    handlers: list[dict[str, str]] = []
    missing: bool = False
    saved: bool = False
    _fault_id: int = 0

    def _show_detail(self, detail) -> None:
        data = dataclasses.asdict(detail)
        self.card = data.pop("card")
        self.timeline = data.pop("timeline")
        self.photos = data.pop("photos")
        self.next_statuses = data.pop("next_statuses")
        self.detail = data

    @rx.event
    async def load(self):
        """Open the report named in the URL (guard: faults.handle)."""
        self._fault_id = fault_id_param(self)
        self._clear_messages()
        self.saved = False
        return await self._reload()

    async def _reload(self):
        actor, refusal = await guard(self, HANDLE)
        if refusal is not None:
            self.detail, self.handlers = {}, []
            return refusal
        try:
            detail = await call_service(
                handling.staff_report,
                actor=actor,
                now=utcnow(),
                language=await session_language(self),
                fault_id=self._fault_id,
            )
        except NotFound:
            self.detail, self.missing = {}, True
            return None
        self._show_detail(detail)
        self.missing = False
        self.handlers = await call_service(handling.handlers, actor=actor)
        return None

    @rx.event
    @matrix_payload(form_data={"status": "in_progress", "comment": "On the way", "note": ""})
    async def handle(self, form_data: dict):
        """Assign / change status / comment / note (guard: faults.handle)."""
        actor, refusal = await guard(self, HANDLE)
        if refusal is not None:
            return refusal
        self.busy = True
        try:
            result = await self._submit(
                handling.handle_report,
                actor=actor,
                now=utcnow(),
                fault_id=self._fault_id,
                new_status=form_value(form_data, "status", 16),
                comment=form_value(form_data, "comment", 2100),
                note=form_value(form_data, "note", 2100),
                assign_to_id=_id(form_value(form_data, "assign_to", 20)),
            )
        except NotFound:
            self.detail, self.missing = {}, True
            return None
        self.saved = result.ok
        await self._reload()
        if result.ok:
            await ask_browser(self, "reset_form", "handle-form")  # the next action starts empty
        return None


SAVED = N_("Saved. The tenant sees the status and public comment.")
