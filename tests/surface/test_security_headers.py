"""Security headers on every response; pages are never cached."""

from __future__ import annotations

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Route

from heka_app.security_headers import _CLIENT_SCRIPTS, security_headers


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


def _page_app(html: bytes, *, gzip_it: bool = False, hsts: bool = False):
    import gzip

    async def page(_request):
        from starlette.responses import Response

        body = gzip.compress(html) if gzip_it else html
        headers = {"content-encoding": "gzip"} if gzip_it else {}
        return Response(body, media_type="text/html", headers=headers)

    return security_headers(Starlette(routes=[Route("/", page)]), hsts=hsts)


PAGE = (
    b"<html><head><script>window.__ctx = {a: 1};</script>"
    b'<script type="module" src="/assets/app.js"></script>'
    b'<script type="module">import("/assets/entry.js");</script></head></html>'
)


def _hash(script: bytes) -> str:
    import base64
    import hashlib

    return "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"


@pytest.mark.anyio
@pytest.mark.parametrize("gzip_it", [False, True])
async def test_pages_get_a_policy_allowing_exactly_their_own_inline_scripts(gzip_it):
    transport = httpx.ASGITransport(app=_page_app(PAGE, gzip_it=gzip_it))
    async with httpx.AsyncClient(transport=transport, base_url="http://portal") as client:
        response = await client.get("/", headers={"accept-encoding": "gzip, br, zstd"})
    assert response.content == PAGE  # the page itself is unchanged (httpx un-gzips it)
    policy = dict(
        (part.split(" ")[0], part.split(" ")[1:])
        for part in response.headers["content-security-policy"].split("; ")
    )
    assert policy["default-src"] == ["'self'"]
    assert sorted(policy["script-src"]) == sorted(
        [
            "'self'",
            _hash(b"window.__ctx = {a: 1};"),
            _hash(b'import("/assets/entry.js");'),
            # plus the scripts components render in the browser (whichever were imported)
            *(_hash(body) for body in _CLIENT_SCRIPTS),
        ]
    )
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]  # handlers send data, not scripts
    assert policy["connect-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["frame-src"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert "strict-transport-security" not in response.headers


@pytest.mark.anyio
async def test_hsts_when_asked_and_by_default_outside_dev():
    transport = httpx.ASGITransport(app=_page_app(PAGE, hsts=True))
    async with httpx.AsyncClient(transport=transport, base_url="http://portal") as client:
        response = await client.get("/")
    assert response.headers["strict-transport-security"].startswith("max-age=31536000")
    transport = httpx.ASGITransport(app=_app())  # the test settings: env "test"
    async with httpx.AsyncClient(transport=transport, base_url="http://portal") as client:
        assert "strict-transport-security" not in (await client.get("/")).headers


def test_only_gzip_is_asked_of_the_static_files():
    from heka_app.security_headers import _only_gzip

    assert _only_gzip([(b"accept-encoding", b"br, gzip, zstd"), (b"x", b"y")]) == [
        (b"x", b"y"),
        (b"accept-encoding", b"gzip"),
    ]
    assert _only_gzip([(b"accept-encoding", b"br")]) == []


@pytest.mark.anyio
async def test_pages_sent_by_path_get_the_policy_too(tmp_path):
    """Granian serves static files with the ASGI pathsend extension (no body messages)."""
    page = tmp_path / "index.html"
    page.write_bytes(PAGE)
    sent = []

    async def static(scope, receive, send):
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"text/html; charset=utf-8")],
            }
        )
        await send({"type": "http.response.pathsend", "path": str(page)})

    async def send(message):
        sent.append(message)

    app = security_headers(static, hsts=False)
    await app({"type": "http", "headers": []}, None, send)
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.pathsend"]
    headers = dict(sent[0]["headers"])
    assert _hash(b"window.__ctx = {a: 1};").encode() in headers[b"content-security-policy"]
