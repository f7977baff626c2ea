"""An article's image and PDF in a real browser: the editor adds both to a property's
news item (the image's description is required first), a resident of that property sees
the image (sized, nothing jumps) and the attachment link at 390 px in Finnish, and a
resident of another property gets "not found" for the file URLs."""

from __future__ import annotations

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import expect

from heka_app.demo.dataset import DEMO_PASSWORD
from tests.e2e.conftest import screenshot, url, wait_hydrated
from tests.e2e.test_auth import log_in
from tests.e2e.test_content import OTHER, TENANT, _property_of

pytestmark = pytest.mark.e2e
expect.set_options(timeout=15_000)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TITLE = "Pihan uusi leikkipaikka"


def _files(tmp_path):
    photo, pdf = tmp_path / "leikkipaikka.png", tmp_path / "Pihasuunnitelma 2027.pdf"
    out = io.BytesIO()
    Image.new("RGB", (1600, 900), (40, 140, 90)).save(out, "PNG")
    photo.write_bytes(out.getvalue())
    pdf.write_bytes(PDF + b"%" + b"x" * 250_000 + b"\n%%EOF\n")
    return photo, pdf


def _serious(page, context: str | None = None) -> list:
    results = Axe().run(page, context=context)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in bad]


def test_editor_adds_image_and_pdf_and_only_the_property_sees_them(open_page, portal, tmp_path):
    photo, pdf = _files(tmp_path)
    target = _property_of(TENANT)
    assert target != _property_of(OTHER)

    editor = open_page("/", width=1280)
    log_in(editor, portal, "staff.content_editor@demo.heka.example", DEMO_PASSWORD)
    editor.wait_for_url("**/staff**")
    editor.goto(url(portal, "/staff/content/edit"))
    wait_hydrated(editor)
    expect(editor.get_by_text("Tallenna artikkeli ensin", exact=False)).to_be_visible()
    editor.select_option("#field-audience", "property")
    # The editor's own load (the property list, the empty form) may land after the first
    # choice on a busy machine: wait for it, then choose again and check what is chosen.
    editor.wait_for_selector(f"#field-target_id option[value='{target}']", state="attached")
    editor.select_option("#field-audience", "property")
    editor.select_option("#field-target_id", str(target))
    expect(editor.locator("#field-audience")).to_have_value("property")
    expect(editor.locator("#field-target_id")).to_have_value(str(target))
    editor.fill("#field-title_fi", TITLE)
    editor.fill("#field-body_fi", "Leikkipaikka valmistuu **toukokuussa**.")
    editor.click("button[type=submit]")
    editor.wait_for_url("**/staff/content/edit?id=*")
    wait_hydrated(editor)

    editor.set_input_files("#article-image input[type=file]", str(photo))
    expect(editor.get_by_text("Kirjoita kuvaukset ja tallenna kuva.")).to_be_visible()
    editor.get_by_role("button", name="Tallenna kuva").click()  # no description yet
    expect(editor.locator("#field-alt_fi-error")).to_contain_text("Kuvaile kuva")
    editor.fill("#field-alt_fi", "Havainnekuva uudesta leikkipaikasta <b>")
    editor.get_by_role("button", name="Tallenna kuva").click()
    expect(editor.get_by_text("Kuva tallennettu.")).to_be_visible()
    editor.set_input_files("#article-pdf input[type=file]", str(pdf))
    expect(editor.get_by_role("link", name="Pihasuunnitelma 2027.pdf")).to_be_visible()
    editor.get_by_role("button", name="Julkaise").click()
    expect(editor.get_by_text("julkaistu", exact=False).first).to_be_visible()
    assert _serious(editor, "#content-media") == []  # the rest of the editor: test_content
    screenshot(editor, "content-media-editor-fi-1280")

    tenant = open_page("/", width=390)
    log_in(tenant, portal, TENANT, DEMO_PASSWORD)
    tenant.wait_for_url("**/home")
    tenant.goto(url(portal, "/news/pihan-uusi-leikkipaikka"))
    wait_hydrated(tenant)
    tenant.click("#lang-fi")
    image = tenant.locator("img.heka-lead-image")
    expect(image).to_have_attribute("alt", "Havainnekuva uudesta leikkipaikasta <b>")
    expect(image).to_have_attribute("width", "1600")
    expect(image).to_have_attribute("height", "900")
    tenant.wait_for_function("() => document.querySelector('img.heka-lead-image').naturalWidth > 0")
    box = image.bounding_box()
    assert box and box["width"] <= 390 and abs(box["height"] / box["width"] - 900 / 1600) < 0.02
    link = tenant.get_by_role("link", name="Pihasuunnitelma 2027.pdf")
    expect(link).to_be_visible()
    expect(tenant.locator("main, body").first).to_contain_text("(PDF, 250 kB)")
    image_url, pdf_url = image.get_attribute("src"), link.get_attribute("href")
    response = tenant.request.get(pdf_url)
    assert response.status == 200 and response.body().startswith(b"%PDF-")
    assert response.headers["cache-control"] == "private, max-age=300"
    assert response.headers["content-disposition"].startswith("attachment")
    assert _serious(tenant) == []
    screenshot(tenant, "content-media-article-fi-390")

    other = open_page("/", width=1280)
    log_in(other, portal, OTHER, DEMO_PASSWORD)
    other.wait_for_url("**/home")
    for file_url in (image_url, pdf_url):
        assert other.request.get(file_url).status == 404
    anonymous = open_page("/", width=1280)
    assert anonymous.request.get(image_url).status == 404
    other.goto(url(portal, "/news/pihan-uusi-leikkipaikka"))
    wait_hydrated(other)
    other.click("#lang-fi")
    expect(other.locator("h1")).to_have_text("Artikkelia ei löytynyt")
    assert other.locator("img.heka-lead-image").count() == 0
