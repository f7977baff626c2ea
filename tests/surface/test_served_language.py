"""Each page is served prerendered in the reader's language (heka_app/served_language.py),
through Starlette's static server as Reflex's production frontend mount uses it."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from heka_app.served_language import chosen_language, page_file, served_language


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
def static_dir(tmp_path: Path) -> Path:
    pages = {
        "index.html": "landing fi",
        "index.en.html": "landing en",
        "index.sv.html": "landing sv",
        "login/index.html": "login fi",
        "login/index.en.html": "login en",
        "404.html": "fallback fi",
        "404.en.html": "fallback en",
        "assets/app.js": "js",
    }
    for name, text in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _client(static_dir: Path, routable=lambda path: path.startswith("/faults/")):
    async def ping(_request):
        return PlainTextResponse("pong")

    inner = Starlette(
        routes=[
            Route("/ping", ping),
            Mount("/", app=StaticFiles(directory=static_dir, html=True)),
        ]
    )
    app = served_language(inner, static_dir=static_dir, routable=routable)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://portal")


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, "landing fi"),
        ({"accept-language": "en-US,en;q=0.9"}, "landing en"),
        ({"accept-language": "sv-FI,sv;q=0.9,en;q=0.5"}, "landing sv"),
        ({"accept-language": "de-DE"}, "landing fi"),
        # The cookie (the reader's own choice) wins over the browser's language.
        ({"accept-language": "en", "cookie": "heka_lang=sv"}, "landing sv"),
        ({"accept-language": "en", "cookie": "heka_lang=fi"}, "landing fi"),
        # A cookie that names no language is ignored, as SessionState.init_language does.
        ({"accept-language": "en", "cookie": "heka_lang=xx; other=1"}, "landing en"),
        ({"accept-language": "sv", "cookie": 'a="unclosed'}, "landing sv"),
    ],
)
async def test_the_landing_page_in_the_cookies_or_browsers_language(static_dir, headers, expected):
    async with _client(static_dir) as client:
        response = await client.get("/", headers=headers)
    assert response.status_code == 200
    assert response.text == expected
    assert "Accept-Language" in response.headers["vary"]


@pytest.mark.anyio
async def test_a_page_without_the_variant_is_served_in_finnish(static_dir):
    async with _client(static_dir) as client:
        swedish = await client.get("/login/", headers={"cookie": "heka_lang=sv"})
        english = await client.get("/login/", headers={"cookie": "heka_lang=en"})
    assert (swedish.text, english.text) == ("login fi", "login en")


@pytest.mark.anyio
async def test_only_page_requests_are_rewritten(static_dir):
    english = {"cookie": "heka_lang=en"}
    async with _client(static_dir) as client:
        redirect = await client.get("/login", headers=english)
        asset = await client.get("/assets/app.js", headers=english)
        ping = await client.get("/ping", headers=english)
        posted = await client.post("/", headers=english)
        unknown = await client.get("/no/such/page", headers=english)
        dynamic = await client.get("/faults/12", headers=english)
    assert redirect.status_code in (301, 302, 307, 308)  # the static server's, untouched
    assert asset.text == "js"
    assert ping.text == "pong"
    assert posted.status_code == 405
    # An unknown address keeps the static server's 404 (its page is not replaced).
    assert (unknown.status_code, unknown.text) == (404, "fallback fi")
    # A dynamic route's page is the SPA fallback, in the language, with 200.
    assert (dynamic.status_code, dynamic.text) == (200, "fallback en")


def test_page_file_maps_urls_to_prerendered_pages(static_dir):
    assert page_file(static_dir, "/") == ("index.html", False)
    assert page_file(static_dir, "/login/") == ("login/index.html", False)
    assert page_file(static_dir, "/login") is None
    assert page_file(static_dir, "/assets/app.js") is None
    assert page_file(static_dir, "/a/../../etc/passwd") is None
    assert page_file(static_dir, "/faults/12") == ("404.html", True)


def test_chosen_language_reads_every_cookie_header():
    headers = [(b"cookie", b"a=1"), (b"cookie", b"heka_lang=en"), (b"accept-language", b"sv")]
    assert chosen_language({"headers": headers}) == "en"
    assert chosen_language({"headers": [(b"accept-language", b"sv;q=0.2, en;q=0.8")]}) == "en"
    assert chosen_language({"headers": []}) == "fi"
