"""Staff area: the landing and area-office registration codes."""

from __future__ import annotations

import dataclasses

import reflex as rx

from heka_app import routes
from heka_app.i18n import LANGUAGES
from heka_app.services.auth.navigation import staff_tools_for
from heka_app.services.common.clock import utcnow
from heka_app.services.signup import codes as registration_codes
from heka_app.services.signup.permissions import ISSUE_CODES
from heka_app.services.staff.permissions import AREA
from heka_app.state.form_data import form_value
from heka_app.state.guard import guard
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState


class StaffState(rx.State):
    """Staff landing."""

    allowed: bool = False
    tools: list[dict[str, str]] = []

    @rx.event
    async def load(self):
        """Open the staff area with the tools of the actor's role (guard: staff.area)."""
        actor, refusal = await guard(self, AREA)
        self.allowed = actor is not None
        self.tools = staff_tools_for(actor) if actor is not None else []
        return refusal


class RegistrationCodeState(rx.State):
    """Find a person after an ID check and issue a one-time registration code."""

    query: str = ""
    matches: list[dict] = []
    searched: bool = False
    issued_code: str = ""
    issued_for: str = ""
    issued_expires: dict[str, str] = {}
    refused: str = ""  # msgid: why no code was issued
    slip_language: str = "fi"  # the printed slip's language: the resident's, picked by staff
    allowed: bool = False

    @rx.event
    async def open(self):
        """Open the page: a fresh view, the tool only for roles that issue codes (guard:
        staff.registration_codes); other staff go back to their staff area."""
        self.reset()
        _, refusal = await guard(self, ISSUE_CODES)
        self.allowed = refusal is None
        if refusal is not None:
            return [*refusal, rx.redirect(routes.STAFF)] if await self._is_staff() else refusal

    async def _is_staff(self) -> bool:
        return (await self.get_state(SessionState)).is_staff

    @rx.event
    @matrix_payload(form_data={"query": "Testinen"})
    async def search(self, form_data: dict):
        """Search the register (guard: staff.registration_codes)."""
        actor, refusal = await guard(self, ISSUE_CODES)
        if refusal is not None:
            return refusal
        self.query = form_value(form_data, "query", 80)
        found = await call_service(
            registration_codes.find_people, actor=actor, query=self.query, now=utcnow()
        )
        self.matches = [dataclasses.asdict(m) for m in found]
        self.searched = True
        self.issued_code, self.refused = "", ""

    @rx.event
    @matrix_payload(person_id=1)
    async def issue(self, person_id: int):
        """Issue a code for the person (guard: staff.registration_codes)."""
        actor, refusal = await guard(self, ISSUE_CODES)
        if refusal is not None:
            return refusal
        if not isinstance(person_id, int) or isinstance(person_id, bool):
            return
        if not 0 < person_id < 2**63:  # a database integer; larger would overflow
            return
        try:
            issued = await call_service(
                registration_codes.issue_code, actor=actor, person_id=person_id, now=utcnow()
            )
        except LookupError:
            return
        self.issued_code = issued.code
        self.issued_for = issued.person_name
        self.issued_expires = issued.expires
        self.refused = issued.refused
        self.slip_language = (await self.get_state(SessionState)).lang

    @rx.event
    @matrix_payload(language="sv")
    async def set_slip_language(self, language: str | list[str]):
        """Print the slip in the resident's language (guard: staff.registration_codes)."""
        _, refusal = await guard(self, ISSUE_CODES)
        if refusal is not None:
            return refusal
        if isinstance(language, str) and language in LANGUAGES:
            self.slip_language = language

    @rx.event
    def clear(self):
        """Forget the shown code (it is shown once). Public: clears own view only."""
        self.reset()
