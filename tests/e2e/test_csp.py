"""Finding 6: every page runs under the Content-Security-Policy with no violation.

The frontend server of the e2e harness sends the portal's headers (tests/e2e/conftest.py
PortalHarness), so this is the built Reflex frontend under the real policy. Violations are
collected in the page (``securitypolicyviolation`` events) and from the console.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

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
        "script-src 'self' 'sha256-" in policy
        and "'unsafe-inline'" not in policy.split("; ")[1]
        and "'unsafe-eval'" not in policy
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
            page.click("#logout-button")  # reloads into a fresh token
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


def test_what_handlers_ask_of_the_browser_runs_without_eval(portal, chromium_browser):
    """The fault form's draft and a form reset after sending, under a policy without
    'unsafe-eval' (state/browser_actions.py, components/fault_draft.py)."""
    context, page, console = _watched_context(chromium_browser, 1280)
    try:
        _log_in(page, portal, "tenant@demo.heka.example")
        page.wait_for_url("**/home")
        page.goto(url(portal, routes.FAULT_NEW))
        wait_hydrated(page)
        page.fill("#field-description", "The balcony door sticks 2741")
        page.wait_for_function(
            "() => (localStorage.getItem('heka-fault-draft') || '').includes('2741')"
        )
        page.reload()  # the draft comes back into the form
        wait_hydrated(page)
        expect(page.locator("#field-description")).to_have_value("The balcony door sticks 2741")
        assert page.input_value("#field-submission-id")  # one id for this report, kept
        page.goto(url(portal, "/messages/new"))
        page.wait_for_selector("#message-form")
        page.select_option("#field-topic", "general")
        page.fill("#field-subject", "Policy check")
        page.fill("#field-text", "Is the sauna open on Sundays?")
        page.click("#message-submit")
        page.wait_for_selector("#field-reply")
        page.fill("#field-reply", "And on holidays? 5530")
        page.click("#reply-submit")
        expect(page.locator("#thread-lines")).to_contain_text("5530")
        expect(page.locator("#field-reply")).to_have_value("")  # the reset the server asked for
        assert page.evaluate("window.__csp") == [] and console == []
    finally:
        context.close()


def test_a_refusal_toast_shows_without_eval(portal, chromium_browser):
    """The guard's refusal is a toast the page shows from a browser action (not eval)."""
    context, page, console = _watched_context(chromium_browser, 390)
    try:
        _log_in(page, portal, "newtenant@demo.heka.example")  # the lease starts next month
        page.wait_for_url("**/home")
        page.goto(url(portal, routes.FAULT_NEW))
        wait_hydrated(page)
        toast = page.locator("[data-sonner-toast]")
        expect(toast).to_contain_text("This opens when your lease takes effect.")
        assert page.evaluate("window.__csp") == [] and console == []
    finally:
        context.close()
