"""Log in with email and password (tenants and staff alike)."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.services.auth.login import login
from heka_app.services.common.clock import utcnow
from heka_app.state.form_data import form_value
from heka_app.state.guard import client_ip
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState


class LoginState(rx.State):
    """The login form. The password only passes through the submit payload."""

    error: str = ""
    error_minutes: int = 0
    busy: bool = False

    @rx.event
    async def submit(self, form_data: dict):
        """Check credentials; on success store the session secret and go to the home page.

        Public by design (it is the way in); throttled per account and address.
        """
        if self.busy:
            return
        self.busy = True
        yield
        try:
            result = await call_service(
                login,
                email=form_value(form_data, "email"),
                password=form_value(form_data, "password"),
                client_ip=client_ip(self),
                now=utcnow(),
            )
        finally:
            self.busy = False
        if not result.ok:
            self.error = result.error
            self.error_minutes = result.retry_after_seconds // 60
            return
        self.error = ""
        session_state = await self.get_state(SessionState)
        session_state._sign_in(result.secret, result.actor)
        yield rx.redirect(routes.STAFF if result.actor.is_staff else routes.MY_HOME)

    @rx.event
    def clear(self):
        """Reset the form's messages when the page opens. Public: no data."""
        self.error = ""
        self.error_minutes = 0
