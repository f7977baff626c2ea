"""Issue 8 in the browser: the defects found walking every page, each checked where a
tenant or an office worker meets it, with screenshots of the changed screens in fi/sv/en
at 1280 and 390 px (artifacts/screenshots/defects-*)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from heka_app.demo.dataset import DEMO_PASSWORD
from heka_app.services.common.clock import helsinki_today
from tests.e2e.conftest import screenshot, url, wait_hydrated
from tests.e2e.register_people import registrable_people
from tests.e2e.test_auth import log_in

pytestmark = pytest.mark.e2e

LOCALES = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}
OFFICE = "staff.area_office@demo.heka.example"
TENANT = "tenant@demo.heka.example"


def _signed_in(open_page, portal, email, *, lang="fi", width=1280, front="**/home"):
    page = open_page("/", width=width, locale=LOCALES[lang])
    log_in(page, portal, email, DEMO_PASSWORD)
    page.wait_for_url(front)
    return page


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("width", [1280, 390])
def test_404_is_a_translated_page_in_the_layout(open_page, lang, width):
    page = open_page("/no-such-page", width=width, locale=LOCALES[lang])
    heading = {"fi": "Sivua ei löytynyt", "sv": "Sidan hittades inte", "en": "Page not found"}
    expect(page.locator("h1#not-found")).to_have_text(heading[lang])
    expect(page.locator("header")).to_be_visible()
    expect(page.locator("footer")).to_be_visible()
    assert page.locator("text=404: Page not found").count() == 0
    screenshot(page, f"defects-404-{lang}-{width}")


def test_empty_forms_get_field_messages(open_page):
    page = open_page("/login", locale="en-GB")
    page.click("#login-submit")
    expect(page.locator("#field-email-error")).to_have_text("Enter your email address.")
    expect(page.locator("#field-password-error")).to_have_text("Enter your password.")
    assert page.locator("text=Email address or password is incorrect").count() == 0
    screenshot(page, "defects-login-empty-en-1280")
    page = open_page("/forgot-password", width=390, locale="sv-FI")
    page.click("#forgot-submit")
    expect(page.locator("#field-email-error")).to_have_text("Ange din e-postadress.")
    screenshot(page, "defects-forgot-empty-sv-390")


def test_signed_in_users_go_to_their_front_page_and_the_nav_marks_it(open_page, portal):
    page = _signed_in(open_page, portal, TENANT, lang="en")
    current = page.locator(".heka-nav-link[aria-current='page']:visible")
    expect(current).to_have_text("My page")
    page.goto(url(portal, "/login"))
    page.wait_for_url("**/home")
    page.goto(url(portal, "/register"))
    page.wait_for_url("**/home")
    page.goto(url(portal, "/"))
    wait_hydrated(page)
    expect(page.locator("#hero-front-page")).to_be_visible()
    assert page.locator("#hero-login").count() == 0
    screenshot(page, "defects-landing-signed-in-en-1280")


@pytest.mark.parametrize("role", ["customer_service", "maintenance"])
def test_staff_without_codes_see_no_codes_tool_and_no_spinner(open_page, portal, role):
    page = _signed_in(
        open_page, portal, f"staff.{role}@demo.heka.example", lang="en", front="**/staff"
    )
    # Their own tool (the maintenance queue) is listed; the area office's is not.
    tools = page.locator(".heka-staff-tools")
    expect(tools.locator("a[href='/staff/faults']")).to_be_visible()
    assert tools.locator("a[href='/staff/registration-codes']").count() == 0
    page.goto(url(portal, "/home"))
    page.wait_for_url("**/staff")
    screenshot(page, f"defects-staff-{role}-en-1280")


@pytest.mark.parametrize(("lang", "width"), [("fi", 1280), ("sv", 390), ("en", 390)])
def test_the_code_slip_prints_alone_in_the_residents_language(open_page, portal, now, lang, width):
    identity_code, _ = registrable_people(4, today=helsinki_today(now))[3]
    page = _signed_in(open_page, portal, OFFICE, lang=lang, width=width, front="**/staff")
    page.goto(url(portal, "/staff/registration-codes"))
    wait_hydrated(page)
    page.fill("#person-query", identity_code)
    page.click("#person-search")
    button = page.locator(".heka-issue").first
    expect(button).to_be_enabled()
    box = button.bounding_box()
    assert box is not None and box["x"] + box["width"] <= width  # on screen, also on a phone
    screenshot(page, f"defects-codes-results-{lang}-{width}")
    button.click()
    expect(page.locator("#issued-code")).to_be_visible()
    page.click("#slip-language >> text=Svenska")
    expect(page.locator("#code-slip")).to_contain_text("Registreringskod till Hekas boendesidor")
    screenshot(page, f"defects-codes-issued-{lang}-{width}")
    page.emulate_media(media="print")
    expect(page.locator("#code-slip")).to_be_visible()
    for hidden in ("#person-query", ".heka-matches", "#print-slip", "header", "footer"):
        expect(page.locator(hidden).first).to_be_hidden()
    screenshot(page, f"defects-codes-print-{lang}-{width}")


def test_office_search_shows_who_cannot_use_a_code(open_page, portal):
    page = _signed_in(open_page, portal, OFFICE, lang="en", front="**/staff")
    page.goto(url(portal, "/staff/registration-codes"))
    wait_hydrated(page)
    page.fill("#person-query", "Virtanen")  # the demo tenant, who has an account
    page.click("#person-search")
    expect(page.locator(".heka-cannot-use").first).to_be_visible()
    screenshot(page, "defects-codes-eligibility-en-1280")


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("width", [1280, 390])
def test_accessibility_page_headings_and_link(open_page, lang, width):
    page = open_page("/accessibility", width=width, locale=LOCALES[lang])
    link = page.locator("#supervisor-link")
    expect(link).to_have_attribute("href", re.compile(r"^https://www\.[a-z]+\.fi$"))
    heading = page.locator("h1")
    box = heading.bounding_box()
    assert box is not None and box["x"] + box["width"] <= width
    screenshot(page, f"defects-accessibility-{lang}-{width}")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_first_paint_is_in_the_chosen_language(open_page, portal, lang):
    page = open_page("/", locale=LOCALES[lang])
    page.click(f"#lang-{lang}")  # the choice is now the heka_lang cookie
    expect(page.locator("html")).to_have_attribute("lang", lang)
    # Record every frame from the very first one: visible Finnish text is a defect.
    page.add_init_script(
        """
        window.__paints = [];
        const sample = () => {
          const body = document.body;
          const visible = body && getComputedStyle(body).visibility !== "hidden";
          const h1 = document.querySelector("h1");
          if (visible && h1) window.__paints.push(h1.textContent);
          if (window.__paints.length < 400) requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
        """
    )
    page.reload()
    wait_hydrated(page)
    page.wait_for_timeout(300)
    paints = page.evaluate("window.__paints")
    assert paints, "nothing was painted"
    assert "Hekan asukassivut" not in paints


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("width", [1280, 390])
def test_account_page_and_phone_menu(open_page, portal, lang, width):
    page = _signed_in(open_page, portal, TENANT, lang=lang, width=width)
    page.goto(url(portal, "/account"))
    wait_hydrated(page)
    heading = page.locator("#password-form").locator("xpath=..").locator("h2")
    label = page.locator("label[for='field-current']")
    gap = label.bounding_box()["y"] - (
        heading.bounding_box()["y"] + heading.bounding_box()["height"]
    )
    assert gap >= 8, "the card heading sits on the first label"
    screenshot(page, f"defects-account-{lang}-{width}")
    if width == 390:
        page.click("#phone-menu-button")
        logout = page.locator(".heka-menu-action")
        link = page.locator("#phone-menu a").first
        assert logout.evaluate("e => getComputedStyle(e).color") == link.evaluate(
            "e => getComputedStyle(e).color"
        )
        screenshot(page, f"defects-phone-menu-{lang}-{width}")
