"""The admin's page that assigns area-office handlers to area offices
(/staff/area-offices): one small form a handler, the offices as checkboxes named
``office-<id>``. The handler and the offices are checked again by the service."""

from __future__ import annotations

import reflex as rx

from heka_app.i18n import N_
from heka_app.services.common.clock import utcnow
from heka_app.services.common.results import NotFound
from heka_app.services.staff.area_offices import office_board, set_offices
from heka_app.services.staff.permissions import ASSIGN_OFFICES
from heka_app.state.form_data import form_value
from heka_app.state.forms import FormState
from heka_app.state.guard import guard
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.service_calls import call_service

NOT_A_HANDLER = N_("That staff member is no longer an area-office handler. The list is updated.")
OFFICES_SAVED = N_("Offices saved for {name}.")
PREFIX = "office-"


def office_ids(form_data: object) -> list[int]:
    """The ticked offices of a submitted form (junk names are passed on as -1, so the
    service refuses the whole form rather than silently dropping a choice)."""
    if not isinstance(form_data, dict):
        return []
    ticked = [k[len(PREFIX) :] for k, v in form_data.items() if str(k).startswith(PREFIX) and v]
    return [int(i) if i.isdigit() and len(i) < 19 else -1 for i in ticked]


class StaffOfficesState(FormState, rx.State):
    """Every active area-office handler with their offices; the offices to choose."""

    offices: list[dict] = []  # {"id": str, "code", "name"}
    handlers: list[dict] = []  # {"id": str, "name", "email", "office_ids": list[str]}
    allowed: bool = False
    saved: str = ""
    saved_params: dict[str, str] = {}
    saved_for: str = ""

    @rx.event
    async def load(self):
        """The board (guard: staff.assign_offices)."""
        self.reset()
        return await self._reload()

    async def _reload(self):
        actor, refusal = await guard(self, ASSIGN_OFFICES)
        self.allowed = refusal is None
        if refusal is not None:
            self.offices, self.handlers = [], []
            return refusal
        board = await call_service(office_board, actor=actor)
        self.offices = [{"id": str(o.id), "code": o.code, "name": o.name} for o in board.offices]
        self.handlers = [
            {
                "id": str(h.account_id),
                "name": h.name or h.email,
                "email": h.email,
                "office_ids": [str(i) for i in h.office_ids],
            }
            for h in board.handlers
        ]
        return None

    @rx.event
    @matrix_payload(form_data={"account_id": "1", "office-1": "on"})
    async def save(self, form_data: dict):
        """Set the offices of one handler (guard: staff.assign_offices)."""
        actor, refusal = await guard(self, ASSIGN_OFFICES)
        if refusal is not None:
            return refusal
        raw_id = form_value(form_data, "account_id", 20)
        self.saved, self.saved_for = "", raw_id
        try:
            result = await self._submit(
                set_offices,
                actor=actor,
                now=utcnow(),
                account_id=int(raw_id) if raw_id.isdigit() else 0,
                office_ids=office_ids(form_data),
            )
        except NotFound:
            self.error, self.error_params = NOT_A_HANDLER, {}
            return await self._reload()
        if result.ok:
            name = next((h["name"] for h in self.handlers if h["id"] == raw_id), "")
            self.saved, self.saved_params = OFFICES_SAVED, {"name": name}
        return await self._reload()
