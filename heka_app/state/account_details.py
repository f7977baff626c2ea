"""My details: the register facts (read-only) and the user's own phone, refund account,
mail choices and language. Each form answers with a confirmation or its field errors
(msgids); what the user typed stays in the browser after an error (uncontrolled inputs,
re-mounted by ``key`` only when a stored value changed)."""

from __future__ import annotations

import dataclasses

import reflex as rx

from heka_app.i18n import LANGUAGES
from heka_app.services.accounts import detail_changes
from heka_app.services.accounts.my_details import my_details
from heka_app.services.accounts.permissions import REFUND_ACCOUNT, VIEW
from heka_app.services.common.clock import utcnow
from heka_app.services.notifications.preferences import DEFAULTS
from heka_app.state.browser_actions import ask_browser
from heka_app.state.form_data import form_value
from heka_app.state.guard import client_ip, guard
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState

PHONE, REFUND, PREFERENCES = "phone", "refund", "preferences"


class AccountDetailsState(rx.State):
    """View vars of /account/details (no ids, the identity code masked)."""

    loaded: bool = False
    name: str = ""
    email: str = ""
    masked_code: str = ""  # e.g. 131052-****
    phone: str = ""
    refund_iban: str = ""
    bic: str = ""
    language: str = "fi"
    notify: dict[str, bool] = {}
    lease: dict[str, str] = {}
    household: list[str] = []
    is_tenant: bool = False
    version: int = 0  # bumps when stored values change: inputs re-mount with them
    errors: dict[str, str] = {}  # field -> msgid, of the form last sent
    error_params: dict[str, int | str] = {}
    saved: str = ""  # which form was saved last ("" none): its confirmation shows

    async def _show(self, actor) -> None:
        lang = (await self.get_state(SessionState)).lang
        view = await call_service(my_details, actor=actor, now=utcnow(), language=lang)
        self.name, self.email, self.masked_code = view.name, view.email, view.identity_code
        self.phone, self.refund_iban, self.bic = view.phone, view.refund_iban, view.bic
        self.language, self.notify = view.language, dict(view.notify)
        lease = dataclasses.asdict(view.lease) if view.lease else {}
        self.household = list(lease.pop("household", ()))
        self.lease = {k: str(v) for k, v in lease.items()}
        self.is_tenant = actor.is_tenant
        self.loaded = True
        self.version += 1

    def _answer(self, form: str, result) -> None:
        self.errors, self.error_params = result.messages(), dict(result.params)
        self.saved = form if result.ok else ""

    @rx.event
    async def load(self):
        """Show the own details (guard: account.view)."""
        actor, refusal = await guard(self, VIEW)
        if refusal is not None:
            self.reset()
            return refusal
        self.errors, self.error_params, self.saved = {}, {}, ""
        await self._show(actor)

    @rx.event
    @matrix_payload(form_data={"phone": "040 123 4567"})
    async def save_phone(self, form_data: dict):
        """Store the phone number (guard: account.view)."""
        actor, refusal = await guard(self, VIEW)
        if refusal is not None:
            return refusal
        result = await call_service(
            detail_changes.change_phone,
            actor=actor,
            now=utcnow(),
            phone=form_value(form_data, "phone", 80),
        )
        self._answer(PHONE, result)
        if result.ok:
            await self._show(actor)

    @rx.event
    @matrix_payload(form_data={"iban": "FI2112345600000785", "current": "wrong"})
    async def save_refund_account(self, form_data: dict):
        """Store the refund IBAN after the current password (guard: account.refund_account)."""
        actor, refusal = await guard(self, REFUND_ACCOUNT)
        if refusal is not None:
            return refusal
        result = await call_service(
            detail_changes.change_refund_account,
            actor=actor,
            now=utcnow(),
            iban=form_value(form_data, "iban", 80),
            password=form_value(form_data, "current", 256),
            client_ip=client_ip(self),
        )
        self._answer(REFUND, result)
        if result.ok:
            await self._show(actor)
        # the password never stays on the screen
        await ask_browser(self, "clear_field", "field-refund-current")

    @rx.event
    @matrix_payload(form_data={"language": "sv", "news_my_building": "on"})
    async def save_preferences(self, form_data: dict):
        """Store the mail choices and the language; the UI follows the language at once
        (guard: account.view)."""
        actor, refusal = await guard(self, VIEW)
        if refusal is not None:
            return refusal
        kinds = {kind: form_value(form_data, kind, 5) == "on" for kind in DEFAULTS}
        language = form_value(form_data, "language", 5)
        result = await call_service(
            detail_changes.save_preferences,
            actor=actor,
            now=utcnow(),
            email_kinds=kinds,
            language=language,
        )
        self._answer(PREFERENCES, result)
        if result.ok and language in LANGUAGES:
            (await self.get_state(SessionState)).lang_cookie = language
            await self._show(actor)
