"""Kiosk mode (``HEKA_KIOSK_MODE``: a shared touch screen at an area office).

Whether this terminal is a kiosk is read from the settings on every page load rather than
compiled into the pages, so one build serves both (and the browser tests can switch it).
Ending a kiosk session wipes three places, in this order:

1. the server: the login session ends and every state of the tab is reset, so the old
   Reflex token, if anyone kept it, opens an empty anonymous view;
2. the browser: ``wipe_to`` is set, and the page's kiosk script
   (components/kiosk_timer.py) empties localStorage, sessionStorage (so the next page load
   makes a fresh tab token), IndexedDB, the Cache Storage and the script-visible cookies;
3. the HttpOnly cookie: the script replaces the page with ``/_session/end``, which expires
   it and the language cookie (the next visitor starts in the terminal's language).
"""

from __future__ import annotations

import reflex as rx

from heka_app.i18n import negotiate_language
from heka_app.services.auth.sessions import end_session
from heka_app.services.common.clock import utcnow
from heka_app.settings import get_settings
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState
from heka_app.state.tab_wipe import wipe


class KioskState(rx.State):
    """Display only: whether the kiosk layout is on, and where an ended session leaves to."""

    active: bool = False
    # /_session/end with a signed return: set when the session has ended on the server; the
    # page then wipes the browser's storage and loads it (replacing the history entry).
    wipe_to: str = ""

    @rx.event
    def load(self):
        """On every page load: is this terminal a kiosk? Public: reads only settings."""
        self.active = get_settings().kiosk_mode

    @rx.event
    async def end_session(self):
        """The "End session" button and the idle timeout. Public: it ends only the
        caller's own session (the cookie of this connection) and resets this tab."""
        session = await self.get_state(SessionState)
        secret = session._session_secret()
        if secret:
            await call_service(end_session, secret=secret, now=utcnow())
        leave = session._leave_url()
        await wipe(session)
        session.lang_cookie = negotiate_language(session.router.headers.accept_language)
        self.active = get_settings().kiosk_mode
        self.wipe_to = leave
