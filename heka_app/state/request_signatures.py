"""A signatory's confirmation or withdrawal of a request every signatory must confirm
(a notice of termination), on its thread's page. Confirming asks for the password again:
signing in again, throttled like a login. The panel itself is loaded with the thread
(MessageThreadState.signing), so the others' confirmations show up live."""

from __future__ import annotations

import reflex as rx

from heka_app.i18n import N_
from heka_app.services.common.clock import utcnow
from heka_app.services.common.results import NotFound
from heka_app.services.household.permissions import TERMINATE
from heka_app.services.service_requests import signatures
from heka_app.state.browser_actions import ask_browser
from heka_app.state.form_data import form_value
from heka_app.state.forms import FormState
from heka_app.state.guard import client_ip, guard
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.message_thread import MessageThreadState


class RequestSignatureState(FormState, rx.State):
    """The confirm form's messages; what happened last (``done``, a msgid)."""

    done: str = ""

    async def _act(self, fn, ok: str, **kwargs):
        thread = await self.get_state(MessageThreadState)
        try:
            result = await self._submit(fn, now=utcnow(), thread_id=thread._thread_id, **kwargs)
        except NotFound:
            thread.missing, thread.card = True, {}
            return None
        self.done = ok if result.ok else ""
        await thread._reload()
        if result.ok:
            await ask_browser(self, "reset_form", "confirm-form")
        return None

    @rx.event
    @matrix_payload(form_data={"password": "not the password"})
    async def confirm(self, form_data: dict):
        """Confirm the thread's request as a signatory (guard: household.terminate)."""
        actor, refusal = await guard(self, TERMINATE)
        if refusal is not None:
            return refusal
        return await self._act(
            signatures.confirm,
            N_("You have confirmed the notice."),
            actor=actor,
            password=form_value(form_data, "password", 256),
            client_ip=client_ip(self),
        )

    @rx.event
    async def withdraw(self):
        """Withdraw the waiting request as a signatory (guard: household.terminate)."""
        actor, refusal = await guard(self, TERMINATE)
        if refusal is not None:
            return refusal
        return await self._act(signatures.withdraw, N_("The notice was withdrawn."), actor=actor)
