"""The pickers' drop zone without react-dropzone (components/drop_zone.py): a photo
dragged onto the fault form's zone is taken from the drop event, re-encoded by the server
and shown, like a picked one."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.conftest import url, wait_hydrated
from tests.e2e.test_auth import log_in

pytestmark = pytest.mark.e2e
DROP = """([zone, data]) => {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const files = new DataTransfer();
  files.items.add(new File([bytes], "ovi.jpg", {type: "image/jpeg"}));
  const target = document.querySelector(zone);
  for (const type of ["dragover", "drop"]) {
    const init = {dataTransfer: files, bubbles: true, cancelable: true};
    target.dispatchEvent(new DragEvent(type, init));
  }
}"""


def test_a_photo_dropped_on_the_fault_form(open_page, portal):
    page = open_page("/login", width=390)
    log_in(page, portal, "tenant@demo.heka.example", "Kotiasukas-2026!")
    page.wait_for_url("**/home")
    page.goto(url(portal, "/faults/new"))
    wait_hydrated(page)
    page.wait_for_selector("#fault-photos")
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (40, 90, 150)).save(out, "JPEG")
    page.evaluate(DROP, ["#fault-photos", base64.b64encode(out.getvalue()).decode()])
    expect(page.locator(".heka-photos img")).to_have_count(1)
