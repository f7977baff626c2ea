"""Household changes and a notice of termination in Chromium.

A primary tenant at 390 px in Finnish reports an adult co-resident moving out today;
customer service confirms it; the co-resident, signed in all along, loses access on that
day (the e2e clock is pinned: today is the moving-out day). Then a notice of termination:
the end date is shown before sending, the first signatory confirms with the password, the
second (at 390 px in Swedish) first mistypes it and then confirms, and only then does it
reach the staff inbox. axe finds nothing serious."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from heka_app.services.common.clock import helsinki_today
from heka_app.services.household.notice_period import lease_end_after_notice
from tests.e2e.conftest import screenshot, url, wait_hydrated
from tests.e2e.household_people import CO_RESIDENT, SIGNATORY, SPOUSE, e2e_household
from tests.e2e.test_auth import log_in
from tests.e2e.test_messages import DEMO_PASSWORD, _path, _serious

pytestmark = pytest.mark.e2e
SHOTS = Path("/tmp/shots-household")
STAFF = "staff.customer_service@demo.heka.example"


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(screenshot(page, name), SHOTS / f"{name}.png")


@pytest.fixture(scope="module")
def household(portal, app_clock):
    return e2e_household(app_clock)


def _signed_in(open_page, portal, email: str, width: int, locale: str):
    page = open_page("/login", width=width, locale=locale)
    log_in(page, portal, email, DEMO_PASSWORD)
    page.wait_for_url(lambda u: "/login" not in u and "/_session" not in u)
    return page


def _request_form(page, portal, key: str, lang: str) -> None:
    page.goto(url(portal, f"/messages/request?type={key}"))
    wait_hydrated(page)
    page.wait_for_selector("#request-form")
    page.click(f"#lang-{lang}")


def test_a_confirmed_move_out_ends_access_on_the_day(open_page, portal, household, now):
    co = _signed_in(open_page, portal, CO_RESIDENT, 1280, "fi-FI")
    tenant = _signed_in(open_page, portal, SIGNATORY, 390, "fi-FI")
    _request_form(tenant, portal, "move_out", "fi")
    tenant.wait_for_selector("h1:has-text('Asukas muuttaa pois')")
    tenant.fill("#field-moved_out_on", helsinki_today(now).isoformat())
    tenant.click("#request-submit")  # nobody chosen: a Finnish message, the date kept
    expect(tenant.locator("#field-resident-error")).to_have_text("Täytä tämä kenttä.")
    assert tenant.locator("#field-moved_out_on").input_value() == helsinki_today(now).isoformat()
    assert _serious(tenant) == []
    _shot(tenant, "move-out-errors-fi-390")
    tenant.select_option("#field-resident", label=household.co_resident_name)
    tenant.click("#request-submit")
    tenant.wait_for_selector("#thread-lines")
    thread_path = _path(tenant, portal)
    expect(tenant.locator("body")).to_contain_text(household.co_resident_name)
    expect(tenant.locator("#thread-status")).to_contain_text("Lähetetty")
    _shot(tenant, "move-out-sent-fi-390")

    staff = _signed_in(open_page, portal, STAFF, 1280, "en-GB")
    staff.goto(url(portal, "/staff" + thread_path))
    wait_hydrated(staff)
    staff.wait_for_selector("#field-status")
    staff.click("#lang-en")
    expect(staff.locator("body")).to_contain_text(household.co_resident_name)
    assert _serious(staff) == []
    staff.select_option("#field-status", "decided")
    staff.fill("#field-decision", "Muutto on kirjattu rekisteriin.")
    staff.click("#status-submit")
    expect(staff.locator("body")).to_contain_text("Decided")
    _shot(staff, "move-out-confirmed-en-1280")
    expect(tenant.locator("#thread-status")).to_contain_text("Päätetty", timeout=8000)

    # The moved-out co-resident's very next step is refused: back to the login page.
    co.goto(url(portal, "/messages"))
    co.wait_for_url("**/login", timeout=20_000)
    log_in(co, portal, CO_RESIDENT, DEMO_PASSWORD)
    co.wait_for_timeout(2000)
    assert "/login" in co.url
    _shot(co, "moved-out-login-refused-fi-1280")
    # The signatory is still in, and the household no longer lists the co-resident.
    _request_form(tenant, portal, "move_out", "fi")
    options = tenant.locator("#field-resident option").all_inner_texts()
    assert household.co_resident_name not in options


def test_a_two_signatory_notice_is_confirmed_by_both(open_page, portal, household, now):
    first = _signed_in(open_page, portal, SIGNATORY, 1280, "en-GB")
    _request_form(first, portal, "termination", "en")
    ends = lease_end_after_notice(helsinki_today(now))
    preview = first.locator("#request-preview")
    expect(preview).to_contain_text(f"{ends:%B} {ends.day}, {ends.year}")
    expect(first.locator("#request-checklist li")).to_have_count(5)
    assert _serious(first) == []
    _shot(first, "notice-form-en-1280")
    inspection = helsinki_today(now) + dt.timedelta(days=20)
    first.fill("#field-inspection_date", inspection.isoformat())
    first.select_option("#field-inspection_time", "morning")
    first.click("#request-submit")
    first.wait_for_selector("#signatures")
    thread_path = _path(first, portal)
    expect(first.locator("#thread-status")).to_contain_text("Waiting for every signatory")
    first.fill("#field-confirm-password", DEMO_PASSWORD)
    first.click("#confirm-submit")
    expect(first.locator("#signatures")).to_contain_text("You have confirmed the notice.")
    expect(first.locator("#confirm-form")).to_have_count(0)

    staff = _signed_in(open_page, portal, STAFF, 1280, "en-GB")
    staff.goto(url(portal, "/staff" + thread_path))
    wait_hydrated(staff)
    expect(staff.locator("body")).to_contain_text("Message not found.")

    second = _signed_in(open_page, portal, SPOUSE, 390, "sv-FI")
    second.goto(url(portal, thread_path))
    wait_hydrated(second)
    second.wait_for_selector("#signatures")
    second.click("#lang-sv")
    expect(second.locator("#thread-status")).to_contain_text("Väntar på alla undertecknare")
    second.fill("#field-confirm-password", "fel lösenord 123")
    second.click("#confirm-submit")
    expect(second.locator("#field-confirm-password-error")).not_to_be_empty()
    assert _serious(second) == []
    _shot(second, "notice-wrong-password-sv-390")
    second.fill("#field-confirm-password", DEMO_PASSWORD)
    second.click("#confirm-submit")
    expect(second.locator("#thread-status")).to_contain_text("Skickad")
    _shot(second, "notice-confirmed-sv-390")
    expect(first.locator("#thread-status")).to_contain_text("Sent", timeout=8000)

    staff.goto(url(portal, "/staff" + thread_path))
    wait_hydrated(staff)
    staff.wait_for_selector("#field-status")
    expect(staff.locator("body")).to_contain_text("Notice of termination")
    _shot(staff, "notice-in-queue-en-1280")
