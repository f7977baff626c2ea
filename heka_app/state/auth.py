"""Log in with email and password (tenants and staff alike)."""

from __future__ import annotations

from urllib.parse import quote

import reflex as rx

from heka_app import routes
from heka_app.services.auth.login import login
from heka_app.services.common.clock import utcnow
from heka_app.state.form_data import form_value
from heka_app.state.forms import ENTER_EMAIL, ENTER_PASSWORD, FormState
from heka_app.state.guard import client_ip
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.session import SessionState


class LoginState(FormState, rx.State):
    """The login form. The password only passes through the submit payload.

    A successful login sets ``handoff_url``; the login page then opens it as a full page
    load (components/browser.py): ``/_session/start`` sets the HttpOnly session cookie and
    sends the browser on to its front page, whose new websocket carries the cookie. The
    handoff works once, for 60 s, and no page load keeps it (state/session_check.py)."""

    handoff_url: str = ""

    @rx.event
    @matrix_payload(form_data={"email": "nobody@example.com", "password": "wrong"})
    async def submit(self, form_data: dict):
        """Check credentials; on success hand the new session to the browser over HTTP.

        Public by design (it is the way in); throttled per account and address.
        """
        if self._missing(form_data, {"email": ENTER_EMAIL, "password": ENTER_PASSWORD}):
            return
        self.busy = True
        yield
        session_state = await self.get_state(SessionState)
        result = await self._submit(
            login,
            email=form_value(form_data, "email"),
            password=form_value(form_data, "password"),
            client_ip=client_ip(self),
            now=utcnow(),
            device=session_state.device,
            origin=session_state._page_origin(),
        )
        self.error, self.field_errors = result.error, {}
        self.error_params = {"minutes": result.retry_after_seconds // 60}
        if not result.ok:
            return
        await session_state._signed_in(result.actor, result.device)
        base = session_state._backend_base()
        self.handoff_url = f"{base}{routes.SESSION_START}?h={quote(result.handoff)}"

    @rx.event
    def clear(self):
        """Reset the form's messages when the page opens. Public: no data."""
        self._clear_messages()
