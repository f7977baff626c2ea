"""Identity and access in the browser: registration through the local identification
broker and with an area-office code, log in / log out / password reset, the three lease
states, and lock-out after repeated wrong passwords."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from sqlmodel import col, func, select

from heka_app.db import session_scope
from heka_app.demo.dataset import DEMO_PASSWORD
from heka_app.i18n.formatting import format_date
from heka_app.models.accounts import UserAccount
from heka_app.models.security import SecurityEvent
from heka_app.services.auth import security_log
from heka_app.services.common.clock import helsinki_today
from tests.e2e.conftest import eventually, screenshot, url, wait_hydrated
from tests.e2e.register_people import child_in_register, registrable_people
from tests.factories import PASSWORD, first_of_next_month, make_staff, make_tenant

pytestmark = pytest.mark.e2e
NEW_PASSWORD = "lumi sade kahvikuppi 42"


def log_in(page, portal, email: str, password: str) -> None:
    page.goto(url(portal, "/login"))
    wait_hydrated(page)
    page.fill("#field-email", email)
    page.fill("#field-password", password)
    page.click("#login-submit")


def choose_account(page, email: str, password: str = NEW_PASSWORD) -> None:
    page.wait_for_selector("#field-email")
    page.fill("#field-email", email)
    page.fill("#field-password", password)
    page.fill("#field-password_again", password)
    page.click("#account-submit")
    page.wait_for_selector("text=We sent a confirmation link")


def confirm_and_log_in(page, portal, mail_sink, email: str) -> None:
    page.goto(url(portal, mail_sink.last_link(email, "/verify-email")))
    page.wait_for_selector("text=Your email address is confirmed")
    log_in(page, portal, email, NEW_PASSWORD)
    page.wait_for_url("**/home")
    page.wait_for_selector("text=Kontakt", state="detached")  # no stale Swedish text
    page.wait_for_selector("h1:has-text('Welcome')")


@pytest.mark.broker
def test_register_with_strong_identification_through_the_broker(
    open_page, portal, mail_sink, broker, now
):
    identity_code, first_name = registrable_people(1, today=helsinki_today(now))[0]
    page = open_page("/register", locale="en-GB")
    page.wait_for_selector("h1:has-text('Register')")
    screenshot(page, "register-en-1280")
    page.click("#start-identification")
    # The local broker's page (oidc-provider): type the identity code of a demo tenant.
    page.wait_for_selector("#hetu")
    screenshot(page, "broker-login")
    page.fill("#hetu", identity_code)
    page.fill("#given", first_name)
    page.click("text=Tunnistaudu / Identify")
    page.wait_for_url("**/register/account")
    page.wait_for_selector(f"text=Hello {first_name}")
    email = f"broker.{identity_code.lower()}@example.com"
    choose_account(page, email)
    screenshot(page, "register-done-en-1280")
    confirm_and_log_in(page, portal, mail_sink, email)
    screenshot(page, "home-after-broker-registration-en-1280")
    # Identifying again: already registered, offered log in and password reset.
    again = open_page("/register", locale="en-GB")
    again.click("#start-identification")
    again.wait_for_selector("#hetu")
    again.fill("#hetu", identity_code)
    again.click("text=Tunnistaudu / Identify")
    again.wait_for_selector("text=You already have an account.")
    again.click("text=Forgot your password?")
    again.wait_for_url("**/forgot-password")


@pytest.mark.broker
def test_broker_identity_of_a_child_or_stranger_is_refused(open_page, broker, now):
    page = open_page("/register", locale="en-GB")
    page.click("#start-identification")
    page.wait_for_selector("#hetu")
    # A DVV test person who is not in Heka's register.
    page.click("text=(010501E9032)")
    page.wait_for_url("**/register")
    page.wait_for_selector("text=We did not find you in Heka's resident register.")
    page.click("#start-identification")
    page.wait_for_selector("#hetu")
    page.fill("#hetu", child_in_register(today=helsinki_today(now)))
    page.click("text=Tunnistaudu / Identify")
    page.wait_for_url("**/register")
    page.wait_for_selector("text=You must be 18 or older to register.")


def test_register_with_an_area_office_code(open_page, portal, mail_sink, now):
    identity_code, _ = registrable_people(2, today=helsinki_today(now))[1]
    staff = open_page("/login", locale="fi-FI")
    log_in(staff, portal, "staff.area_office@demo.heka.example", DEMO_PASSWORD)
    staff.wait_for_url("**/staff")
    staff.goto(url(portal, "/staff/registration-codes"))
    wait_hydrated(staff)
    staff.fill("#person-query", identity_code)
    staff.click("#person-search")
    staff.click("text=Anna koodi")
    code = staff.inner_text("#issued-code")
    assert len(code.replace("-", "")) == 12
    screenshot(staff, "staff-code-issued-fi-1280")
    # The tenant, at home on a phone.
    page = open_page("/register", width=390, locale="sv-FI")
    page.fill("#field-code", "WRONG-CODE-0000")
    page.fill("#field-identity_code", identity_code)
    page.click("#code-submit")
    page.wait_for_selector("text=Registreringskoden eller personbeteckningen är inte giltig.")
    page.fill("#field-code", code.lower())
    page.click("#code-submit")
    page.wait_for_url("**/register/account")
    page.click("#lang-en")
    email = f"office.{identity_code.lower()}@example.com"
    choose_account(page, email)
    screenshot(page, "register-code-done-en-390")
    confirm_and_log_in(page, portal, mail_sink, email)
    # The code is single use.
    again = open_page("/register", locale="en-GB")
    again.fill("#field-code", code)
    again.fill("#field-identity_code", identity_code)
    again.click("#code-submit")
    again.wait_for_selector("text=The registration code or personal identity code is not valid.")


def test_log_in_log_out_and_the_back_button(open_page, portal):
    page = open_page("/login", locale="en-GB")
    log_in(page, portal, "tenant@demo.heka.example", DEMO_PASSWORD)
    page.wait_for_url("**/home")
    # The session cookie came from an HTTP response: HttpOnly, so no script can read it.
    [sid] = [c for c in page.context.cookies() if c["name"] == "heka_sid"]
    assert sid["httpOnly"] and sid["sameSite"] == "Strict" and sid["expires"] == -1
    assert "heka_sid" not in page.evaluate("document.cookie")
    assert sid["value"] not in page.evaluate("JSON.stringify({...sessionStorage, ...localStorage})")
    page.click("#lang-fi")
    page.wait_for_selector("text=Kiinteistösi yhteystiedot")
    name = page.inner_text("h1")
    screenshot(page, "home-tenant-fi-1280")
    page.click("#logout-button")
    page.wait_for_url(url(portal, "/"))
    wait_hydrated(page)
    assert not [c for c in page.context.cookies() if c["name"] == "heka_sid"]
    page.go_back()
    # Whatever page the history shows (the login page), it is live and has rendered...
    wait_hydrated(page)
    expect(page.locator("h1")).to_be_visible()
    # ...without the tenant's data.
    expect(page.locator("body")).not_to_contain_text(name)
    expect(page.locator("body")).not_to_contain_text("Kiinteistösi yhteystiedot")
    # A protected page needs a new login.
    page.goto(url(portal, "/home"))
    page.wait_for_url("**/login")


def _own_account(email: str, now, role: str | None = None) -> str:
    """An account of the test's own (once per run), so that changing its password or
    locking it out does not leak into tests that sign in with the demo accounts."""
    with session_scope() as session:
        if not session.exec(select(UserAccount).where(UserAccount.email == email)).first():
            if role:
                make_staff(session, role, now=now, email=email)
            else:
                make_tenant(session, now=now, email=email)
    return email


def test_password_reset_by_email(open_page, portal, mail_sink, now):
    email = _own_account("reset.tenant@test.example", now)
    page = open_page("/forgot-password", locale="en-GB")
    page.fill("#field-email", email)
    page.click("#forgot-submit")
    page.wait_for_selector("text=If the address has an account")
    page.goto(url(portal, mail_sink.last_link(email, "/reset")))
    wait_hydrated(page)
    page.fill("#field-password", "short")
    page.fill("#field-password_again", "short")
    page.click("#reset-submit")
    page.wait_for_selector("text=Use at least 12 characters.")
    page.fill("#field-password", NEW_PASSWORD)
    page.fill("#field-password_again", NEW_PASSWORD)
    page.click("#reset-submit")
    page.wait_for_selector("text=Your password has been changed")
    log_in(page, portal, email, PASSWORD)
    page.wait_for_selector("text=Email address or password is incorrect.")
    page.fill("#field-password", NEW_PASSWORD)
    page.click("#login-submit")
    page.wait_for_url("**/home")


def test_the_three_lease_states(open_page, portal, now):
    upcoming = open_page("/login", locale="fi-FI")
    log_in(upcoming, portal, "newtenant@demo.heka.example", DEMO_PASSWORD)
    upcoming.wait_for_url("**/home")
    upcoming.wait_for_selector("#opens-on")
    upcoming.click("#lang-fi")
    starts = format_date(first_of_next_month(helsinki_today(now)), "fi")
    upcoming.wait_for_selector(f"#opens-on:has-text('Vuokrasopimuksesi alkaa {starts}')")
    screenshot(upcoming, "home-upcoming-fi-1280")

    active = open_page("/login", locale="fi-FI")
    log_in(active, portal, "tenant@demo.heka.example", DEMO_PASSWORD)
    active.wait_for_url("**/home")
    active.wait_for_selector("text=Kiinteistösi yhteystiedot")
    expect(active.locator("#opens-on")).to_have_count(0)

    ended = open_page("/login", locale="fi-FI")
    log_in(ended, portal, "former@demo.heka.example", DEMO_PASSWORD)
    ended.wait_for_selector("text=Vuokrasopimuksesi on päättynyt")
    assert urlparse(ended.url).path.rstrip("/") == "/login"
    screenshot(ended, "login-ended-lease-fi-1280")


def _refused_logins() -> int:
    """Refused logins so far: each writes one security event (failed, or locked out)."""
    refused = (security_log.LOGIN_FAILED, security_log.LOCKED_OUT)
    with session_scope() as session:
        query = select(func.count()).where(col(SecurityEvent.event).in_(refused))
        return session.exec(query).one()


def test_lock_out_after_repeated_wrong_passwords(open_page, portal, now):
    page = open_page("/login", width=390, locale="en-GB")
    email = _own_account("lockout.editor@test.example", now, role="content_editor")
    start = _refused_logins()
    log_in(page, portal, email, "not the password 1")
    for attempt in range(2, 7):
        # The server has answered the previous attempt before the next one is typed.
        eventually(lambda n=attempt: _refused_logins() == start + n - 1)
        page.fill("#field-password", f"not the password {attempt}")
        page.click("#login-submit")
    eventually(lambda: _refused_logins() == start + 6)
    expect(page.get_by_text("Too many attempts")).to_be_visible()
    # Even the right password waits until the pause is over.
    page.fill("#field-password", PASSWORD)
    page.click("#login-submit")
    eventually(lambda: _refused_logins() == start + 7)  # the attempt was answered: refused
    expect(page.get_by_text("Too many attempts")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/login/?$"))
    screenshot(page, "login-locked-en-390")


# What shows once a logged-in page's own data has arrived from the server.
LOADED = {"/home": ".rt-DataListRoot", "/account": "strong:has-text('@')"}


@pytest.mark.parametrize(("lang", "width"), [("sv", 320), ("en", 390), ("fi", 1280)])
def test_logged_in_pages_fit_the_screen(open_page, portal, lang, width):
    page = open_page("/login", width=width, locale="fi-FI")
    log_in(page, portal, "tenant@demo.heka.example", DEMO_PASSWORD)
    page.wait_for_url("**/home")
    page.click(f"#lang-{lang}")
    page.wait_for_function("l => document.documentElement.lang === l", arg=lang)
    for path in ("/home", "/account"):
        page.goto(url(portal, path))
        wait_hydrated(page)
        expect(page.locator(LOADED[path]).first).to_be_visible()  # the server's data is in
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        violations = Axe().run(page).response["violations"]
        serious = [v["id"] for v in violations if v["impact"] in {"serious", "critical"}]
        assert serious == [], path
        screenshot(page, f"{path.strip('/')}-{lang}-{width}")
