"""Finding 6: every page runs under the Content-Security-Policy with no violation.

The frontend server of the e2e harness sends the portal's headers (tests/e2e/conftest.py
PortalHarness), so this is the built Reflex frontend under the real policy. Violations are
collected in the page (``securitypolicyviolation`` events) and from the console.
"""

from __future__ import annotations

import pytest

from heka_app import routes
from heka_app.demo.dataset import DEMO_PASSWORD
from tests.e2e.conftest import url, wait_hydrated

pytestmark = pytest.mark.e2e

COLLECT = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample);
});
"""
PUBLIC = (
    routes.HOME,
    routes.INSTRUCTIONS,
    routes.ACCESSIBILITY,
    routes.LOGIN,
    routes.REGISTER,
    routes.REGISTER_ACCOUNT,
    routes.VERIFY_EMAIL,
    routes.FORGOT_PASSWORD,
    routes.RESET_PASSWORD,
)


def _watched_context(chromium_browser, width: int):
    context = chromium_browser.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(COLLECT)
    page = context.new_page()
    console: list[str] = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return context, page, console


def _visit(page, portal, path: str, console: list[str]) -> None:
    response = page.goto(url(portal, path))
    assert response is not None
    policy = response.headers["content-security-policy"]
    assert (
        "script-src 'self' 'unsafe-eval' 'sha256-" in policy
        and "'unsafe-inline'" not in policy.split("; ")[1]
    )
    wait_hydrated(page)
    page.wait_for_timeout(300)  # late effects (language, toasts) under the policy too
    assert page.evaluate("window.__csp") == [], path
    assert console == [], path


def _log_in(page, portal, email: str) -> None:
    page.goto(url(portal, routes.LOGIN))
    wait_hydrated(page)
    page.fill("#field-email", email)
    page.fill("#field-password", DEMO_PASSWORD)
    page.click("#login-submit")


@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_runs_under_the_policy(portal, chromium_browser, width):
    context, page, console = _watched_context(chromium_browser, width)
    try:
        for path in PUBLIC:
            _visit(page, portal, path, console)
        page.click("#lang-sv")
        page.wait_for_selector("html[lang='sv']")
        _log_in(page, portal, "tenant@demo.heka.example")
        page.wait_for_url("**/home")
        for path in (routes.MY_HOME, routes.ACCOUNT, routes.ACCOUNT_DETAILS):
            _visit(page, portal, path, console)
        page.click("#lang-en")
        page.wait_for_selector("html[lang='en']")
        if width > 390:  # (on a phone the button is in the menu)
            page.click("#logout-button")  # reloads into a fresh token (call_script)
            page.wait_for_url(url(portal, routes.HOME))
            wait_hydrated(page)
            assert page.evaluate("window.__csp") == [] and console == []
    finally:
        context.close()
    context, page, console = _watched_context(chromium_browser, width)
    try:
        _log_in(page, portal, "staff.area_office@demo.heka.example")
        page.wait_for_url("**/staff**")
        for path in (routes.STAFF, routes.STAFF_CODES, routes.STAFF_ACCOUNT_CHANGES):
            _visit(page, portal, path, console)
    finally:
        context.close()
