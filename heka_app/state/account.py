"""My account: see the email address, change password, change email."""

from __future__ import annotations

import reflex as rx

from heka_app.services import account_security
from heka_app.services.clock import utcnow
from heka_app.services.own_account import own_account
from heka_app.state.form_data import form_value
from heka_app.state.guard import client_ip, guard
from heka_app.state.outbox import MAIL_FAILED, send_mails
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
