"""What every form's state shares: its messages, its busy flag, and how a service's
:class:`~heka_app.services.common.results.FormResult` is shown.

    class LoginState(FormState, rx.State):
        @rx.event
        async def submit(self, form_data: dict):
            self.busy = True
            yield  # paint the spinner before the (slow) service call
            result = await self._submit(login, email=form_value(form_data, "email"), ...)

``_submit`` runs the one service call of the action off the event loop, clears the busy
flag whatever happens, and shows the result's messages; the handler keeps what it needs
of the result. Reflex runs one tab's events one after another, so a second click waits
for the first and then meets the first's outcome (e.g. a used link), never a half state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx

from heka_app.i18n import N_
from heka_app.services.common.results import FormResult
from heka_app.state.form_data import form_value
from heka_app.state.service_calls import call_service


class FormState(rx.State, mixin=True):
    """Messages of one form: msgids the page translates (``t_var``)."""

    error: str = ""
    error_params: dict[str, int | str] = {}
    field_errors: dict[str, str] = {}
    busy: bool = False

    async def _submit(self, fn: Callable[..., Any], /, **kwargs: Any) -> Any:
        """``fn(**kwargs)`` as a service call; a :class:`FormResult` answer is shown."""
        try:
            result = await call_service(fn, **kwargs)
        finally:
            self.busy = False
        if isinstance(result, FormResult):
            self._show(result)
        return result

    def _show(self, result: FormResult) -> None:
        self.error = result.form_error
        self.error_params = dict(result.params)
        self.field_errors = dict(result.field_errors)

    def _missing(self, form_data: dict, required: dict[str, str]) -> bool:
        """Show ``required[name]`` under each empty field; True when any was empty.

        Checked before the service call, so an empty form never reaches the service and
        never earns a misleading answer ("wrong password", "we sent a link").
        """
        missing = {
            name: msgid
            for name, msgid in required.items()
            if not form_value(form_data, name).strip()
        }
        if missing:
            self.error, self.error_params, self.field_errors = "", {}, missing
            self.busy = False
        return bool(missing)

    def _clear_messages(self) -> None:
        self.error, self.error_params, self.field_errors, self.busy = "", {}, {}, False


ENTER_EMAIL = N_("Enter your email address.")
ENTER_PASSWORD = N_("Enter your password.")
