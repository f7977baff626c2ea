"""Who is using this browser tab and in which language.

The language is a cookie (remembered per browser, and per account once logged in); the
first visit follows Accept-Language. The login is a server-side session whose secret lives
only in the ``heka_sid`` cookie, HttpOnly, set and cleared by HTTP responses of the app
(heka_app/session_routes.py): it is in no state var or delta and JavaScript never sees it.
Every protected handler resolves the actor again from the Cookie header of **its own
websocket connection's** handshake (services/auth/sessions.py), so logout, password change
and lease end take effect on the very next event, and a client that connects with
someone's Reflex token but without their cookie gets nothing. The view vars below are for
display only; heka_app/state/session_check.py wipes them when a connection presents a
token whose stored view belongs to a session it does not hold.
"""

from __future__ import annotations

from urllib.parse import quote

import reflex as rx

from heka_app import routes
from heka_app.i18n import LANGUAGES, coerce_language, negotiate_language, reader_language
from heka_app.services.accounts import own_account
from heka_app.services.auth.actor import ANONYMOUS, Actor
from heka_app.services.auth.devices import DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE
from heka_app.services.auth.handoff import make_return
from heka_app.services.auth.navigation import navigation_for
from heka_app.services.auth.page_check import check_page
from heka_app.services.auth.sessions import end_session, idle_timeout, resolve_actor
from heka_app.services.common.clock import utcnow
from heka_app.services.common.secrets import device_owner_tag
from heka_app.session_routes import SESSION_COOKIE
from heka_app.settings import get_settings
from heka_app.state import connection, language_reload
from heka_app.state.changed import assign_changed
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.service_calls import call_service
from heka_app.state.shared_rows import shared_navigation

LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 3600
_SECURE = get_settings().public_base_url.startswith("https://")


