"""Landing page in a real browser: languages, widths, switch without reload, axe scan."""

from __future__ import annotations

import os

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e

HEADINGS = {
    "fi": "Hekan asukassivut",
    "sv": "Hekas boendesidor",
    "en": "Heka resident pages",
}
BROWSER_LOCALES = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_landing_follows_browser_language_at_desktop_and_phone_width(open_page, lang, width):
    page = open_page("/", width=width, locale=BROWSER_LOCALES[lang])
    page.wait_for_function(
        "expected => document.querySelector('h1')?.textContent === expected", arg=HEADINGS[lang]
    )
    assert page.evaluate("document.documentElement.lang") == lang
    # No horizontal scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The other channels stay visible: footer lists area offices with opening hours.
    assert page.locator(".heka-office").count() >= 3
    screenshot(page, f"landing-{lang}-{width}")


def test_narrowest_phone_has_no_horizontal_scroll(open_page):
    page = open_page("/", width=320)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.click("#phone-menu-button")
    page.wait_for_selector("#phone-menu a", state="visible")
    screenshot(page, "landing-fi-320-menu")


def test_language_switch_changes_text_without_reload_and_is_remembered(open_page):
    page = open_page("/", width=1280, locale="fi-FI")
    page.wait_for_function(
        "() => document.querySelector('h1')?.textContent === 'Hekan asukassivut'"
    )
    page.evaluate("window.__hekaNoReload = 'still here'")
    page.click("#lang-en")
    page.wait_for_function(
        "() => document.querySelector('h1')?.textContent === 'Heka resident pages'"
    )
    assert page.evaluate("window.__hekaNoReload") == "still here"
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.get_attribute("#lang-en", "aria-pressed") == "true"
    page.click("#lang-sv")
    page.wait_for_function(
        "() => document.querySelector('h1')?.textContent === 'Hekas boendesidor'"
    )
    assert page.evaluate("window.__hekaNoReload") == "still here"
    # A new visit in the same browser keeps Swedish even though the browser says Finnish.
    page.reload()
    page.wait_for_function(
        "() => document.querySelector('h1')?.textContent === 'Hekas boendesidor'"
    )
    screenshot(page, "landing-switched-sv-1280")


@pytest.mark.parametrize("path", ["/", "/instructions", "/accessibility"])
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_public_pages_have_no_serious_accessibility_violations(open_page, path, lang):
    page = open_page(path, width=1280, locale=BROWSER_LOCALES[lang])
    page.wait_for_function("expected => document.documentElement.lang === expected", arg=lang)
    results = Axe().run(page)
    serious = [
        (v["id"], v["impact"], len(v["nodes"]))
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []
    if lang != "fi" or path != "/":
        screenshot(page, f"page{path.replace('/', '-') or '-home'}-{lang}-1280")


def test_health_reports_database(portal):
    import httpx

    backend = portal.backend.servers[0].sockets[0].getsockname()
    response = httpx.get(f"http://{backend[0]}:{backend[1]}/_health", timeout=10)
    body = response.json()
    assert response.status_code == 200
    assert body["db"] is True
    assert body["status"] is True
    if os.environ.get("HEKA_REDIS_URL"):
        assert body["redis"] is True
