"""Email confirmation, forgotten password and password reset from one-time links.

Public handlers by design: each is authorized by its own signed, single-use token or,
for the reset request, reveals nothing (same answer for every address).
"""

from __future__ import annotations

import reflex as rx

from heka_app.services import account_security, registration
from heka_app.services.clock import utcnow
from heka_app.state.form_data import form_value
from heka_app.state.guard import client_ip
from heka_app.state.outbox import send_in_background, send_mails
from heka_app.state.service_calls import call_service


class CredentialsState(rx.State):
    """View vars of the link-driven pages."""

    error: str = ""
    field_errors: dict[str, str] = {}
    done: bool = False
    busy: bool = False

    def _token(self) -> str:
        return str(self.router.page.params.get("token", ""))[:2000]

    @rx.event
    async def confirm_email(self):
        """On load of the confirmation link: confirm the address (or apply the change)."""
        outcome = await call_service(registration.confirm_email, token=self._token(), now=utcnow())
        self.done = outcome.ok
        self.error = outcome.errors.get("form", "")

    @rx.event
    def open_form(self):
        """Fresh form when a page opens. Public: no data."""
        self.error, self.field_errors, self.done, self.busy = "", {}, False, False

    @rx.event
    async def request_reset(self, form_data: dict):
        """Mail a reset link if the address has an account; the answer is the same anyway."""
        outcome = await call_service(
            account_security.request_password_reset,
            email=form_value(form_data, "email"),
            now=utcnow(),
            client_ip=client_ip(self),
        )
        send_in_background([outcome.mail])
        self.done = True
        self.error = ""

    @rx.event
    async def reset_password(self, form_data: dict):
        """Set a new password from the reset link."""
        if self.busy:
            return
        self.busy = True
        yield
        try:
            outcome = await call_service(
                account_security.reset_password,
                token=self._token(),
                new_password=form_value(form_data, "password"),
                again=form_value(form_data, "password_again"),
                now=utcnow(),
            )
        finally:
            self.busy = False
        self.error = outcome.errors.get("form", "")
        self.field_errors = {k: v for k, v in outcome.errors.items() if k != "form"}
        self.done = outcome.ok
        if outcome.ok:
            await send_mails([outcome.mail])