class SessionState(rx.State):
    """The one small session state every feature state reaches with ``get_state``."""

    lang_cookie: str = rx.Cookie(
        "", name="heka_lang", max_age=LANGUAGE_COOKIE_MAX_AGE, same_site="lax"
    )
    # "This browser signed in to that account before" (services/auth/devices.py): its
    # login failures and reset requests are not held up by strangers'. Not a session.
    device: str = rx.Cookie(
        "", name=DEVICE_COOKIE, max_age=DEVICE_COOKIE_MAX_AGE, same_site="strict", secure=_SECURE
    )
    _account_id: int = 0  # whose session the view vars below were filled from
    _checked_connection: str = ""  # the connection that showed it holds that session
    signed_in: bool = False
    display_name: str = ""
    role: str = ""
    residency: str = ""
    is_primary: bool = False
    opens_on_iso: str = ""
    nav: list[dict[str, str]] = navigation_for(ANONYMOUS)
    unread_messages: int = 0  # threads with an unread answer (the messages link's badge)
    # /_session/end on this connection's backend, returning to this page's front page
    # (a signed return address, not a secret): the logout link and the kiosk wipe.
    leave_url: str = ""
    # Whose things this browser keeps (the offline fault outbox, components/fault_outbox.py).
    device_owner: str = ""
    _leave_for: str = ""  # the page origin and backend the link was signed for
    _leave_at: float = 0.0  # when (epoch seconds)

    @rx.var
    def lang(self) -> str:
        """The UI language; Finnish until the browser's choice is known."""
        return coerce_language(self.lang_cookie)

    @rx.var
    def front_page(self) -> str:
        """Display only: where a signed-in user starts (staff area or own home)."""
        return routes.STAFF if self.is_staff else routes.MY_HOME

    @rx.var
    def is_staff(self) -> bool:
        """Display only: the staff navigation."""
        return self.signed_in and self.role not in {"", "tenant"}

    def _connection_cookie(self, name: str) -> str:
        return connection.cookie(self, name)

    def _connection_id(self) -> str:
        return connection.connection_id(self)

    def _header(self, name: str) -> str:
        return connection.header(self, name)

    def _page_origin(self) -> str:
        """The page's origin (the handshake's Origin header); "" for a raw client."""
        origin = self._header("origin")
        return origin if origin.startswith(("http://", "https://")) else ""

    def _backend_base(self) -> str:
        """Where this connection reached the backend (its handshake's Host): the session
        routes live there, on the host the session cookie must belong to."""
        host = self._header("host")
        if not host or any(c in host for c in "/\\@?# "):
            return ""
        return ("https://" if self._page_origin().startswith("https:") else "http://") + host

    def _session_secret(self) -> str:
        """This connection's session secret: the HttpOnly cookie of its handshake."""
        return self._connection_cookie(SESSION_COOKIE)

    async def _actor(self) -> Actor:
        """Resolve the actor from the server-side session; refresh the display vars."""
        actor = None
        secret = self._session_secret()
        if secret:
            actor = await call_service(
                resolve_actor, secret=secret, now=utcnow(), idle_timeout=idle_timeout()
            )
        actor = actor or ANONYMOUS
        self._show(actor)
        return actor

    def _show(self, actor: Actor) -> None:
        signed_in = not actor.is_anonymous
        # Called by every handler's session check: only what changed goes in the delta.
        assign_changed(
            self,
            signed_in=signed_in,
            display_name=actor.display_name,
            role=actor.role if signed_in else "",
            residency=actor.residency,
            is_primary=actor.is_primary,
            opens_on_iso=actor.opens_on.isoformat() if actor.opens_on else "",
            nav=shared_navigation(navigation_for(actor)),
        )
        account_id = actor.account_id or 0
        assign_changed(
            self,
            _account_id=account_id,
            _checked_connection=self._connection_id() if account_id else "",
        )
        key = get_settings().secret_key
        owner = device_owner_tag(account_id, key=key) if account_id else ""
        assign_changed(self, device_owner=owner)

    def _leave_url(self) -> str:
        back = make_return(f"{self._page_origin()}{routes.HOME}", now=utcnow())
        return f"{self._backend_base()}{routes.SESSION_END}?r={quote(back)}"

    def _kept_leave_url(self) -> str:
        """The logout link, signed again only when it is an hour old or the page's address
        changed: its signature lasts 12 h, and a new one on every page load was sent to
        the browser each time (issue 15: unchanged data not resent)."""
        place = f"{self._page_origin()}|{self._backend_base()}"
        now = utcnow().timestamp()
        if self.leave_url and self._leave_for == place and now - self._leave_at < 3600:
            return self.leave_url
        self._leave_for, self._leave_at = place, now
        return self._leave_url()

    async def _signed_in(self, actor: Actor, device: str = "") -> None:
        """After a login on this connection (the session itself reaches the browser over
        HTTP, not here). The language the user picked last (this browser's choice) wins
        over the one saved on the account, and becomes the saved one."""
        self.device = device or self.device
        if self.lang_cookie not in LANGUAGES:
            self.lang_cookie = coerce_language(actor.language)
        elif self.lang_cookie != actor.language:
            await call_service(
                own_account.set_language, actor=actor, language=self.lang_cookie, now=utcnow()
            )

    @rx.event
    @matrix_payload(language="en")
    async def set_language(self, language: str):
        """Switch the UI language (no reload); remembered on the account when logged in."""
        if not isinstance(language, str) or language not in LANGUAGES:
            return
        self.lang_cookie = language
        if self._session_secret():
            actor = await self._actor()
            if not actor.is_anonymous:
                await call_service(
                    own_account.set_language, actor=actor, language=language, now=utcnow()
                )
        # route_id is the matched pattern ("/news/[slug]"), the path what the browser shows.
        return language_reload.loaders_for(self.router.route_id) or language_reload.loaders_for(
            self.router.url.path
        )

    @rx.event
    def init_language(self):
        """On first visit, take the language from Accept-Language. Public: no tenant data."""
        accept = self.router.headers.accept_language
        if (language := reader_language(self.lang_cookie, accept)) != self.lang_cookie:
            self.lang_cookie = language

    @rx.event
    async def refresh(self):
        """Re-check the session on every page load (display only; handlers re-check)."""
        # One service call for the session check and the badge (issue 15: CPU per event).
        check = await call_service(
            check_page, secret=self._session_secret(), now=utcnow(), idle_timeout=idle_timeout()
        )
        actor = check.actor
        self._show(actor)
        assign_changed(
            self,
            unread_messages=check.unread_messages,
            leave_url=self._kept_leave_url() if not actor.is_anonymous else "",
        )

    @rx.event
    async def leave_if_signed_in(self):
        """On /login and /register: a signed-in user goes to their front page instead.

        Public: it only reads the caller's own session."""
        actor = await self._actor()
        if not actor.is_anonymous:
            return rx.redirect(routes.STAFF if actor.is_staff else routes.MY_HOME)

    @rx.event
    def connection_back(self):
        """The websocket reconnected: clear form messages from before the break (they may
        no longer hold). Public: touches only this tab's own view state."""
        from heka_app.state.forms import FormState  # forms imports this module

        for state in _walk(_root(self)):
            if isinstance(state, FormState):
                state._clear_messages()
            elif hasattr(state, "_clear_form_messages"):
                state._clear_form_messages()

    @rx.event
    async def logout(self):
        """End the server session and reset every state, then leave through
        ``/_session/end`` (which clears the HttpOnly cookie). The pages' logout buttons go
        to that route directly (components/browser.py); this is the same for an event."""
        secret = self._session_secret()
        if secret:
            await call_service(end_session, secret=secret, now=utcnow())
        leave = self._leave_url()
        from heka_app.state.tab_wipe import wipe  # tab_wipe imports this module

        await wipe(self)
        if get_settings().kiosk_mode:  # the next visitor starts in the terminal's language
            self.lang_cookie = negotiate_language(self.router.headers.accept_language)
        return [rx.clear_session_storage(), rx.redirect(leave)]


def _root(state: rx.State) -> rx.State:
    while state.parent_state is not None:
        state = state.parent_state
    return state


def _walk(state: rx.State):
    yield state
    for child in state.substates.values():
        yield from _walk(child)
