"""The Swedish and English renders of the prerendered pages (heka_app/language_pages.py):
what the build step changes in React Router's output. The render itself runs in the e2e
tier's production build (tests/e2e/test_language_pages.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from heka_app.language_pages import (
    finish_variant,
    is_variant,
    pages_to_render,
    reverse_catalog,
    translate_head,
    variant_path,
)

STATE, FIELD = "reflex___state____state.session", "lang_rx_state_"
PAGE = (
    '<!DOCTYPE html><html lang="fi"><head><link href="/manifest-fi.json" rel="manifest"/>'
    "<title>Kirjaudu – Hekan asukassivut</title>"
    '<meta content="Kirjaudu Hekan asukassivuille sähköpostiosoitteellasi ja salasanallasi."'
    ' name="description"/><link rel="modulepreload" href="/assets/root.js"/></head><body>'
    '<script type="module">import * as route0 from "/assets/root.js";\n'
    "window.__reactRouterRouteModules = {};\n"
    'import("/assets/entry.client-x.js");</script></body></html>'
)


def test_variant_names():
    assert variant_path(Path("login/index.html"), "en") == Path("login/index.en.html")
    assert is_variant(Path("login/index.sv.html"))
    assert not is_variant(Path("login/index.html"))


def test_a_variant_hydrates_in_its_language_with_its_table_fetched_early():
    words = reverse_catalog("en")
    page = finish_variant(PAGE, "en", words, STATE, FIELD, "/assets/heka_i18n_en-1.js")
    assert page.startswith('<!DOCTYPE html><html lang="en" data-heka-served="en">')
    assert '<link rel="modulepreload" href="/assets/heka_i18n_en-1.js"/>' in page
    assert '<link href="/manifest-en.json" rel="manifest"/>' in page
    # The language is set before React Router's entry (and so hydration) starts.
    serve = f'await globalThis.hekaServe?.("en", "{STATE}", "{FIELD}");\nimport("/assets/entry'
    assert serve in page
    assert "<title>Log in – Heka resident pages</title>" in page
    assert "Log in to Heka&#x27;s resident pages with your email address" in page


def test_swedish_head():
    page = translate_head(PAGE, "sv", reverse_catalog("sv"))
    assert "<title>Logga in – Hekas boendesidor</title>" in page
    assert 'name="description"' in page and "Kirjaudu Hekan" not in page


def test_a_page_without_react_routers_tags_fails_the_build():
    with pytest.raises(RuntimeError):
        finish_variant("<html><body>x</body></html>", "en", {}, STATE, FIELD)


def test_pages_to_render_are_the_router_pages_once(tmp_path):
    router_page = "<script>window.__reactRouterRouteModules = {}</script>"
    for name in ("index.html", "login/index.html", "login.html", "__spa-fallback.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(router_page, encoding="utf-8")
    (tmp_path / "offline.html").write_text("<p>offline</p>", encoding="utf-8")
    (tmp_path / "login" / "index.en.html").write_text(router_page, encoding="utf-8")
    pages = {(p["path"], p["spa"], Path(p["out"]).name) for p in pages_to_render(tmp_path)}
    assert pages == {
        ("/", False, "index.{lang}.html"),
        ("/login", False, "index.{lang}.html"),
        ("/", True, "__spa-fallback.{lang}.html"),
    }
