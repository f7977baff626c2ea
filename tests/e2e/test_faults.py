"""Fault reports in Chromium: a tenant at 390 px in Swedish reports an urgent fault with a
photo, maintenance at 1280 px moves it on with a comment, the tenant's open page updates
without a reload, the mail arrives once; axe finds nothing serious on the new pages."""

from __future__ import annotations

import io
import re
import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import expect

from heka_app.pages.fault_report import MORE_PHOTOS_ID
from tests.e2e.conftest import eventually, screenshot, url, wait_hydrated
from tests.e2e.test_auth import log_in

pytestmark = pytest.mark.e2e
DEMO_PASSWORD = "Kotiasukas-2026!"
TENANT = "tenant@demo.heka.example"


def _photo(tmp_path):
    image = Image.new("RGB", (1600, 1200), (150, 40, 40))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (60.0, 12.0, 30.0), 3: "E", 4: (25.0, 5.0, 10.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    path = tmp_path / "vuoto.jpg"
    path.write_bytes(out.getvalue())
    return path


def _serious(page) -> list:
    violations = Axe().run(page).response["violations"]
    return [
        (v["id"], [n["target"] for n in v["nodes"]])
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


def test_report_follow_and_handle_a_fault(open_page, portal, mail_sink, tmp_path):
    tenant = open_page("/login", width=390, locale="sv-FI")
    log_in(tenant, portal, TENANT, DEMO_PASSWORD)
    tenant.wait_for_url("**/home")
    tenant.goto(url(portal, "/faults/new"))
    wait_hydrated(tenant)
    tenant.wait_for_selector("#fault-form")
    tenant.click("#lang-sv")
    tenant.wait_for_selector("h1:has-text('Gör en felanmälan')")
    tenant.click("#urgent-yes")
    expect(tenant.locator("#emergency-phone")).to_be_visible()
    assert tenant.locator("#emergency-phone").get_attribute("href").startswith("tel:")
    tenant.click("#fault-submit")  # empty: messages in Swedish, nothing lost
    expect(tenant.locator("#field-category-error")).to_have_text("Välj vad som är trasigt.")
    assert tenant.locator("#urgent-yes").is_checked()
    assert _serious(tenant) == []
    screenshot(tenant, "fault-form-errors-sv-390")
    tenant.select_option("#field-category", "plumbing.leak")
    tenant.select_option("#field-location", "room:kitchen")
    tenant.fill("#field-description", "Vatten läcker under diskbänken <img src=x onerror=alert(1)>")
    tenant.click("#enter-yes")
    tenant.fill("#field-contact_phone", "040 123 4567")
    started = time.monotonic()
    tenant.set_input_files("#fault-photos input[type=file]", str(_photo(tmp_path)))
    tenant.wait_for_selector(".heka-photos img")
    expect(tenant.locator("#fault-photos-status")).to_have_count(0)  # no "100 %" left behind
    print(f"photo upload to preview: {time.monotonic() - started:.2f} s")
    tenant.dblclick("#fault-submit")  # a double click still makes one report
    tenant.wait_for_selector("#fault-done")
    number = tenant.locator("#fault-done").inner_text()
    screenshot(tenant, "fault-sent-sv-390")
    tenant.click("#open-report")
    tenant.wait_for_selector("#fault-timeline")
    report_path = tenant.url.split(portal.frontend_url.rstrip("/"))[-1]
    expect(tenant.locator("#fault-description")).to_contain_text("<img src=x onerror")
    assert tenant.locator("#fault-description img").count() == 0  # inert text
    photo = tenant.locator(".heka-photos img").first
    eventually(lambda: photo.evaluate("img => img.complete && img.naturalWidth > 0"))
    assert _serious(tenant) == []

    staff = open_page("/login", width=1280, locale="en-GB")
    log_in(staff, portal, "staff.maintenance@demo.heka.example", DEMO_PASSWORD)
    staff.wait_for_timeout(1500)
    staff.goto(url(portal, "/staff/faults"))
    staff.wait_for_selector("#queue-counts")
    assert _serious(staff) == []
    screenshot(staff, "fault-queue-en-1280")
    staff.goto(url(portal, "/staff" + report_path))
    staff.wait_for_selector("#handle-form")
    staff.select_option("#handle-status", "in_progress")
    staff.fill("#handle-comment", "Vi kommer i morgon kl. 9.")
    staff.fill("#handle-note", "INTERNAL: key box code 4711")
    assert _serious(staff) == []
    staff.click("#handle-submit")
    clicked = time.monotonic()
    expect(tenant.locator("#fault-timeline")).to_contain_text("Vi kommer i morgon", timeout=5000)
    print(f"staff save to tenant page: {time.monotonic() - clicked:.2f} s")
    expect(tenant.locator("#fault-status")).to_contain_text("Pågår")
    assert "4711" not in tenant.content()
    screenshot(tenant, "fault-updated-sv-390")
    screenshot(staff, "fault-handled-en-1280")

    def mails():
        return [
            m for m in mail_sink.messages if m["To"] == TENANT and "Vi kommer" in m.get_content()
        ]

    eventually(lambda: len(mails()) == 1, what="the status mail")
    time.sleep(2)  # the worker polls every 0.2 s: a duplicate would be here by now
    assert len(mails()) == 1 and "4711" not in mails()[0].get_content()
    assert re.search(r"\d{4}-\d{5}", number).group(0) in mails()[0]["Subject"]

    # The tenant adds another photo with a comment: it joins the report's photos.
    tenant.set_input_files(f"#{MORE_PHOTOS_ID} input[type=file]", str(_photo(tmp_path)))
    expect(tenant.locator("#comment-form img")).to_have_count(1)
    tenant.fill("#field-comment", "Här är en bild till.")
    tenant.click("#comment-submit")
    expect(tenant.locator(".heka-photos img")).to_have_count(2)
    expect(tenant.locator("#comment-form img")).to_have_count(0)
    expect(tenant.locator("#fault-timeline")).to_contain_text("Här är en bild till.")
