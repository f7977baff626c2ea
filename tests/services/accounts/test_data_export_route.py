"""The export's HTTP route: a live session cookie gets its own account's JSON as a
download; no cookie, a forged or ended session, or a POST get a plain 404."""

from __future__ import annotations

import asyncio
import json

from heka_app import routes
from heka_app.data_export_route import data_export_route
from heka_app.services.auth.sessions import end_session, start_session


def _request(path: str, cookie: str = "", method: str = "GET") -> tuple[int, bytes, dict]:
    sent: list = []
    passed: list = []

    async def portal(scope, receive, send):
        passed.append(scope["path"])

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "headers": [(b"cookie", cookie.encode())] if cookie else [],
    }
    asyncio.run(data_export_route(portal)(scope, None, send))
    if passed:
        return 0, b"", {}
    return sent[0]["status"], sent[1]["body"], dict(sent[0]["headers"])


def test_each_cookie_gets_its_own_data_and_nothing_else(session, world, now):
    secrets = {}
    for key in ("primary", "neighbour"):
        secrets[key] = start_session(session=session, account_id=world.accounts[key], now=now)
    session.commit()
    for key, other in (("primary", "neighbour"), ("neighbour", "primary")):
        status, body, headers = _request(routes.MY_DATA_EXPORT, f"heka_sid={secrets[key]}")
        assert status == 200 and headers[b"cache-control"] == b"private, no-store"
        assert headers[b"content-disposition"].startswith(b"attachment; filename=")
        data = json.loads(body)
        assert data["account"]["email"] == f"{key}@test.example"
        assert f"{other}@test.example" not in body.decode()
        assert world.codes[key] not in body.decode()


def test_no_cookie_forged_cookie_ended_session_and_post_get_404(session, world, now):
    secret = start_session(session=session, account_id=world.accounts["primary"], now=now)
    session.commit()
    assert _request(routes.MY_DATA_EXPORT)[:2] == (404, b"")
    assert _request(routes.MY_DATA_EXPORT, "heka_sid=forged")[:2] == (404, b"")
    assert _request(routes.MY_DATA_EXPORT, f"heka_sid={secret}", "POST")[:2] == (404, b"")
    end_session(session=session, secret=secret, now=now)
    session.commit()
    assert _request(routes.MY_DATA_EXPORT, f"heka_sid={secret}")[:2] == (404, b"")


def test_other_paths_go_to_the_portal(session, world):
    assert _request("/account/details")[0] == 0
    assert _request(routes.MY_DATA_EXPORT + "x")[0] == 0
