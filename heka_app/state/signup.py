"""Registration: identify (broker or area-office code), then choose email and password.

The ticket proving identification stays in a backend var (never sent to the browser).
All handlers here are public by design: they are how a not-yet-user gets in, and each
one checks its own proof (OIDC state, code + identity code, or the ticket).
"""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.services.common.clock import utcnow
from heka_app.services.signup import codes as registration_codes
from heka_app.services.signup import registration, strong_identification
from heka_app.services.signup.registration import Identified
from heka_app.settings import get_settings
from heka_app.state.form_data import form_value
from heka_app.state.forms import FormState
from heka_app.state.guard import client_ip
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState


class RegisterState(FormState, rx.State):
    """View vars for the registration pages."""

    identified_name: str = ""
    has_ticket: bool = False
    done: bool = False
    _ticket: str = ""
    _oidc_state_hash: str = ""

    def _callback_uri(self) -> str:
        settings = get_settings()
        if not settings.is_dev:
            return settings.oidc_redirect_uri
        # In dev/test the portal runs on changing ports; the provider still checks the URI.
        host = (self.router.page.host or settings.public_base_url).rstrip("/")
        return f"{host}{routes.REGISTER_CALLBACK}"

    @rx.event
    async def start_strong_identification(self):
        """Send the browser to the identification broker (bank codes / mobile ID)."""
        self._clear_messages()
        try:
            start = await call_service(
                strong_identification.begin, redirect_uri=self._callback_uri(), now=utcnow()
            )
        except Exception:  # noqa: BLE001 - broker down: tell the user, keep the page
            self.error = strong_identification.IDENTIFICATION_FAILED
            return
        # Tie the flow to this tab: a callback URL started elsewhere (login CSRF) is refused.
        self._oidc_state_hash = start.state_hash
        return rx.redirect(start.url)

    @rx.event
    async def finish_strong_identification(self):
        """The broker's callback (on_load): check the result and open the account form."""
        params = self.router.page.params
        expected, self._oidc_state_hash = self._oidc_state_hash, ""
        result = await call_service(
            strong_identification.finish,
            state=str(params.get("state", ""))[:200],
            expected_state_hash=expected,
            code=str(params.get("code", ""))[:500],
            error=str(params.get("error", ""))[:100],
            client_ip=client_ip(self),
            now=utcnow(),
        )
        self._accept(result)
        return rx.redirect(routes.REGISTER_ACCOUNT if result.ticket else routes.REGISTER)

    @rx.event
    @matrix_payload(form_data={"code": "AAAA", "identity_code": "010594Y9032"})
    async def redeem_code(self, form_data: dict):
        """Identify with an area-office code plus the personal identity code."""
        result = await call_service(
            registration_codes.redeem_code,
            code=form_value(form_data, "code", 40),
            identity_code=form_value(form_data, "identity_code", 20),
            client_ip=client_ip(self),
            now=utcnow(),
        )
        self._accept(result)
        if result.ticket:
            return rx.redirect(routes.REGISTER_ACCOUNT)

    def _accept(self, identified: Identified) -> None:
        self._clear_messages()
        self._ticket = identified.ticket
        self.has_ticket = bool(identified.ticket)
        self.identified_name = identified.first_name
        self.error = identified.error
        self.error_params = {"minutes": identified.minutes}
        self.done = False

    @rx.event
    @matrix_payload(form_data={"email": "a@b.example", "password": "x"})
    async def complete(self, form_data: dict):
        """Create the account with email and password; mail the confirmation link."""
        self.busy = True
        yield
        lang = (await self.get_state(SessionState)).lang
        result = await self._submit(
            registration.complete_registration,
            ticket_secret=self._ticket,
            email=form_value(form_data, "email"),
            password=form_value(form_data, "password"),
            password_again=form_value(form_data, "password_again"),
            language=lang,
            client_ip=client_ip(self),
            now=utcnow(),
        )
        if result.ok:
            self._ticket = ""
            self.has_ticket = False
            self.done = True

    @rx.event
    def open_register(self):
        """Fresh form when the page opens (keeps a pending ticket). Public: no data."""
        self.field_errors = {}
        if not self.has_ticket:
            self.done = False
