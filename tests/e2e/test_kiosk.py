"""Kiosk mode in Chromium: A signs in on the area office's terminal, opens rent, a fault
report and a message, walks away; the countdown shows and is announced, the session ends
by itself; B arrives and finds nothing of A in the DOM, browser storage, history, form
fields or the websocket, and the page in the terminal's language.

One browser context plays the terminal (the same profile for A and B). Playwright's clock
stands in for the two idle minutes in the browser; the server's idle limit is not needed
because the page ends the session itself."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from heka_app.db import session_scope
from heka_app.models import Lease, LeaseResident, UserAccount
from heka_app.settings import get_settings
from tests.e2e.conftest import screenshot, url, wait_hydrated
from tests.e2e.test_auth import log_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.e2e
A = "tenant@demo.heka.example"
B = "newtenant@demo.heka.example"
A_FAULT = "Kiosk A: the kitchen tap drips 4417"
A_REPLY = "Kiosk A: unsent reply 9931"
A_SUBJECT = "Kiosk A: stairwell 5521"
PROBE = "kiosk-probe-of-A"  # what A's session leaves in every kind of browser storage


@pytest.fixture
def kiosk_mode(portal):
    """The running portal as an area-office kiosk (read at each page load)."""
    os.environ["HEKA_KIOSK_MODE"] = "1"
    get_settings.cache_clear()
    yield
    del os.environ["HEKA_KIOSK_MODE"]
    get_settings.cache_clear()


@pytest.fixture
def terminal(chromium_browser, kiosk_mode):
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    yield context
    context.close()


def _payment_reference(email: str) -> str:
    with session_scope() as session:
        lease = session.exec(
            select(Lease)
            .join(LeaseResident, LeaseResident.lease_id == Lease.id)
            .join(UserAccount, UserAccount.person_id == LeaseResident.person_id)
            .where(UserAccount.email == email)
        ).first()
        return lease.payment_reference


def _log_in(page, portal, email: str) -> None:
    log_in(page, portal, email, PASSWORD)
    page.wait_for_url("**/home")


def _a_walks_through(page, portal) -> list[str]:
    """A's visit; returns what only A's session shows (each seen on A's pages first)."""
    _log_in(page, portal, A)
    welcome = page.locator("main h1")
    expect(welcome).to_contain_text(re.compile(r", \S"))  # "Welcome, <name>" once loaded
    name = welcome.inner_text().split(",", 1)[1].strip()
    page.click("#lang-sv")  # A prefers Swedish; the kiosk's own language is Finnish
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    page.goto(url(portal, "/rent"))
    wait_hydrated(page)
    reference = _payment_reference(A)
    expect(page.locator("main")).to_contain_text(re.compile(r"\s?".join(reference[-6:])))
    page.goto(url(portal, "/faults/new"))
    wait_hydrated(page)
    page.fill("#field-description", A_FAULT)
    page.wait_for_function("() => localStorage.getItem('heka-fault-draft') !== null")
    page.goto(url(portal, "/messages/new"))  # A writes to the area office
    page.wait_for_selector("#message-form")
    page.select_option("#field-topic", "general")
    page.fill("#field-subject", A_SUBJECT)
    page.fill("#field-text", "Kiosk A: the stairwell light is out.")
    page.click("#message-submit")
    page.wait_for_selector("#thread-lines")
    page.wait_for_selector("#field-reply")
    page.fill("#field-reply", A_REPLY)
    page.evaluate(
        """async (probe) => {
            localStorage.setItem(probe, "1");
            sessionStorage.setItem(probe, "1");
            await new Promise((done) => {
                const open = indexedDB.open(probe);
                open.onupgradeneeded = () => open.result.createObjectStore("reports");
                open.onsuccess = () => { open.result.close(); done(); };
            });
            await (await caches.open(probe)).put("/probe", new Response("A"));
        }""",
        PROBE,
    )
    spaced_reference = r"\s?".join(reference)
    return [re.escape(s) for s in (name, A, A_FAULT, A_REPLY, A_SUBJECT)] + [spaced_reference]


def _leftovers(page) -> dict:
    return page.evaluate(
        """async (probe) => ({
            local: Object.keys(localStorage),
            session: Object.keys(sessionStorage),
            token: sessionStorage.getItem("token"),
            databases: (await indexedDB.databases()).map((db) => db.name),
            caches: await caches.keys(),
            cookies: document.cookie,
        })""",
        PROBE,
    )


def test_the_next_visitor_finds_nothing_of_the_last(portal, terminal):
    page = terminal.new_page()
    page.clock.install()
    sockets: list[list[str]] = []  # the frames each websocket of the page received

    def watch(ws) -> None:
        frames: list[str] = []
        sockets.append(frames)
        ws.on("framereceived", lambda frame: frames.append(str(frame)))

    page.on("websocket", watch)

    page.goto(url(portal, "/login"))
    wait_hydrated(page)
    expect(page.locator("html")).to_have_class(re.compile("heka-kiosk-mode"))
    for field in ("#field-email", "#field-password"):
        expect(page.locator(field)).to_have_attribute("autocomplete", "off")
    secrets = _a_walks_through(page, portal)
    a_token = page.evaluate("sessionStorage.getItem('token')")
    expect(page.locator("#kiosk-end")).to_be_visible()
    expect(page.locator("#kiosk-countdown")).to_be_hidden()

    page.clock.fast_forward(62_000)  # A walks away: the last minute is counted down
    expect(page.locator("#kiosk-countdown")).to_be_visible()
    expect(page.locator("#kiosk-announce")).to_contain_text(" s.")
    screenshot(page, "kiosk-countdown-sv-1280")
    a_sockets = len(sockets)
    page.clock.fast_forward(60_000)
    page.wait_for_url(url(portal, "/"))
    wait_hydrated(page)
    expect(page.locator("#logout-button")).to_have_count(0)
    expect(page.locator("html")).to_have_attribute("lang", "fi")  # the terminal's language
    screenshot(page, "kiosk-after-fi-1280")

    left = _leftovers(page)
    assert PROBE not in left["local"] + left["session"] + left["databases"] + left["caches"]
    assert "heka-fault-draft" not in left["local"]
    assert left["token"] and left["token"] != a_token  # a fresh tab token
    assert "heka_lang=sv" not in left["cookies"]

    pages = [page.content()]
    page.go_back()  # B presses Back: A's message thread, as nobody
    wait_hydrated(page)
    expect(page.locator("#field-reply")).to_have_count(0)
    pages.append(page.content())
    page.goto(url(portal, "/login"))  # B arrives: an empty form, nothing offered
    wait_hydrated(page)
    for field in ("#field-email", "#field-password"):
        page.focus(field)
        expect(page.locator(field)).to_have_value("")
        expect(page.locator(field)).to_have_attribute("autocomplete", "off")
    _log_in(page, portal, B)  # nothing of A on any page B opens
    pages.append(page.content())
    for path in ("/faults/new", "/messages"):
        page.goto(url(portal, path))
        wait_hydrated(page)
        pages.append(page.content())
    received = "\n".join(frame for frames in sockets[a_sockets:] for frame in frames)
    assert "delta" in received  # B's hydrate and deltas were looked at
    for secret in secrets:
        for html in pages:
            assert not re.search(secret, html), secret
        assert not re.search(secret, received), secret


def test_the_end_session_button_ends_it_at_once(portal, terminal):
    page = terminal.new_page()
    _log_in(page, portal, A)
    expect(page.locator(".heka-kiosk")).to_be_in_viewport()
    box = page.locator("#kiosk-end").bounding_box()
    assert box and box["height"] >= 44 and box["width"] >= 44  # a touch target
    screenshot(page, "kiosk-home-fi-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.locator("#kiosk-end")).to_be_in_viewport()
    screenshot(page, "kiosk-home-fi-390")
    page.click("#kiosk-end")
    page.wait_for_url(url(portal, "/"))
    wait_hydrated(page)
    page.goto(url(portal, "/rent"))
    wait_hydrated(page)
    expect(page.locator("#kiosk-end")).to_have_count(0)
    assert not re.search(r"\s?".join(_payment_reference(A)), page.content())
