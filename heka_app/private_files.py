"""Serving private files (fault photos) after a session check, as ASGI middleware.

``GET /_files/faults/<token>.jpg`` (or ``.thumb.jpg``) resolves the ``heka_sid`` session
cookie (HttpOnly, set by heka_app/session_routes.py) to an actor and asks
services/faults/photos.py whether that actor may see the photo's report; anything else
is a plain 404, the same for a missing photo and another household's. Files live outside
the web root (``HEKA_UPLOAD_DIR``); tokens are random.
"""

from __future__ import annotations

import asyncio

from heka_app import routes
from heka_app.db import session_scope
from heka_app.security_headers import ASGIApp, Scope
from heka_app.services.auth.sessions import idle_timeout, resolve_actor
from heka_app.services.common.clock import utcnow
from heka_app.services.common.results import NotFound
from heka_app.services.faults.photos import photo_bytes
from heka_app.session_routes import SESSION_COOKIE, request_cookie


def _load(secret: str, name: str) -> bytes | None:
    thumbnail = name.endswith(".thumb.jpg")
    token = name.removesuffix(".thumb.jpg").removesuffix(".jpg")
    if not name.endswith(".jpg") or "/" in token:
        return None
    with session_scope() as session:
        actor = resolve_actor(
            session=session, secret=secret, now=utcnow(), idle_timeout=idle_timeout()
        )
        if actor is None:
            return None
        try:
            return photo_bytes(session=session, actor=actor, token=token, thumbnail=thumbnail)
        except NotFound:
            return None


def private_files(app: ASGIApp) -> ASGIApp:
    """Wrap the backend so the private-file paths are answered here."""

    async def wrapped(scope: Scope, receive, send) -> None:
        path = scope.get("path", "")
        if scope.get("type") != "http" or not path.startswith(routes.FAULT_PHOTO_PREFIX):
            await app(scope, receive, send)
            return
        data = None
        if scope.get("method") in {"GET", "HEAD"}:
            secret = request_cookie(scope, SESSION_COOKIE)
            name = path.removeprefix(routes.FAULT_PHOTO_PREFIX)
            if secret:
                data = await asyncio.to_thread(_load, secret, name)
        status, body, kind = (200, data, b"image/jpeg") if data else (404, b"", b"text/plain")
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", kind),
                    (b"content-length", str(len(body)).encode()),
                    (b"cache-control", b"private, no-store"),
                    (b"content-security-policy", b"default-src 'none'"),
                ],
            }
        )
        await send(
            {"type": "http.response.body", "body": body if scope["method"] == "GET" else b""}
        )

    return wrapped
