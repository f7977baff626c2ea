"""The production HTML fetches its JavaScript after the first paint (heka_app/first_paint.py)."""

from __future__ import annotations

import re

import pytest

from heka_app.first_paint import LOADER, park_scripts_in, park_scripts_until_first_paint
from heka_app.security_headers import content_security_policy

# The shape React Router's <Scripts> prerenders (Reflex 0.10.1, react-router 8.4).
MODULE = (
    'import "/assets/manifest-a5548252.js";\n'
    'import * as route0 from "/assets/root-B3E2Wacy.js";\n'
    'window.__reactRouterRouteModules = {"root":route0};\n'
    'import("/assets/entry.client-ztWJY0Jw.js");'
)
PAGE = (
    '<html><head><link as="style" href="/assets/g.css" rel="preload"/>'
    '<link rel="modulepreload" href="/assets/manifest-a5548252.js"/>'
    '<link rel="modulepreload" href="/assets/entry.client-ztWJY0Jw.js"/>'
    '<link href="/assets/g.css" rel="stylesheet" type="text/css"/></head>'
    f"<body><h1>Hekan asukassivut</h1><script>window.ctx = 1;</script>"
    f'<script type="module" async="">{MODULE}</script><script>$RC("B:0","S:0")</script>'
    "</body></html>"
)


def test_preloads_and_the_module_script_are_parked_and_the_loader_follows_the_script():
    html = park_scripts_until_first_paint(PAGE)
    assert 'rel="modulepreload"' not in html
    assert html.count('<link data-after-paint="modulepreload" href=') == 2
    assert '<script type="module"' not in html
    assert f'<script type="text/x-after-paint" async="">{MODULE}</script>{LOADER}' in html
    # Nothing else changes: the stylesheet and the other inline scripts stay as they were.
    assert '<link href="/assets/g.css" rel="stylesheet" type="text/css"/>' in html
    assert "<script>window.ctx = 1;</script>" in html
    assert html.endswith('<script>$RC("B:0","S:0")</script></body></html>')


def test_the_loader_restores_what_it_parked():
    """The loader sets rel from data-after-paint and re-creates a module script: the
    names it uses are the ones the rewrite writes."""
    assert 'querySelectorAll("link[data-after-paint]")' in LOADER
    assert 'l.rel=l.getAttribute("data-after-paint")' in LOADER
    assert 'script[type="text/x-after-paint"]' in LOADER and 's.type="module"' in LOADER
    assert "requestAnimationFrame" in LOADER and 'd.visibilityState==="hidden"?go()' in LOADER


def test_the_csp_allows_the_recreated_module_script_and_the_loader():
    csp = content_security_policy(park_scripts_until_first_paint(PAGE).encode())
    original = content_security_policy(PAGE.encode())
    module_hash = set(re.findall(r"'sha256-[^']+'", original)) - set(
        re.findall(r"'sha256-[^']+'", content_security_policy(PAGE.replace(MODULE, "").encode()))
    )
    assert module_hash and module_hash <= set(re.findall(r"'sha256-[^']+'", csp))
    assert len(re.findall(r"'sha256-[^']+'", csp)) == len(re.findall(r"'sha256-", original)) + 1


def test_rewriting_twice_changes_nothing_more_and_pages_without_scripts_stay():
    once = park_scripts_until_first_paint(PAGE)
    assert park_scripts_until_first_paint(once) == once
    assert park_scripts_until_first_paint("<p>offline</p>") == "<p>offline</p>"


def test_every_prerendered_page_is_rewritten(tmp_path):
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "login").mkdir()
    (tmp_path / "login" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "offline.html").write_text("<p>offline</p>", encoding="utf-8")
    assert park_scripts_in(tmp_path) == 2
    assert "data-after-paint" in (tmp_path / "login" / "index.html").read_text()
    assert (tmp_path / "offline.html").read_text() == "<p>offline</p>"


def test_a_changed_template_fails_the_build(tmp_path):
    (tmp_path / "index.html").write_text(
        '<head><link rel="preload" as="script" href="/a.js"/></head>', encoding="utf-8"
    )
    with pytest.raises(RuntimeError, match="modulepreload"):
        park_scripts_in(tmp_path)
