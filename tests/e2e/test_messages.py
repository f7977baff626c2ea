"""Messages and service requests in Chromium: a tenant at 390 px in Swedish sends a
parking application and a message with a photo; customer service replies at 1280 px; the
tenant's open thread shows the reply without a reload, the tenant answers with a photo that
staff's open page shows and the unread mark goes once read;
a primary tenant in debt asks rent monitoring for a payment plan and sees it on /rent;
axe finds nothing serious on the new pages."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.conftest import screenshot, url, wait_hydrated
from tests.e2e.test_auth import log_in
from tests.e2e.test_rent import DEBTOR, _log_in, debt_lease  # noqa: F401 - fixture

pytestmark = pytest.mark.e2e
DEMO_PASSWORD = "Kotiasukas-2026!"
TENANT = "tenant@demo.heka.example"
SHOTS = Path("/tmp/shots-messages")


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(screenshot(page, name), SHOTS / f"{name}.png")


def _photo(tmp_path) -> Path:
    out = io.BytesIO()
    Image.new("RGB", (1200, 900), (40, 90, 150)).save(out, "JPEG")
    path = tmp_path / "ovi.jpg"
    path.write_bytes(out.getvalue())
    return path


def _serious(page) -> list:
    violations = Axe().run(page).response["violations"]
    return [
        (v["id"], [n["target"] for n in v["nodes"]])
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


def _path(page, portal) -> str:
    return page.url.split(portal.frontend_url.rstrip("/"))[-1]


def test_tenant_sends_staff_replies_live(open_page, portal, tmp_path):
    tenant = open_page("/login", width=390, locale="sv-FI")
    log_in(tenant, portal, TENANT, DEMO_PASSWORD)
    tenant.wait_for_url("**/home")
    tenant.goto(url(portal, "/messages/request?type=parking"))
    wait_hydrated(tenant)
    tenant.wait_for_selector("#request-form")
    tenant.click("#lang-sv")
    tenant.wait_for_selector("h1:has-text('Ansökan om bilplats')")
    tenant.fill("#field-registration", "abc 123")
    tenant.click("#request-submit")  # no space chosen: a Swedish message, nothing lost
    expect(tenant.locator("#field-space-error")).to_have_text("Fyll i det här fältet.")
    assert tenant.locator("#field-registration").input_value() == "abc 123"
    assert _serious(tenant) == []
    _shot(tenant, "request-errors-sv-390")
    tenant.select_option("#field-space", "heated")
    tenant.dblclick("#request-submit")
    tenant.wait_for_selector("#thread-lines")
    parking_path = _path(tenant, portal)
    expect(tenant.locator("body")).to_contain_text("ABC-123")
    _shot(tenant, "request-sent-sv-390")

    tenant.goto(url(portal, "/messages/new"))
    wait_hydrated(tenant)
    tenant.wait_for_selector("#message-form")
    tenant.select_option("#field-topic", "general")
    tenant.fill("#field-subject", "Ytterdörren")
    tenant.fill("#field-text", "Ytterdörren stänger <b>dåligt</b>.")
    tenant.set_input_files("#message-files input[type=file]", str(_photo(tmp_path)))
    tenant.wait_for_selector(".heka-photos img")
    assert _serious(tenant) == []
    _shot(tenant, "message-form-sv-390")
    tenant.dblclick("#message-submit")
    tenant.wait_for_selector("#thread-lines")
    thread_path = _path(tenant, portal)
    expect(tenant.locator("#thread-lines")).to_contain_text("<b>dåligt</b>")  # inert text
    photo = tenant.locator("#thread-lines .heka-photos img").first
    expect(photo).to_be_visible()
    assert _serious(tenant) == []

    staff = open_page("/login", width=1280, locale="en-GB")
    log_in(staff, portal, "staff.customer_service@demo.heka.example", DEMO_PASSWORD)
    staff.wait_for_timeout(1500)
    staff.goto(url(portal, "/staff/messages"))
    wait_hydrated(staff)
    staff.wait_for_selector("#inbox-counts")
    staff.click("#lang-en")
    assert _serious(staff) == []
    _shot(staff, "inbox-en-1280")
    # The filters go into the address: a reload (a bookmark, a link to a colleague) keeps them.
    staff.select_option("#filter-kind", "messages")
    staff.click("#inbox-filter-submit")
    staff.wait_for_url("**/staff/messages?status=open&kind=messages")
    staff.reload()
    wait_hydrated(staff)
    expect(staff.locator("#filter-kind")).to_have_value("messages")
    expect(staff.locator("#filter-status")).to_have_value("open")
    staff.goto(url(portal, "/staff" + thread_path))
    wait_hydrated(staff)
    staff.wait_for_selector("#staff-reply-form")
    staff.fill("#staff-reply", "INTERNAL: the door company is booked")
    staff.check("#staff-internal")
    staff.click("#staff-reply-submit")
    expect(staff.locator("body")).to_contain_text("Internal note saved.")
    staff.fill("#staff-reply", "Vi reparerar dörren i morgon.")
    staff.click("#staff-reply-submit")
    expect(tenant.locator("#thread-lines")).to_contain_text("Vi reparerar", timeout=8000)
    assert "door company" not in tenant.content()
    expect(tenant.locator("#thread-status")).to_contain_text("Under behandling")
    assert _serious(staff) == []
    _shot(staff, "staff-thread-en-1280")
    _shot(tenant, "thread-live-reply-sv-390")

    # The tenant answers with a photo; staff's open page shows it without a reload.
    tenant.set_input_files("#reply-files input[type=file]", str(_photo(tmp_path)))
    tenant.wait_for_selector("#reply-form .heka-photos img")
    tenant.fill("#field-reply", "Här är en bild till.")
    assert _serious(tenant) == []
    _shot(tenant, "reply-with-photo-sv-390")
    tenant.click("#reply-submit")
    answer = tenant.locator("#thread-lines .heka-line").last
    expect(answer).to_contain_text("Här är en bild till.")
    expect(answer.locator(".heka-photos img")).to_be_visible()
    expect(tenant.locator("#reply-form .heka-photos img")).to_have_count(0)
    staff_answer = staff.locator(".heka-line", has_text="Här är en bild till.")
    expect(staff_answer.locator(".heka-photos img")).to_be_visible(timeout=8000)
    _shot(staff, "staff-sees-reply-photo-en-1280")

    # An answer to the parking application while the tenant is on the list: unread.
    tenant.goto(url(portal, "/messages"))
    wait_hydrated(tenant)
    staff.goto(url(portal, "/staff" + parking_path))
    wait_hydrated(staff)
    staff.wait_for_selector("#staff-reply-form")
    staff.fill("#staff-reply", "Er ansökan står i kö.")
    staff.click("#staff-reply-submit")
    expect(staff.locator("body")).to_contain_text("Reply sent.")
    tenant.reload()
    wait_hydrated(tenant)
    card = tenant.locator(f"a[href='{parking_path}']")
    expect(card).to_contain_text("Nytt svar")
    assert _serious(tenant) == []
    _shot(tenant, "messages-unread-sv-390")
    card.click()
    tenant.wait_for_selector("#thread-lines")
    expect(tenant.locator("#thread-lines")).to_contain_text("står i kö")
    tenant.goto(url(portal, "/messages"))
    wait_hydrated(tenant)
    expect(tenant.locator(f"a[href='{parking_path}']")).not_to_contain_text("Nytt svar")


def test_debtor_asks_for_a_payment_plan_and_sees_it(open_page, portal, debt_lease):  # noqa: F811
    tenant = open_page("/login", width=1280, locale="fi-FI")
    _log_in(tenant, portal, DEBTOR)
    tenant.goto(url(portal, "/messages/new"))
    wait_hydrated(tenant)
    tenant.wait_for_selector("#message-form")
    tenant.click("#lang-fi")
    tenant.select_option("#field-topic", "rent_plan")
    tenant.fill("#field-subject", "Maksusuunnitelma")
    tenant.fill("#field-text", "Voisinko maksaa rästit kahdessa erässä?")
    tenant.click("#message-submit")
    tenant.wait_for_selector("#thread-lines")
    thread_path = _path(tenant, portal)

    staff = open_page("/login", width=1280, locale="fi-FI")
    log_in(staff, portal, "staff.rent_monitoring@demo.heka.example", DEMO_PASSWORD)
    staff.wait_for_timeout(1500)
    staff.goto(url(portal, "/staff" + thread_path))
    wait_hydrated(staff)
    staff.wait_for_selector("#plan-form")
    expect(staff.locator("#staff-rent-sentence")).to_be_visible()
    staff.fill("input[name=due_1]", "2099-01-15")
    staff.fill("input[name=amount_1]", "300,00")
    staff.fill("input[name=due_2]", "2099-02-15")
    staff.fill("input[name=amount_2]", "412,50")
    assert _serious(staff) == []
    staff.click("#plan-submit")
    expect(staff.locator("body")).to_contain_text("Maksusuunnitelma tallennettu.")
    _shot(staff, "rent-thread-plan-fi-1280")
    expect(tenant.locator("#thread-lines")).to_contain_text("412,50", timeout=8000)
    tenant.goto(url(portal, "/rent"))
    wait_hydrated(tenant)
    expect(tenant.locator("body")).to_contain_text("Sovittu maksusuunnitelma")
    expect(tenant.locator("body")).to_contain_text("412,50")
    assert _serious(tenant) == []
    _shot(tenant, "rent-plan-fi-1280")
