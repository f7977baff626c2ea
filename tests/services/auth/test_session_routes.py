"""/_session/start and /_session/end, driven as ASGI: the only responses that write the
session cookie, HttpOnly and SameSite=Strict (heka_app/session_routes.py)."""

from __future__ import annotations

import asyncio
import dataclasses
from urllib.parse import quote

import pytest

from heka_app.services.auth.handoff import make_return
from heka_app.services.auth.login import login
from heka_app.services.auth.sessions import resolve_actor
from heka_app.session_routes import session_routes
from heka_app.settings import get_settings
from tests.factories import PASSWORD, build_world


def _get(path: str, query: str = "", cookie: str = "") -> tuple[int, dict, list[str]]:
    sent = []

    async def app(scope, receive, send):
        sent.append({"status": 200, "headers": []})

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "query_string": query.encode(),
        "headers": [(b"cookie", cookie.encode())] if cookie else [],
    }
    asyncio.run(session_routes(app)(scope, None, send))
    headers = sent[0]["headers"]
    cookies = [v.decode() for k, v in headers if k == b"set-cookie"]
    return sent[0]["status"], {k: v.decode() for k, v in headers}, cookies


def _handoff(session, now) -> str:
    result = login(
        session=session,
        email="primary@test.example",
        password=PASSWORD,
        client_ip="198.51.100.7",
        now=now,
        origin="http://127.0.0.1:3000",
    )
    session.commit()
    return result.handoff


def _secret(cookie: str) -> str:
    return cookie.split(";", 1)[0].split("=", 1)[1]


def test_start_sets_an_httponly_strict_cookie_once(session, now):
    world = build_world(session, now)
    handoff = _handoff(session, now)
    status, headers, cookies = _get("/_session/start", f"h={quote(handoff)}")
    assert status == 303 and headers[b"location"] == "http://127.0.0.1:3000/login"
    assert headers[b"cache-control"] == "no-store"
    [cookie] = cookies
    assert cookie.startswith("heka_sid=")
    assert "; HttpOnly" in cookie and "; SameSite=Strict" in cookie and "; Path=/" in cookie
    assert "Max-Age" not in cookie and "Expires" not in cookie  # ends with the browser
    session.expire_all()
    actor = resolve_actor(session=session, secret=_secret(cookie), now=now)
    assert actor is not None and actor.account_id == world.accounts["primary"]
    # Used: the same link again only clears the cookie and goes to the login page.
    status, headers, [again] = _get("/_session/start", f"h={quote(handoff)}")
    assert (status, headers[b"location"]) == (303, "/login") and "Max-Age=0" in again


def test_secure_outside_dev(monkeypatch):
    from heka_app.session_routes import cookie_attributes

    assert "Secure" not in cookie_attributes()  # tests run as HEKA_ENV=test on http
    prod = dataclasses.replace(get_settings(), env="prod")
    monkeypatch.setattr("heka_app.session_routes.get_settings", lambda: prod)
    assert cookie_attributes().endswith("; Secure")


def test_end_ends_the_session_and_clears_the_cookie(session, now):
    build_world(session, now)
    _, _, [cookie] = _get("/_session/start", f"h={quote(_handoff(session, now))}")
    secret = _secret(cookie)
    back = quote(make_return("http://127.0.0.1:3000/", now=now))
    status, headers, [cleared] = _get("/_session/end", f"r={back}", cookie=f"heka_sid={secret}")
    assert status == 303 and headers[b"location"] == "http://127.0.0.1:3000/"
    assert cleared.startswith("heka_sid=;") and "Max-Age=0" in cleared and "HttpOnly" in cleared
    session.expire_all()
    assert resolve_actor(session=session, secret=secret, now=now) is None


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", ""])
def test_end_is_no_open_redirect(target):
    status, headers, _ = _get("/_session/end", f"r={quote(target)}")
    assert (status, headers[b"location"]) == (303, "/")


def test_other_paths_reach_the_app():
    status, _, _ = _get("/_session/other")
    assert status == 200
