"""Re-validate a tab's stored view before any event of a connection uses it (finding 7.3).

Reflex keeps each client token's state on the server, and a client that presents a token
(it travels in the websocket URL, so proxies log it) is served that token's stored vars:
the hydrate snapshot sends all of them. So before any event, and before the hydrate
snapshot is taken, this middleware asks whether the stored view was filled for a session
this very connection holds (its handshake's HttpOnly cookie). If not (a stolen token, a
logged-out or expired session) every state of the token is reset first: the thief
hydrates an empty, anonymous tab. A connection is checked once; its cookie cannot change.

A pending login handoff (LoginState.handoff_url) never survives a page load either.
"""

from __future__ import annotations

import dataclasses

from reflex.event import Event
from reflex.middleware import Middleware
from reflex.state import BaseState, StateUpdate
from reflex_base.constants import CompileVars

from heka_app.lazy_substates import is_lazy
from heka_app.services.auth.sessions import idle_timeout, resolve_actor
from heka_app.services.common.clock import utcnow
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState
from heka_app.state.tab_wipe import wipe


def _hydrate_events(root: BaseState) -> set[str]:
    """A page load's first event: ``hydrate`` or (the browser's) ``hydrate_and_load``."""
    name = root.get_full_name()
    return {f"{name}.{CompileVars.HYDRATE}", f"{name}.{CompileVars.HYDRATE_AND_LOAD}"}


async def _drop_handoff(root: BaseState) -> None:
    """Clear a pending login handoff. A tab of the in-memory manager that never opened the
    login form has no LoginState, and its default has no handoff: making one only to
    clear it cost every new tab a substate, its hydration and a delta entry (issue 15)."""
    from heka_app.state.auth import LoginState  # auth imports session

    if is_lazy(root) and LoginState.get_name() not in root.substates:
        return
    login = await root.get_state(LoginState)
    if login.handoff_url:
        login.handoff_url = ""


@dataclasses.dataclass(init=True)
class SessionCheck(Middleware):
    """Add first (``app.add_middleware(SessionCheck(), index=0)``): before hydration."""

    async def preprocess(self, app, state: BaseState, event: Event) -> StateUpdate | None:
        """Wipe the token's states when this connection does not hold their session."""
        root = state._get_root_state()
        session_state = await root.get_state(SessionState)
        if event.name in _hydrate_events(root):
            await _drop_handoff(root)
        stored = session_state._account_id
        connection = session_state._connection_id()
        if not stored or (connection and session_state._checked_connection == connection):
            return None
        actor = None
        secret = session_state._session_secret()
        if secret:
            actor = await call_service(
                resolve_actor, secret=secret, now=utcnow(), idle_timeout=idle_timeout()
            )
        if actor is not None and actor.account_id == stored:
            session_state._checked_connection = connection
        else:
            await wipe(session_state)
        return None
