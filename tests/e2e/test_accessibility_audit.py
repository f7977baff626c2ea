"""Accessibility audit (issue 16): axe-core on every page (public, tenant, staff) in
fi/sv/en at 1280 and 390 px, with zero violations of any impact.

One browser context per audience, language and width; each audience logs in once (the
HttpOnly session cookie is copied into its other contexts). Detail pages are reached
through the first link of their list page, so every page shown is one a user can reach.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.conftest import screenshot, url, wait_hydrated
from tests.factories import PASSWORD

pytestmark = pytest.mark.e2e

PUBLIC = [
    "/",
    "/news",
    "/instructions",
    "/accessibility",
    "/login",
    "/register",
    "/register/account",
    "/verify-email",
    "/forgot-password",
    "/reset",
    "/no-such-page",
]
TENANT = [
    "/home",
    "/my-home",
    "/rent",
    "/account",
    "/faults",
    "/faults/new",
    "/messages",
    "/messages/new",
    "/news",
    "/instructions",
]
STAFF = [
    "/staff",
    "/staff/registration-codes",
    "/staff/content",
    "/staff/content/edit",
    "/staff/faults",
    "/staff/messages",
]
# List page -> the pattern of its detail links (the first one is audited too).
DETAILS = {
    "/news": r"^/news/[\w-]+$",
    "/instructions": r"^/instructions/[\w-]+$",
    "/faults": r"^/faults/\d+$",
    "/messages": r"^/messages/(\d+|request\?type=\w+)$",
    "/staff/faults": r"^/staff/faults/\d+$",
    "/staff/messages": r"^/staff/messages/\d+$",
    "/staff/content": r"^/staff/content/edit\?id=\d+$",
}
AUDIENCES = {
    "public": ("", PUBLIC),
    "tenant": ("tenant@demo.heka.example", TENANT),
    "staff": ("staff.admin@demo.heka.example", STAFF),
}
WIDTHS = (1280, 390)
LANGUAGES = ("fi", "sv", "en")


@pytest.fixture(scope="module")
def session_cookies(portal, chromium_browser):
    """Each audience's login, made once: audience -> the cookies of a logged-in browser."""
    cookies: dict[str, list] = {"public": []}
    for audience, (email, _) in AUDIENCES.items():
        if not email:
            continue
        context = chromium_browser.new_context()
        page = context.new_page()
        page.goto(url(portal, "/login"))
        wait_hydrated(page)
        page.fill("#field-email", email)
        page.fill("#field-password", PASSWORD)
        page.click("#login-submit")
        page.wait_for_url(re.compile(r".*/(home|staff)$"))
        cookies[audience] = [c for c in context.cookies() if c["name"] == "heka_sid"]
        context.close()
    return cookies


def _detail_link(page, pattern: str) -> str | None:
    hrefs = page.eval_on_selector_all(
        "main a[href]", "links => links.map(a => a.getAttribute('href'))"
    )
    return next((href for href in hrefs if re.match(pattern, href or "")), None)


def _violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {len(v['nodes'])}x {v['nodes'][0]['target']}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("audience", list(AUDIENCES))
def test_every_page_passes_axe(
    portal, chromium_browser, session_cookies, audience, language, width
):
    context = chromium_browser.new_context(viewport={"width": width, "height": 900})
    base = url(portal, "/")
    context.add_cookies(
        [{"name": "heka_lang", "value": language, "url": base}] + session_cookies[audience]
    )
    page = context.new_page()
    found: dict[str, list[str]] = {}
    queue = list(AUDIENCES[audience][1])
    try:
        while queue:
            path = queue.pop(0)
            page.goto(url(portal, path))
            wait_hydrated(page)
            page.wait_for_selector("main h1")
            page.wait_for_function(f"() => document.documentElement.lang === '{language}'")
            if path in DETAILS and (link := _detail_link(page, DETAILS[path])):
                queue.append(link)
            problems = _violations(page)
            if problems:
                found[path] = problems
                screenshot(page, f"axe-{audience}-{language}-{width}-{path.strip('/') or 'home'}")
    finally:
        context.close()
    assert not found, "\n".join(f"{path}: {'; '.join(v)}" for path, v in found.items())


def test_finnish_only_text_is_marked_finnish(open_page):
    """A news item without an English version is shown in Finnish: its title and summary
    carry lang="fi" (screen readers switch voice), the "Finnish only" badge stays English."""
    page = open_page("/news", width=1280, locale="en-GB")
    badge = page.get_by_text("Available in Finnish only").first
    badge.wait_for()
    card = page.locator("li", has=page.get_by_text("Available in Finnish only")).first
    lang_of = "el => el.closest('[lang]').getAttribute('lang')"
    assert card.locator("h2").evaluate(lang_of) == "fi"
    assert badge.evaluate(lang_of) == "en"
    title = card.locator("h2 a").inner_text()
    card.locator("h2 a").click()
    heading = page.locator("main h1", has_text=title)  # the article's, not the list's
    heading.wait_for()
    assert heading.evaluate(lang_of) == "fi"
    assert page.locator(".heka-article-body").evaluate(lang_of) == "fi"
    assert page.get_by_text("Available in Finnish only").first.evaluate(lang_of) == "en"
