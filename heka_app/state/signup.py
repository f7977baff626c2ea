"""Registration: identify (broker or area-office code), then choose email and password.

The ticket proving identification stays in a backend var (never sent to the browser).
All handlers here are public by design: they are how a not-yet-user gets in, and each
one checks its own proof (OIDC state, code + identity code, or the ticket).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import reflex as rx

from heka_app import routes
from heka_app.services.common.clock import utcnow
from heka_app.services.common.secrets import hash_secret
from heka_app.services.signup import codes as registration_codes
from heka_app.services.signup import registration, strong_identification
from heka_app.settings import get_settings
from heka_app.state.form_data import form_value
from heka_app.state.guard import client_ip
from heka_app.state.outbox import MAIL_FAILED, send_mails
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState


class RegisterState(rx.State):
    """View vars for the registration pages."""

    error: str = ""
    error_minutes: int = 0
    field_errors: dict[str, str] = {}
    identified_name: str = ""
    has_ticket: bool = False
    done: bool = False
    busy: bool = False
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
        self.error = ""
        try:
            url = await call_service(
                strong_identification.begin, redirect_uri=self._callback_uri(), now=utcnow()
            )
        except Exception:  # noqa: BLE001 - broker down: tell the user, keep the page
            self.error = strong_identification.IDENTIFICATION_FAILED
            return
        # Tie the flow to this tab: a callback URL started elsewhere (login CSRF) is refused.
        state = parse_qs(urlparse(url).query).get("state", [""])[0]
        self._oidc_state_hash = hash_secret(state)
        return rx.redirect(url)

    @rx.event
    async def finish_strong_identification(self):
        """The broker's callback (on_load): check the result and open the account form."""
        params = self.router.page.params
        returned_state = str(params.get("state", ""))[:200]
        expected, self._oidc_state_hash = self._oidc_state_hash, ""
        if not expected or hash_secret(returned_state) != expected:
            self._accept("", "", strong_identification.IDENTIFICATION_FAILED)
            return rx.redirect(routes.REGISTER)
        result = await call_service(
            strong_identification.finish,
            state=returned_state,
            code=str(params.get("code", ""))[:500],
            error=str(params.get("error", ""))[:100],
            client_ip=client_ip(self),
            now=utcnow(),
        )
        self._accept(result.ticket, result.first_name, result.error)
        return rx.redirect(routes.REGISTER_ACCOUNT if result.ticket else routes.REGISTER)

    @rx.event
    async def redeem_code(self, form_data: dict):
        """Identify with an area-office code plus the personal identity code."""
        person_id, error, minutes = await call_service(
            registration_codes.redeem_code,
            code=form_value(form_data, "code", 40),
            identity_code=form_value(form_data, "identity_code", 20),
            client_ip=client_ip(self),
            now=utcnow(),
            allow_test_codes=get_settings().allow_test_identity_codes,
        )
        ticket = ""
        if person_id is not None:
            ticket = await call_service(
                registration.issue_ticket, person_id=person_id, method="office", now=utcnow()
            )
        self._accept(ticket, "", error, minutes)
        if ticket:
            return rx.redirect(routes.REGISTER_ACCOUNT)

    def _accept(self, ticket: str, name: str, error: str, minutes: int = 0) -> None:
        self._ticket = ticket
        self.has_ticket = bool(ticket)
        self.identified_name = name
        self.error = error
        self.error_minutes = minutes
        self.field_errors = {}
        self.done = False

    @rx.event
    async def complete(self, form_data: dict):
        """Create the account with email and password; mail the confirmation link."""
        if self.busy:
            return
        self.busy = True
        yield
        lang = (await self.get_state(SessionState)).lang
        try:
            outcome = await call_service(
                registration.complete_registration,
                ticket_secret=self._ticket,
                email=form_value(form_data, "email"),
                password=form_value(form_data, "password"),
                password_again=form_value(form_data, "password_again"),
                language=lang,
                client_ip=client_ip(self),
                now=utcnow(),
            )
        finally:
            self.busy = False
        self.error = outcome.errors.get("form", "")
        if outcome.ok and not await send_mails([outcome.mail]):
            # The account exists; "Forgot password" also confirms the address later.
            self.error = MAIL_FAILED
        self.field_errors = {k: v for k, v in outcome.errors.items() if k != "form"}
        if outcome.ok:
            self._ticket = ""
            self.has_ticket = False
            self.done = True

    @rx.event
    def open_register(self):
        """Fresh form when the page opens (keeps a pending ticket). Public: no data."""
        self.field_errors = {}
        if not self.has_ticket:
            self.done = False
