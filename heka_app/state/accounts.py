"""The own account: the account page (password and email changes) and the pages behind
one-time links (email confirmation, forgotten password, password reset).

The link handlers are public by design: each is authorized by its own signed, single-use
token or, for the reset request, reveals nothing (same answer for every address).
"""

from __future__ import annotations

import reflex as rx

from heka_app.services.accounts import credentials
from heka_app.services.accounts.own_account import own_account
from heka_app.services.accounts.permissions import CHANGE_EMAIL, CHANGE_PASSWORD, VIEW
from heka_app.services.common.clock import utcnow
from heka_app.services.signup import registration
from heka_app.state.browser_actions import ask_browser
from heka_app.state.form_data import form_value
from heka_app.state.forms import ENTER_EMAIL, FormState
from heka_app.state.guard import client_ip, guard
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.password_hint import PasswordHintState
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState

PASSWORD_FORM_ID = "password-form"  # noqa: S105 - an element id, not a secret
EMAIL_FORM_ID = "email-form"


class AccountState(rx.State):
    """View vars of the account page: two forms, each with its messages (msgids)."""

    email: str = ""
    password_errors: dict[str, str] = {}
    password_params: dict[str, int | str] = {}
    password_changed: bool = False
    email_errors: dict[str, str] = {}
    email_params: dict[str, int | str] = {}
    email_change_sent: bool = False

    def _clear_form_messages(self) -> None:
        """Forget both forms' messages (e.g. after the connection came back)."""
        self.password_errors, self.password_params, self.password_changed = {}, {}, False
        self.email_errors, self.email_params, self.email_change_sent = {}, {}, False

    @rx.event
    async def load(self):
        """Show the own account (guard: account.view)."""
        actor, refusal = await guard(self, VIEW)
        if refusal is not None:
            self.reset()
            return refusal
        view = await call_service(own_account, actor=actor)
        self.reset()
        self.email = view.email

    @rx.event
    @matrix_payload(form_data={"current": "wrong", "password": "x"})
    async def change_password(self, form_data: dict):
        """Change the password; other sessions end (guard: account.change_password)."""
        actor, refusal = await guard(self, CHANGE_PASSWORD)
        if refusal is not None:
            return refusal
        session_state = await self.get_state(SessionState)
        result = await call_service(
            credentials.change_password,
            actor=actor,
            current=form_value(form_data, "current"),
            new_password=form_value(form_data, "password"),
            again=form_value(form_data, "password_again"),
            keep_secret=session_state._session_secret(),
            now=utcnow(),
            client_ip=client_ip(self),
        )
        self.password_errors, self.password_params = result.messages(), dict(result.params)
        self.password_changed = result.ok
        self.email_errors, self.email_params, self.email_change_sent = {}, {}, False
        if result.ok:  # nothing of the old or new password stays on the screen
            (await self.get_state(PasswordHintState)).reset()
            await ask_browser(self, "reset_form", PASSWORD_FORM_ID)

    @rx.event
    @matrix_payload(form_data={"current": "wrong", "email": "new@example.com"})
    async def change_email(self, form_data: dict):
        """Re-authenticate and send a confirmation link to the new address."""
        actor, refusal = await guard(self, CHANGE_EMAIL)
        if refusal is not None:
            return refusal
        result = await call_service(
            credentials.request_email_change,
            actor=actor,
            password=form_value(form_data, "current"),
            new_email=form_value(form_data, "email"),
            now=utcnow(),
            client_ip=client_ip(self),
        )
        self.email_errors, self.email_params = result.messages(), dict(result.params)
        self.email_change_sent = result.ok
        self.password_errors, self.password_params, self.password_changed = {}, {}, False
        if result.ok:
            await ask_browser(self, "reset_form", EMAIL_FORM_ID)


class CredentialsState(FormState, rx.State):
    """View vars of the link-driven pages."""

    done: bool = False
    signed_in: bool = False  # on the confirmation page: offer the account, not a log-in

    def _token(self) -> str:
        return str(self.router.page.params.get("token", ""))[:2000]

    @rx.event
    async def confirm_email(self):
        """On load of the confirmation link: confirm the address (or apply the change)."""
        result = await self._submit(registration.confirm_email, token=self._token(), now=utcnow())
        self.done = result.ok
        self.signed_in = (await self.get_state(SessionState)).signed_in

    @rx.event
    def open_form(self):
        """Fresh form when a page opens. Public: no data."""
        self._clear_messages()
        self.done = False

    @rx.event
    @matrix_payload(form_data={"email": "nobody@example.com"})
    async def request_reset(self, form_data: dict):
        """Queue a reset link if the address has an account; the answer is the same anyway."""
        if self._missing(form_data, {"email": ENTER_EMAIL}):
            return
        session_state = await self.get_state(SessionState)
        await self._submit(
            credentials.request_password_reset,
            email=form_value(form_data, "email"),
            now=utcnow(),
            client_ip=client_ip(self),
            language=session_state.lang,
            device=session_state.device,
        )
        self.done = True

    @rx.event
    @matrix_payload(form_data={"password": "x", "password_again": "x"})
    async def reset_password(self, form_data: dict):
        """Set a new password from the reset link."""
        self.busy = True
        yield
        result = await self._submit(
            credentials.reset_password,
            token=self._token(),
            new_password=form_value(form_data, "password"),
            again=form_value(form_data, "password_again"),
            now=utcnow(),
        )
        self.done = result.ok
