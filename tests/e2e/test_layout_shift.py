"""Nothing on screen moves while a signed-in page's data arrives over the websocket
(issue 9): Lighthouse measured a layout shift of 0.448 on /home and /faults/new on a phone,
the footer jumping down when the content replaced the spinner. The loading placeholder
(components/layout.loading) sits in a main element at least a screen high, so the footer
starts below the fold and stays there. On wider screens the navigation has a row of its
own, so the signed-in links arriving (more of them than a visitor's) move nothing either."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import url, wait_hydrated
from tests.e2e.test_auth import log_in

pytestmark = pytest.mark.e2e
TENANT = ("tenant@demo.heka.example", "Kotiasukas-2026!")
# Lighthouse's pages, and pages whose content is shorter than a screen (/faults, /messages:
# a screen-high placeholder alone let the footer rise into view when the list arrived).
PAGES = ["/home", "/faults/new", "/rent", "/faults", "/messages", "/my-home"]
# Every layout shift of the page's life without user input, summed (at least the CLS
# Lighthouse reports, which takes the worst window); Lighthouse's "good" is 0.1.
SHIFTS = """() => new Promise((done) => {
  let sum = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(sum), 500);
})"""


# 390: a phone; 900: a tablet, where the signed-in navigation is wider than the screen;
# 1350: Lighthouse's desktop, where it made the header wrap to a second row (CLS 0.57).
@pytest.mark.parametrize("width", [390, 900, 1350])
def test_data_arriving_moves_nothing(open_page, portal, width):
    page = open_page("/login", width=width)
    log_in(page, portal, *TENANT)
    page.wait_for_url("**/home")
    shifts = {}
    for path in PAGES:
        page.goto(url(portal, path))  # a full load, as a phone opening the link
        wait_hydrated(page)
        expect(page.locator(".heka-loading")).to_have_count(0)  # the data is there
        expect(page.locator("main h1")).to_be_visible()
        shifts[path] = page.evaluate(SHIFTS)
    assert {p: s for p, s in shifts.items() if s >= 0.05} == {}, shifts
