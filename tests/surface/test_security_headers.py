"""Security headers on every response; pages are never cached."""

from __future__ import annotations

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Route

from heka_app.security_headers import security_headers


def _app():
    async def page(_request):
        return HTMLResponse("<p>hei</p>", headers={"cache-control": "max-age=3600"})

    async def asset(_request):
        return PlainTextResponse("x", headers={"cache-control": "max-age=31536000"})

    return security_headers(Starlette(routes=[Route("/", page), Route("/app.js", asset)]))


@pytest.mark.anyio
async def test_pages_are_not_stored_and_assets_keep_their_caching():
    transport = httpx.ASGITransport(app=_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://portal") as client:
        page = await client.get("/")
        asset = await client.get("/app.js")
    assert page.headers["cache-control"] == "no-store"
    assert asset.headers["cache-control"] == "max-age=31536000"
    for response in (page, asset):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"


@pytest.fixture
def anyio_backend():
    return "asyncio"
