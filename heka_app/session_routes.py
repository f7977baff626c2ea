"""The two HTTP routes that write the session cookie (ASGI middleware beside the app).

``GET /_session/start?h=<handoff>``: redeems a login's single-use handoff
(services/auth/handoff.py) and answers ``303`` to the page to open, with
``Set-Cookie: heka_sid=<secret>; HttpOnly; SameSite=Strict; Path=/`` (``Secure``
outside dev). The next page load opens a new websocket whose handshake carries the
cookie; every protected event resolves the session from it (state/session.py).

``GET /_session/end?r=<return>``: ends the session named by the request's cookie,
expires the cookie and answers ``303`` to the signed return address (the portal's
front page). Logout and the kiosk wipe go through it.

JavaScript never sees the secret: it is in no state var, delta or script-set cookie.
"""

from __future__ import annotations

import asyncio
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qs

from heka_app import routes
from heka_app.db import session_scope
from heka_app.security_headers import ASGIApp, Scope
from heka_app.services.auth.handoff import read_return, redeem_handoff
from heka_app.services.auth.sessions import end_session
from heka_app.services.common.clock import utcnow
from heka_app.settings import get_settings

SESSION_COOKIE = "heka_sid"
LANGUAGE_COOKIE = "heka_lang"


def cookie_attributes() -> str:
    """HttpOnly and SameSite=Strict always; Secure outside dev/test or on https."""
    settings = get_settings()
    secure = not settings.is_dev or settings.public_base_url.startswith("https://")
    return "Path=/; HttpOnly; SameSite=Strict" + ("; Secure" if secure else "")


def request_cookie(scope: Scope, name: str) -> str:
    """The value of cookie ``name`` in an HTTP request's Cookie header ("" if none)."""
    for key, value in scope.get("headers", []):
        if key.lower() == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except CookieError:  # a malformed cookie header is no session
                return ""
            if name in jar:
                return jar[name].value
    return ""


def _query(scope: Scope, name: str) -> str:
    values = parse_qs(scope.get("query_string", b"").decode("latin-1")).get(name) or [""]
    return values[0][:4096]


def _start(handoff: str) -> tuple[str, str]:
    with session_scope() as session:
        redeemed = redeem_handoff(session=session, token=handoff, now=utcnow())
    if redeemed is None:
        return "", routes.LOGIN
    return redeemed.secret, redeemed.next_url or routes.HOME


def _end(secret: str) -> None:
    with session_scope() as session:
        end_session(session=session, secret=secret, now=utcnow())


async def _redirect(send, location: str, *cookies: str) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [
                (b"location", location.encode("latin-1", "replace")),
                *((b"set-cookie", cookie.encode("latin-1")) for cookie in cookies),
                (b"cache-control", b"no-store"),
                (b"content-length", b"0"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})


def session_routes(app: ASGIApp) -> ASGIApp:
    """Wrap the backend so ``/_session/start`` and ``/_session/end`` are answered here."""

    async def wrapped(scope: Scope, receive, send) -> None:
        path = scope.get("path", "")
        if scope.get("type") != "http" or path not in {routes.SESSION_START, routes.SESSION_END}:
            await app(scope, receive, send)
            return
        attributes = cookie_attributes()
        if path == routes.SESSION_START:
            secret, location = await asyncio.to_thread(_start, _query(scope, "h"))
            if secret:
                await _redirect(send, location, f"{SESSION_COOKIE}={secret}; {attributes}")
                return
        else:
            secret = request_cookie(scope, SESSION_COOKIE)
            if secret:
                await asyncio.to_thread(_end, secret)
            location = read_return(_query(scope, "r"), now=utcnow()) or routes.HOME
        cleared = [f"{SESSION_COOKIE}=; Max-Age=0; {attributes}"]
        if get_settings().kiosk_mode:  # the next visitor starts in the terminal's language
            cleared.append(f"{LANGUAGE_COOKIE}=; Max-Age=0; Path=/")
        await _redirect(send, location, *cleared)

    return wrapped
