"""ASGI middleware adding security headers to every HTTP response of the portal.

Pages (text/html) also get ``Cache-Control: no-store``: on a shared computer the back
button or the browser cache must not show a previous user's page. Hashed static assets
keep their normal caching.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[
    [Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]
]  # noqa: E501

ALWAYS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)
NO_STORE = (b"cache-control", b"no-store")


def security_headers(app: ASGIApp) -> ASGIApp:
    """Wrap an ASGI app (Reflex's ``api_transformer`` hook)."""

    async def wrapped(scope: Scope, receive, send) -> None:
        if scope.get("type") != "http":
            await app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message.get("type") == "http.response.start":
                html = _is_html(message)
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if not (html and k.lower() == b"cache-control")
                ]
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in ALWAYS if k not in names]
                if html:
                    headers.append(NO_STORE)
                message["headers"] = headers
            await send(message)

        await app(scope, receive, send_with_headers)

    return wrapped


def _is_html(message: Message) -> bool:
    return any(
        k.lower() == b"content-type" and v.lower().startswith(b"text/html")
        for k, v in message.get("headers", [])
    )
