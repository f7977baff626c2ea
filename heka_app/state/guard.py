"""The one authorization guard every protected handler calls first.

    actor, refusal = await guard(self, housing.permissions.VIEW_HOME)
    if refusal is not None:
        return refusal

The actor comes from the server-side session (never from the payload); the decision from
services/auth/authorization.py; refusals are written to the security log.
"""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.i18n.catalogs import gettext
from heka_app.services.auth import security_log
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import LOGIN_REQUIRED, NOT_YET_OPEN, authorize
from heka_app.services.common.clock import utcnow
from heka_app.state.browser_actions import ask_browser
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState


async def guard(state: rx.State, permission: str) -> tuple[Actor | None, list | None]:
    """Resolve the actor and check ``permission``.

    Returns:
        ``(actor, None)`` when allowed, else ``(None, events)`` to return from the handler.
    """
    session_state = await state.get_state(SessionState)
    actor = await session_state._actor()
    decision = authorize(actor, permission)
    if decision.allowed:
        return actor, None
    await call_service(
        security_log.log_security_event,
        event=security_log.AUTHZ_REFUSED,
        account_id=actor.account_id,
        client_ip=client_ip(state),
        detail=f"{type(state).__name__}:{permission}:{decision.reason}",
        now=utcnow(),
    )
    if decision.reason == LOGIN_REQUIRED:
        return None, [rx.redirect(routes.LOGIN)]
    lang = session_state.lang
    if decision.reason == NOT_YET_OPEN:
        message = gettext(lang, "This opens when your lease takes effect.")
    else:
        message = gettext(lang, "You do not have access to this.")
    await ask_browser(state, "toast_error", message)
    return None, []


def client_ip(state: rx.State) -> str:
    """The peer address Reflex resolved (X-Forwarded-For only from trusted proxy hops)."""
    try:
        return str(state.router.session.client_ip or "")[:64]
    except AttributeError:
        return ""
