"""The installable app in Chromium (issue 16, part 2).

- A fault report typed and sent with no connection (Playwright's offline mode) waits on the
  device, then is sent once when the connection returns: in the same tab, and from a tab
  opened later after the first one was closed.
- The app shell opens without a connection; other pages get the offline page in the
  visitor's language.
- The manifest is served, valid and installable by Chromium's own checks (DevTools
  protocol), in the page's language.
- The service worker's cache holds only the shell and the build's files: nothing under
  /_, no private page, no tenant's data.
"""

from __future__ import annotations

import io
import re
from urllib.parse import urlparse

import pytest
from PIL import Image
from playwright.sync_api import expect
from sqlmodel import func, select

from heka_app.db import session_scope
from heka_app.models.accounts import UserAccount
from heka_app.models.faults import FaultReport
from heka_app.models.leases import Person
from tests.e2e.conftest import screenshot, url, wait_hydrated
from tests.e2e.test_auth import log_in

pytestmark = pytest.mark.e2e
DEMO_PASSWORD = "Kotiasukas-2026!"
TENANT = "tenant@demo.heka.example"
SHELL = {"/", "/login", "/home", "/faults/new", "/offline.html"}
_OUTBOX_IDS = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open("heka-outbox");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains("faults")) { db.close(); resolve([]); return; }
    const all = db.transaction("faults").objectStore("faults").getAll();
    all.onsuccess = () => { db.close(); resolve(all.result.map((e) => e.submission_id)); };
  };
})"""
_CACHED = """async () => {
  const out = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const type = response.headers.get("content-type") || "";
      out.push({url: request.url, type, body: type.includes("html") ? await response.text() : ""});
    }
  }
  return out;
}"""


def _open_form(open_page, portal, *, lang: str, width: int = 390):
    page = open_page("/login", width=width, locale=f"{lang}-FI")
    log_in(page, portal, TENANT, DEMO_PASSWORD)
    page.wait_for_url("**/home")
    page.goto(url(portal, "/faults/new"))
    wait_hydrated(page)
    page.wait_for_selector("#fault-form")
    page.click(f"#lang-{lang}")
    page.wait_for_function("l => document.documentElement.lang === l", arg=lang)
    # The worker controls the page once installed: the shell is kept from now on.
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
    return page


def _type_report(page, description: str) -> str:
    page.select_option("#field-category", "plumbing.leak")
    page.select_option("#field-location", "room:kitchen")
    page.fill("#field-description", description)
    page.click("#enter-yes")
    page.fill("#field-contact_phone", "040 123 4567")
    return page.input_value("#field-submission-id")


def _reports(submission_id: str) -> int:
    with session_scope() as s:
        query = select(func.count()).where(FaultReport.submission_id == submission_id)
        return s.exec(query).one()


def _outbox(page):
    return page.locator("#fault-outbox")


def test_a_report_sent_offline_waits_and_is_sent_once_when_the_connection_returns(
    open_page, portal
):
    page = _open_form(open_page, portal, lang="sv")
    page.context.set_offline(True)
    expect(_outbox(page)).to_have_attribute("data-state", "offline")
    expect(page.locator("[data-when=offline]")).to_contain_text("Bilder kräver en förbindelse")
    submission = _type_report(page, "Diskbänken läcker, skickad utan förbindelse.")
    assert len(submission) == 32
    page.click("#fault-submit")
    expect(_outbox(page)).to_have_attribute("data-state", "waiting")
    expect(page.locator("[data-when=waiting]")).to_contain_text("Väntar på att skickas")
    expect(page.locator("[data-when=waiting]")).to_be_in_viewport()
    assert page.evaluate(_OUTBOX_IDS) == [submission]
    assert _reports(submission) == 0  # kept on the device, nothing reached the server
    screenshot(page, "pwa-waiting-sv-390")

    page.context.set_offline(False)
    expect(page.locator("#fault-done")).to_be_visible(timeout=60_000)
    expect(_outbox(page)).to_have_attribute("data-state", "sent")
    expect(page.locator("[data-when=sent]")).to_contain_text("Skickad")
    screenshot(page, "pwa-sent-sv-390")
    assert _reports(submission) == 1
    assert page.evaluate(_OUTBOX_IDS) == []
    # Opening the form again sends nothing more: the outbox is empty, the report is one.
    page.goto(url(portal, "/faults/new"))
    page.wait_for_selector("#fault-form")
    assert page.input_value("#field-submission-id") != submission
    assert _reports(submission) == 1


def test_a_kept_report_survives_a_closed_tab_and_is_sent_from_the_next_one(open_page, portal):
    page = _open_form(open_page, portal, lang="en", width=1280)
    context = page.context
    context.set_offline(True)
    submission = _type_report(page, "Kitchen tap drips, typed in the basement with no signal.")
    page.click("#fault-submit")
    expect(_outbox(page)).to_have_attribute("data-state", "waiting")
    screenshot(page, "pwa-waiting-en-1280")
    page.close()  # the tab is gone; the report is only in IndexedDB now
    assert _reports(submission) == 0

    context.set_offline(False)
    again = context.new_page()
    again.goto(url(portal, "/faults/new"))
    wait_hydrated(again)
    expect(again.locator("#fault-done")).to_be_visible(timeout=60_000)
    expect(again.locator("[data-when=sent]")).to_be_visible()
    assert _reports(submission) == 1
    with session_scope() as s:
        report = s.exec(select(FaultReport).where(FaultReport.submission_id == submission)).one()
        assert report.description.startswith("Kitchen tap drips")
    assert again.evaluate(_OUTBOX_IDS) == []


def test_the_shell_opens_offline_and_other_pages_get_the_offline_page(open_page, portal):
    page = _open_form(open_page, portal, lang="en", width=390)
    page.goto(url(portal, "/home"))
    wait_hydrated(page)
    context = page.context
    context.set_offline(True)
    shell = context.new_page()
    shell.goto(url(portal, "/home"))
    expect(shell.locator(".heka-header")).to_be_visible()
    expect(shell.locator("#connection-lost")).to_be_visible(timeout=30_000)
    screenshot(shell, "pwa-offline-shell-en-390")
    shell.goto(url(portal, "/faults/new"))  # the form needs the server: say so
    expect(shell.locator("#fault-outbox")).to_have_attribute("data-state", "closed")
    # In the visitor's language although no server said which (the page itself is in
    # Finnish until it connects: the language comes with the state).
    expect(shell.locator("[data-when=closed] [lang=en]")).to_be_visible()
    expect(shell.locator("[data-when=closed]")).to_have_text(re.compile("24-hour emergency"))
    screenshot(shell, "pwa-offline-form-closed-en-390")
    shell.goto(url(portal, "/rent"))  # not part of the shell: the offline page instead
    expect(shell.locator("section[data-lang=en] h1")).to_have_text("You are offline")
    expect(shell.locator("section[data-lang=fi]")).to_be_hidden()
    assert shell.evaluate("document.documentElement.lang") == "en"
    screenshot(shell, "pwa-offline-page-en-390")
    context.set_offline(False)
    shell.click("section[data-lang=en] .retry")
    wait_hydrated(shell)
    assert urlparse(shell.url).path.rstrip("/") == "/rent"


def test_the_manifest_is_served_valid_and_installable(open_page, portal):
    page = open_page("/", width=1280, locale="fi-FI")
    href = page.get_attribute("link[rel=manifest]", "href")
    assert href == "/manifest-fi.json"
    assert page.get_attribute("meta[name=theme-color]", "content") == "#3E63DD"
    manifest = page.request.get(url(portal, href)).json()
    assert manifest["name"] == "Hekan asukassivut"
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == "/home"
    for icon in manifest["icons"]:
        image = Image.open(io.BytesIO(page.request.get(url(portal, icon["src"])).body()))
        assert f"{image.width}x{image.height}" == icon["sizes"]
    assert {i["purpose"] for i in manifest["icons"]} == {"any", "maskable"}

    cdp = page.context.new_cdp_session(page)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
    found = cdp.send("Page.getAppManifest")
    assert found["errors"] == []
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # Playwright's contexts are incognito profiles, which never install apps; every check
    # about the app itself (manifest, icons, start URL, worker) must pass.
    assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == []

    page.click("#lang-sv")  # the manifest follows the page's language
    expect(page.locator("link[rel=manifest]")).to_have_attribute("href", "/manifest-sv.json")
    manifest = page.request.get(url(portal, "/manifest-sv.json")).json()
    assert (manifest["lang"], manifest["name"]) == ("sv", "Hekas boendesidor")


def test_the_worker_keeps_nothing_private(open_page, portal):
    page = _open_form(open_page, portal, lang="fi", width=1280)
    with session_scope() as s:
        account = s.exec(select(UserAccount).where(UserAccount.email == TENANT)).one()
        person = s.get(Person, account.person_id)
        names = (person.first_name, person.last_name)
    for path in ("/home", "/rent", "/faults", "/messages", "/my-home", "/account"):
        page.goto(url(portal, path))
        wait_hydrated(page)
    page.goto(url(portal, "/faults"))
    page.wait_for_selector("a[href^='/faults/']")
    cached = page.evaluate(_CACHED)
    origin = portal.frontend_url.rstrip("/")
    paths = [urlparse(entry["url"]).path for entry in cached]
    assert paths, "the worker kept the shell"
    assert all(entry["url"].startswith(origin) for entry in cached)
    assert not [p for p in paths if p.startswith("/_") or p == "/ping"]
    pages = {urlparse(e["url"]).path for e in cached if "html" in e["type"]}
    assert pages <= SHELL, pages
    static_paths = [p for p in paths if p not in pages]
    build_file = re.compile(r"^/(assets|icons)/|^/[\w.-]+\.(css|js|json|ico|png)$")
    assert all(build_file.match(p) for p in static_paths), static_paths
    # The kept pages are the prerendered skeleton: nothing of the signed-in tenant.
    for entry in cached:
        if entry["body"]:
            assert TENANT not in entry["body"]
            assert not [n for n in names if n in entry["body"]], entry["url"]


def test_a_kept_report_the_server_refuses_keeps_what_was_typed(open_page, portal):
    page = _open_form(open_page, portal, lang="fi")
    page.context.set_offline(True)
    page.fill("#field-description", "Lyhyt")  # no category, too short: refused
    submission = page.input_value("#field-submission-id")
    page.click("#fault-submit")
    expect(_outbox(page)).to_have_attribute("data-state", "waiting")

    page.context.set_offline(False)
    expect(_outbox(page)).to_have_attribute("data-state", "refused", timeout=60_000)
    expect(page.locator("[data-when=refused]")).to_contain_text("tarkista alla merkityt kentät")
    expect(page.locator("#field-category-error")).not_to_have_text("")
    screenshot(page, "pwa-refused-fi-390")
    assert page.input_value("#field-description") == "Lyhyt"  # nothing typed is lost
    assert page.evaluate(_OUTBOX_IDS) == []  # the tenant fixes and sends it again
    assert _reports(submission) == 0
