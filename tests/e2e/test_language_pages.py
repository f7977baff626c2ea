"""The pages are served prerendered in the reader's language and hydrate in it (issue 9;
heka_app/language_pages.py, heka_app/served_language.py): the first paint is Swedish or
English, React hydrates that HTML in place (no mismatch, no second render in Finnish), and
the language switch still works."""

from __future__ import annotations

import pytest

from heka_app.demo.dataset import DEMO_PASSWORD
from tests.e2e.conftest import screenshot, url, wait_hydrated

pytestmark = pytest.mark.e2e

LOCALES = {"sv": "sv-FI", "en": "en-GB"}
HEADINGS = {
    ("/", "sv"): "Hekas boendesidor",
    ("/", "en"): "Heka resident pages",
    ("/login", "sv"): "Logga in",
    ("/login", "en"): "Log in",
    ("/news", "sv"): "Nyheter",
    ("/news", "en"): "News",
}
# Keeps the prerendered <h1> element: hydration in place keeps it, a client re-render
# (React's answer to a mismatch) replaces it.
KEEP_HEADING = """
document.addEventListener("DOMContentLoaded", () => {
  window.__hekaHeading = document.querySelector("h1");
});
"""


def _open(chromium_browser, portal, path: str, lang: str, width: int = 1280):
    context = chromium_browser.new_context(
        viewport={"width": width, "height": 900}, locale=LOCALES[lang]
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(KEEP_HEADING)
    page.goto(url(portal, path))
    return context, page, errors


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("path", ["/", "/login", "/news"])
def test_the_page_arrives_in_the_browsers_language_and_hydrates_in_place(
    chromium_browser, portal, path, lang
):
    heading = HEADINGS[(path, lang)]
    context, page, errors = _open(chromium_browser, portal, path, lang)
    try:
        first = page.evaluate("window.__hekaHeading?.textContent")
        assert first == heading  # painted from the served HTML, before any script ran
        assert page.evaluate("document.documentElement.lang") == lang
        wait_hydrated(page)
        assert page.evaluate("document.querySelector('h1') === window.__hekaHeading")
        assert page.text_content("h1") == heading
        assert errors == []  # React reports a hydration mismatch as a page error (#418)
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            screenshot(page, f"language-page-{path.strip('/') or 'landing'}-{lang}-{width}")
    finally:
        context.close()


def test_the_raw_page_follows_cookie_then_accept_language(chromium_browser, portal):
    context = chromium_browser.new_context()
    try:
        request = context.request
        english = request.get(url(portal, "/login/"), headers={"Accept-Language": "en-US"})
        cookie = request.get(
            url(portal, "/login/"), headers={"Accept-Language": "en-US", "Cookie": "heka_lang=sv"}
        )
        finnish = request.get(url(portal, "/login/"), headers={"Accept-Language": "fi"})
        assert '<html lang="en" data-heka-served="en"' in english.text()
        assert "<title>Log in – Heka resident pages</title>" in english.text()
        assert '<html lang="sv" data-heka-served="sv"' in cookie.text()
        assert '<html lang="fi">' in finnish.text()
        assert "Accept-Language" in english.headers["vary"]
    finally:
        context.close()


def test_a_dynamic_page_and_a_signed_in_page_hydrate_in_swedish(chromium_browser, portal):
    context, page, errors = _open(chromium_browser, portal, "/news/uudet-asukassivut", "sv")
    try:
        page.wait_for_selector("h1:has-text('De nya boendesidorna')", timeout=30_000)
        page.goto(url(portal, "/login"))
        wait_hydrated(page)
        page.fill("#field-email", "tenant@demo.heka.example")
        page.fill("#field-password", DEMO_PASSWORD)
        page.click("#login-submit")
        page.wait_for_url("**/home*")
        page.goto(url(portal, "/home"))
        assert page.evaluate("window.__hekaHeading?.textContent").startswith("Välkommen")
        wait_hydrated(page)
        page.wait_for_selector("h1:has-text('Välkommen, ')")
        assert page.evaluate("document.querySelector('h1') === window.__hekaHeading")
        assert errors == []
    finally:
        context.close()


def test_switching_to_finnish_on_an_english_page_and_reloading(chromium_browser, portal):
    context, page, errors = _open(chromium_browser, portal, "/login", "en")
    try:
        wait_hydrated(page)
        page.click("#lang-fi")
        page.wait_for_selector("h1:has-text('Kirjaudu')")
        assert page.evaluate("document.documentElement.lang") == "fi"
        page.reload()
        # The cookie now says Finnish: the Finnish page is served, painted without waiting.
        assert page.evaluate("window.__hekaHeading?.textContent") == "Kirjaudu"
        assert page.evaluate("document.documentElement.dataset.hekaServed") is None
        assert errors == []
    finally:
        context.close()
