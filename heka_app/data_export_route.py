"""``GET /_files/account/my-data.json``: the signed-in user's data export as a download.

An HTTP route, not a websocket event, so the file never passes through a state delta: the
``heka_sid`` cookie (HttpOnly) is resolved to an actor as for private files
(heka_app/private_files.py), and services/accounts/data_export.py builds the content for
that actor alone. No or a dead session: a plain 404, the same as an unknown path.
"""

from __future__ import annotations

import asyncio
import json

from heka_app import routes
from heka_app.db import session_scope
from heka_app.security_headers import ASGIApp, Scope
from heka_app.services.accounts.data_export import export_my_data
from heka_app.services.auth.sessions import idle_timeout, resolve_actor
from heka_app.services.common.clock import helsinki_today, utcnow
from heka_app.session_routes import SESSION_COOKIE, request_cookie


def _export(secret: str) -> bytes | None:
    now = utcnow()
    with session_scope() as session:
        actor = resolve_actor(session=session, secret=secret, now=now, idle_timeout=idle_timeout())
        if actor is None:
            return None
        data = export_my_data(session=session, actor=actor, now=now, language=actor.language)
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def data_export_route(app: ASGIApp) -> ASGIApp:
    """Wrap the backend so the export path is answered here."""

    async def wrapped(scope: Scope, receive, send) -> None:
        if scope.get("type") != "http" or scope.get("path") != routes.MY_DATA_EXPORT:
            await app(scope, receive, send)
            return
        body = None
        secret = request_cookie(scope, SESSION_COOKIE)
        if secret and scope.get("method") == "GET":
            body = await asyncio.to_thread(_export, secret)
        headers = [
            (b"cache-control", b"private, no-store"),
            (b"content-security-policy", b"default-src 'none'"),
            (b"x-content-type-options", b"nosniff"),
        ]
        if body is None:
            status, body = 404, b""
            headers.append((b"content-type", b"text/plain"))
        else:
            status = 200
            name = f"heka-my-data-{helsinki_today(utcnow()).isoformat()}.json"
            headers += [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-disposition", f'attachment; filename="{name}"'.encode()),
            ]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return wrapped
