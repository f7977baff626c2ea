"""ASGI middleware adding security headers to every HTTP response of the portal.

Pages (text/html) also get ``Cache-Control: no-store``: on a shared computer the back
button or the browser cache must not show a previous user's page. Hashed static assets
keep their normal caching.

Content-Security-Policy: scripts only from the portal itself plus the inline scripts of
the page being served, allowed by their SHA-256 (computed here from the page's own HTML,
so a rebuilt frontend needs no list to update), and no eval (a handler asks the page for
a browser action as data: state/browser_actions.py); the websocket only to the portal's
own origin; no frames, plugins or foreign forms. Styles allow inline: Radix and React
set ``style`` attributes, which hashes cannot cover. HSTS outside dev/test.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any

import anyio

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
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")
CSP = b"content-security-policy"
_INLINE_SCRIPT = re.compile(
    rb"<script(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL
)


# Inline scripts the app renders only in the browser (not in the prerendered page, so not
# found by _INLINE_SCRIPT): allowed by hash too. Components register them at import.
_CLIENT_SCRIPTS: set[bytes] = set()


def allow_client_script(body: str) -> str:
    """Allow the inline script ``body`` that a component renders client-side; returns it."""
    _CLIENT_SCRIPTS.add(body.encode())
    return body


def content_security_policy(html: bytes, *, connect_src: Sequence[str] = ()) -> str:
    """The policy for one page: its own inline scripts by hash, everything else 'self'."""
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'"
            for body in [*_INLINE_SCRIPT.findall(html), *_CLIENT_SCRIPTS]
            if body.strip()
        }
    )
    directives = {
        "default-src": ["'self'"],
        # No 'unsafe-eval': no handler returns rx.call_script, which Reflex runs with eval()
        # (tests/surface/test_no_eval.py). Inline <script> only the page's own, by hash.
        "script-src": ["'self'", *hashes],
        "style-src": ["'self'", "'unsafe-inline'"],
        # Private files (fault photos) come from the backend: the own origin in production,
        # the backend's port in the two-port test harness (its http origin in connect_src).
        "img-src": ["'self'", "data:", "blob:", *(o for o in connect_src if o.startswith("http"))],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", *connect_src],
        # The installable app (issue 16): its manifest and service worker, own origin only.
        "manifest-src": ["'self'"],
        "worker-src": ["'self'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def security_headers(
    app: ASGIApp, *, hsts: bool | None = None, connect_src: Sequence[str] = ()
) -> ASGIApp:
    """Wrap an ASGI app (Reflex's ``api_transformer`` hook).

    Args:
        app: The wrapped app.
        hsts: Send Strict-Transport-Security; by default outside dev/test.
        connect_src: Origins besides the page's own that the page may connect to (only
            the test harness, whose frontend and backend listen on different ports).
    """
    if hsts is None:
        from heka_app.settings import get_settings

        hsts = not get_settings().is_dev
    extra = (HSTS,) if hsts else ()

    async def wrapped(scope: Scope, receive, send) -> None:
        if scope.get("type") != "http":
            await app(scope, receive, send)
            return
        scope["headers"] = _only_gzip(scope.get("headers", []))
        start: Message | None = None
        chunks: list[bytes] = []

        async def send_with_headers(message: Message) -> None:
            nonlocal start
            if message.get("type") == "http.response.start":
                html = _is_html(message)
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if not (html and k.lower() == b"cache-control")
                ]
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in (*ALWAYS, *extra) if k not in names]
                if html:
                    headers.append(NO_STORE)
                    message["headers"] = headers
                    start = message  # sent with the policy once the whole page is read
                    return
                message["headers"] = headers
            elif message.get("type") == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                body = b"".join(chunks)
                policy = content_security_policy(_decoded(start, body), connect_src=connect_src)
                start["headers"].append((CSP, policy.encode()))
                await send(start)
                await send({"type": "http.response.body", "body": body})
                return
            elif message.get("type") == "http.response.pathsend" and start is not None:
                # Granian serves static files by path (ASGI pathsend): read the page here.
                page = await anyio.Path(message["path"]).read_bytes()
                policy = content_security_policy(_decoded(start, page), connect_src=connect_src)
                start["headers"].append((CSP, policy.encode()))
                await send(start)
            await send(message)

        await app(scope, receive, send_with_headers)

    return wrapped


def _only_gzip(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """Ask for gzip at most: the policy is computed from a page this module can read."""
    out = [(k, v) for k, v in headers if k.lower() != b"accept-encoding"]
    accepted = [v for k, v in headers if k.lower() == b"accept-encoding"]
    if accepted and b"gzip" in b",".join(accepted).lower():
        out.append((b"accept-encoding", b"gzip"))
    return out


def _decoded(start: Message, body: bytes) -> bytes:
    for k, v in start.get("headers", []):
        if k.lower() == b"content-encoding" and v.strip().lower() == b"gzip":
            try:
                return gzip.decompress(body)
            except (OSError, EOFError):
                return b""
    return body


def _is_html(message: Message) -> bool:
    return any(
        k.lower() == b"content-type" and v.lower().startswith(b"text/html")
        for k, v in message.get("headers", [])
    )
