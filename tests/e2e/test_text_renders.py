"""Translated text re-renders when the words change, not on every session delta (issue 9).

Every ``t()`` used to read the language from the whole session state, so the hydrate
answer (cookies, the logout link) re-rendered every text on the page in one synchronous
commit: about half of what hydration rendered on the landing page. Text now reads the
language through assets/heka_lang.js. The count comes from a stub of React's DevTools
hook (benchmarks/render_count.py): components that did work in each commit.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from benchmarks.render_count import HOOK
from tests.e2e.conftest import url, wait_hydrated

pytestmark = pytest.mark.e2e


def commits(open_page, portal, path: str, locale: str = "fi-FI") -> list[int]:
    # A new tab (a reload keeps the tab's token: its state, data included, comes back in
    # the hydrate answer), with the hook in place before React loads.
    page = open_page(path, width=390, locale=locale).context.new_page()
    page.add_init_script(HOOK)
    page.goto(url(portal, path))
    wait_hydrated(page)
    page.wait_for_load_state("networkidle")
    # Components that re-rendered (not those data mounted) in each commit; the first is
    # hydration, which renders everything.
    rendered = page.evaluate("window.__hekaCommits")
    return [rendered[0], *page.evaluate("window.__hekaUpdates")[1:]]


@pytest.mark.parametrize("path", ["/", "/login"])
def test_the_hydrate_answer_does_not_re_render_the_text(open_page, portal, path):
    hydration, *later = commits(open_page, portal, path)
    # Before: the largest later commit was 51 % (/) and 50 % (/login) of hydration's.
    assert max(later) < hydration * 0.2, (hydration, later)


def test_switching_the_language_still_re_renders_every_text(open_page, portal):
    page = open_page("/", width=1280)
    heading = page.locator("main h1")
    finnish = heading.inner_text()
    page.click("#lang-sv")
    expect(heading).not_to_have_text(finnish)
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    swedish = heading.inner_text()
    page.click("#lang-en")
    expect(heading).not_to_have_text(swedish)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    # The header, the page and the footer are separate components: each follows.
    expect(page.locator("header a[href='/login']").first).to_have_text("Log in")
