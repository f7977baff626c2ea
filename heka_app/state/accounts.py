"""The own account: the account page (password and email changes) and the pages behind
one-time links (email confirmation, forgotten password, password reset).

The link handlers are public by design: each is authorized by its own signed, single-use
token or, for the reset request, reveals nothing (same answer for every address).
"""

from __future__ import annotations

import reflex as rx

from heka_app.services.accounts import credentials as account_security
from heka_app.services.accounts.own_account import own_account
from heka_app.services.common.clock import utcnow
from heka_app.services.signup import registration
from heka_app.state.form_data import form_value
from heka_app.state.guard import client_ip, guard
from heka_app.state.outbox import MAIL_FAILED, send_in_background, send_mails
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState


class AccountState(rx.State):
    """View vars of the account page."""

    email: str = ""
    password_errors: dict[str, str] = {}
    password_changed: bool = False
    email_errors: dict[str, str] = {}
    email_change_sent: bool = False

    @rx.event
    async def load(self):
        """Show the own account (guard: account.view)."""
        actor, refusal = await guard(self, "account.view")
        if refusal is not None:
            self.reset()
            return refusal
        view = await call_service(own_account, actor=actor)
        self.email = view.email if view else ""
        self.password_errors, self.email_errors = {}, {}
        self.password_changed = self.email_change_sent = False

    @rx.event
    async def change_password(self, form_data: dict):
        """Change the password; other sessions end (guard: account.change_password)."""
        actor, refusal = await guard(self, "account.change_password")
        if refusal is not None:
            return refusal
        session_state = await self.get_state(SessionState)
        outcome = await call_service(
            account_security.change_password,
            actor=actor,
            current=form_value(form_data, "current"),
            new_password=form_value(form_data, "password"),
            again=form_value(form_data, "password_again"),
            keep_secret=session_state.sid,
            now=utcnow(),
            client_ip=client_ip(self),
        )
        self.password_errors = outcome.errors
        self.password_changed = outcome.ok
        if outcome.ok:
            await send_mails([outcome.mail])

    @rx.event
    async def change_email(self, form_data: dict):
        """Re-authenticate and send a confirmation link to the new address."""
        actor, refusal = await guard(self, "account.change_email")
        if refusal is not None:
            return refusal
        outcome, mails = await call_service(
            account_security.request_email_change,
            actor=actor,
            password=form_value(form_data, "current"),
            new_email=form_value(form_data, "email"),
            now=utcnow(),
            client_ip=client_ip(self),
        )
        self.email_errors = outcome.errors
        if outcome.ok and not await send_mails(mails):
            self.email_errors = {"form": MAIL_FAILED}
        self.email_change_sent = outcome.ok and not self.email_errors


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
