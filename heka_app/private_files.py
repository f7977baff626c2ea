"""Serving private files (fault photos, message attachments, news and instruction files)
after a session check, as ASGI middleware.

``GET /_files/faults/<token>.jpg`` (or ``.thumb.jpg``) resolves the ``heka_sid`` session
cookie (HttpOnly, set by heka_app/session_routes.py) to an actor and asks
services/faults/photos.py whether that actor may see the photo's report; anything else
is a plain 404, the same for a missing photo and another household's.
``/_files/content/`` answers as its article does (services/content/files.py): anonymous
visitors get the files of items for everyone. Files live outside
the web root (``HEKA_UPLOAD_DIR``); tokens are random.
"""

from __future__ import annotations

import asyncio
import urllib.parse

from heka_app import routes
from heka_app.db import session_scope
from heka_app.security_headers import ASGIApp, Scope
from heka_app.services.auth.actor import ANONYMOUS
from heka_app.services.auth.sessions import idle_timeout, resolve_actor
from heka_app.services.common.clock import utcnow
from heka_app.services.common.results import NotFound
from heka_app.services.content.files import ServedFile, content_file
from heka_app.services.faults.photos import photo_bytes
from heka_app.services.messages.attachments import attachment_bytes
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


def _load_attachment(secret: str, name: str) -> tuple[bytes, bytes] | None:
    """(content type, bytes) of a message attachment the session's actor may see."""
    thumbnail = name.endswith(".thumb.jpg")
    token = name.removesuffix(".thumb.jpg").removesuffix(".jpg").removesuffix(".pdf")
    if "/" in token or not name.endswith((".jpg", ".pdf")):
        return None
    with session_scope() as session:
        actor = resolve_actor(
            session=session, secret=secret, now=utcnow(), idle_timeout=idle_timeout()
        )
        if actor is None:
            return None
        try:
            kind, data = attachment_bytes(
                session=session, actor=actor, token=token, thumbnail=thumbnail
            )
        except NotFound:
            return None
    if (kind == "pdf") != name.endswith(".pdf"):
        return None
    return (b"application/pdf" if kind == "pdf" else b"image/jpeg"), data


def _load_content(secret: str | None, name: str) -> ServedFile | None:
    """A news or instruction file if the session's actor (or an anonymous visitor) may read
    its article now."""
    with session_scope() as session:
        now = utcnow()
        actor = None
        if secret:
            actor = resolve_actor(
                session=session, secret=secret, now=now, idle_timeout=idle_timeout()
            )
        try:
            return content_file(session=session, actor=actor or ANONYMOUS, now=now, name=name)
        except NotFound:
            return None


async def _send_content(scope: Scope, send) -> None:
    """Answer ``/_files/content/<name>``: the file with its article's cache rule, or 404."""
    found = None
    if scope.get("method") in {"GET", "HEAD"}:
        name = scope["path"].removeprefix(routes.CONTENT_FILE_PREFIX)
        secret = request_cookie(scope, SESSION_COOKIE)
        found = await asyncio.to_thread(_load_content, secret, name)
    headers = [
        (b"content-type", found.content_type.encode() if found else b"text/plain"),
        (b"cache-control", found.cache_control.encode() if found else b"private, no-store"),
        (b"content-security-policy", b"default-src 'none'"),
        (b"x-content-type-options", b"nosniff"),
        (b"vary", b"Cookie"),
    ]
    if found and found.download_name:  # a PDF never opens inside the portal's origin
        quoted = urllib.parse.quote(found.download_name)
        headers.append((b"content-disposition", f"attachment; filename*=UTF-8''{quoted}".encode()))
    body = found.data if found else b""
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": 200 if found else 404, "headers": headers})
    await send({"type": "http.response.body", "body": body if scope["method"] == "GET" else b""})


def private_files(app: ASGIApp) -> ASGIApp:
    """Wrap the backend so the private-file paths are answered here."""

    async def wrapped(scope: Scope, receive, send) -> None:
        path = scope.get("path", "")
        if scope.get("type") == "http" and path.startswith(routes.CONTENT_FILE_PREFIX):
            await _send_content(scope, send)
            return
        prefixes = (routes.FAULT_PHOTO_PREFIX, routes.MESSAGE_FILE_PREFIX)
        if scope.get("type") != "http" or not path.startswith(prefixes):
            await app(scope, receive, send)
            return
        data, kind = None, b"image/jpeg"
        if scope.get("method") in {"GET", "HEAD"}:
            secret = request_cookie(scope, SESSION_COOKIE)
            if secret and path.startswith(routes.FAULT_PHOTO_PREFIX):
                name = path.removeprefix(routes.FAULT_PHOTO_PREFIX)
                data = await asyncio.to_thread(_load, secret, name)
            elif secret:
                name = path.removeprefix(routes.MESSAGE_FILE_PREFIX)
                found = await asyncio.to_thread(_load_attachment, secret, name)
                kind, data = found if found else (kind, None)
        status, body = (200, data) if data else (404, b"")
        kind = kind if data else b"text/plain"
        extra = [(b"content-disposition", b"attachment")] if kind == b"application/pdf" else []
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", kind),
                    (b"content-length", str(len(body)).encode()),
                    (b"cache-control", b"private, no-store"),
                    (b"content-security-policy", b"default-src 'none'"),
                    (b"x-content-type-options", b"nosniff"),
                    *extra,
                ],
            }
        )
        await send(
            {"type": "http.response.body", "body": body if scope["method"] == "GET" else b""}
        )

    return wrapped
