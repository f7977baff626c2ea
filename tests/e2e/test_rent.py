"""/rent in Chromium and over the raw websocket: a primary tenant with debt sees the
balance, overdue items, the chart and how to pay (fi/sv/en, 1280 and 390 px), copies the
virtual barcode and downloads the statement; a co-resident sees the explanation; nobody
else gets numbers, whatever they send."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from sqlmodel import col, func, select

from heka_app.db import session_scope
from heka_app.models import Lease, LeaseResident, Person, RentLedgerEntry, UserAccount
from heka_app.state.rent import RentState
from tests.e2e.conftest import screenshot, url, wait_hydrated
from tests.e2e.reflex_ws import ReflexSocket
from tests.e2e.ws_fixtures import ws_login
from tests.factories import PASSWORD, make_person, make_tenant_account

pytestmark = pytest.mark.e2e
DEBTOR = "rent.debtor@test.example"
CO_RESIDENT = "rent.coresident@test.example"


@pytest.fixture(scope="module")
def debt_lease(portal, app_clock) -> str:
    """Accounts for the primary tenant of a demo lease in debt and a new co-resident."""
    with session_scope() as session:
        if session.exec(select(UserAccount).where(UserAccount.email == DEBTOR)).first():
            lease_id = session.exec(
                select(LeaseResident.lease_id)
                .join(UserAccount, col(UserAccount.person_id) == col(LeaseResident.person_id))
                .where(UserAccount.email == DEBTOR)
            ).one()
            return session.get_one(Lease, lease_id).contract_number
        with_account = select(UserAccount.person_id).where(col(UserAccount.person_id).is_not(None))
        debts = session.exec(
            select(RentLedgerEntry.lease_id)
            .group_by(col(RentLedgerEntry.lease_id))
            .having(func.sum(RentLedgerEntry.amount_cents) > 70000)
        ).all()
        for lease_id in debts:
            primary = session.exec(
                select(LeaseResident).where(
                    LeaseResident.lease_id == lease_id,
                    LeaseResident.role == "primary",
                    col(LeaseResident.person_id).not_in(with_account),
                )
            ).first()
            if primary is not None:
                break
        else:
            pytest.fail("the demo data has no lease in debt without an account")
        lease = session.get_one(Lease, lease_id)
        person = session.get_one(Person, primary.person_id)
        make_tenant_account(session, person, now=app_clock, email=DEBTOR)
        other = make_person(
            session, now=app_clock, age=30, first_name="Kaisa", lease=lease, role="co_resident"
        )
        make_tenant_account(session, other, now=app_clock, email=CO_RESIDENT)
        return lease.contract_number


def _log_in(page, portal, email: str) -> None:
    page.goto(url(portal, "/login"))
    wait_hydrated(page)
    page.fill("#field-email", email)
    page.fill("#field-password", PASSWORD)
    page.click("#login-submit")
    page.wait_for_url("**/home")


def _name(handler: str) -> str:
    return f"{RentState.get_full_name()}.{handler}"


@pytest.fixture
def sock(portal):
    from reflex.config import get_config

    opened = ReflexSocket(urlparse(get_config().api_url).netloc)
    yield opened
    opened.close()


def _ws_login(sock, email: str) -> None:
    ws_login(sock, email, PASSWORD)  # the handoff sets the HttpOnly cookie; the socket reconnects


def _numbers_in(reply: dict) -> bool:
    text = json.dumps(reply["delta"], ensure_ascii=False)
    return any(key in text for key in ("barcode", "sentence", "closing", "FI21"))


def test_anonymous_gets_a_redirect_and_no_numbers(sock, debt_lease):
    reply = sock.emit(_name("load"), path="/rent")
    assert any(e.get("name") == "_redirect" for e in reply["events"])
    assert not _numbers_in(reply)
    for handler, payload in (
        ("show_period", {"period_end": "2026-10"}),
        ("show_months", {"months": 24}),
        ("download", {"form_data": {"first": "2026-01", "last": "2026-11", "format": "csv"}}),
        ("open_lease", {"contract_number": debt_lease}),
    ):
        assert not _numbers_in(sock.emit(_name(handler), payload, path="/rent"))


def test_co_resident_over_the_websocket_gets_no_numbers(sock, debt_lease):
    _ws_login(sock, CO_RESIDENT)
    reply = sock.emit(_name("load"), path="/rent")
    assert '"co_resident"' in json.dumps(reply["delta"]) and not _numbers_in(reply)
    for handler, payload in (
        ("show_period", {"period_end": "2026-10"}),
        ("show_months", {"months": 24}),
        ("download", {"form_data": {"first": "2026-01", "last": "2026-11", "format": "csv"}}),
        ("search", {"form_data": {"query": debt_lease}}),
        ("open_lease", {"contract_number": debt_lease}),
    ):
        reply = sock.emit(_name(handler), payload, path="/rent")
        assert not _numbers_in(reply) and debt_lease not in json.dumps(reply)


def test_another_household_cannot_reach_the_debtors_lease(sock, debt_lease):
    _ws_login(sock, "tenant@demo.heka.example")
    own = sock.emit(_name("load"), path="/rent")
    assert _numbers_in(own) and debt_lease not in json.dumps(own)
    for handler, payload in (
        ("search", {"form_data": {"query": debt_lease}}),
        ("open_lease", {"contract_number": debt_lease}),
        ("show_period", {"period_end": "2026-10"}),
        ("show_months", {"months": 24}),
    ):
        assert debt_lease not in json.dumps(sock.emit(_name(handler), payload, path="/rent"))


def _statement_keys(reply: dict) -> list[str] | None:
    for values in reply["delta"].values():
        if "statement_rx_state_" in values:
            return [month["key"] for month in values["statement_rx_state_"]]
    return None


def test_forged_month_counts_change_nothing_and_break_nothing(sock, debt_lease):
    _ws_login(sock, DEBTOR)
    assert len(_statement_keys(sock.emit(_name("load"), path="/rent")) or []) == 3
    for forged in (-1, 0, 25, 10**30, 1e308, "many", None, [24], {"months": 24}, True):
        reply = sock.emit(_name("show_months"), {"months": forged}, path="/rent")
        assert _statement_keys(reply) is None, forged  # nothing changed, nothing sent
    assert len(_statement_keys(sock.emit(_name("show_months"), {"months": 6}, path="/rent"))) == 6


@pytest.mark.parametrize(("language", "width"), [("fi", 1280), ("en", 390), ("sv", 1280)])
def test_debtor_sees_balance_overdue_chart_and_how_to_pay(
    open_page, portal, debt_lease, language, width
):
    page = open_page("/login", width=width)
    _log_in(page, portal, DEBTOR)
    page.goto(url(portal, "/rent"))
    wait_hydrated(page)
    page.wait_for_selector("#rent-balance")
    page.click(f"#lang-{language}")
    words = {"fi": "maksamatonta", "en": "unpaid rent", "sv": "obetald hyra"}[language]
    page.wait_for_selector(f"#rent-balance:has-text('{words}')")
    assert page.is_visible("#rent-overdue")
    # recharts loads only when the chart comes near the screen (assets/heka_rent_chart.js)
    page.locator("#rent-chart").scroll_into_view_if_needed()
    page.wait_for_selector("#rent-chart .recharts-surface")
    assert page.locator("#rent-month-table tbody tr").count() == 24
    # The statement: its newest three months, then three more a press; the button keeps
    # the keyboard focus.
    months = page.locator("#rent-statement h3")
    assert months.count() == 3
    page.click("#rent-statement-more")
    page.wait_for_function("() => document.querySelectorAll('#rent-statement h3').length === 6")
    assert page.evaluate("document.activeElement.id") == "rent-statement-more"
    assert page.inner_text("#pay-iban") == "FI21 1234 5600 0007 85"
    bars = page.locator("#bank-barcode svg path").get_attribute("d") or ""
    assert bars.count("M") > 50  # one "M x 0 h w ..." per bar
    screenshot(page, f"rent-debtor-{language}-{width}")
    results = Axe().run(page)
    serious = [
        (v["id"], v["impact"], len(v["nodes"]))
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []


def test_copy_barcode_and_download_statements(chromium_browser, portal, debt_lease):
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url(portal, ""))
    page = context.new_page()
    try:
        _log_in(page, portal, DEBTOR)
        page.goto(url(portal, "/rent"))
        wait_hydrated(page)
        page.wait_for_selector("#copy-barcode")
        page.click("#copy-barcode")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert len(copied) == 54 and copied.isdigit() and copied[0] == "4"
        assert copied == page.inner_text("#virtual-barcode")
        page.fill("#download-first", "2026-01")
        page.fill("#download-last", "2026-11")
        with page.expect_download() as pdf:
            page.click("#download-submit")
        assert pdf.value.suggested_filename.endswith("2026-01-2026-11.pdf")
        assert Path(pdf.value.path()).read_bytes()[:4] == b"%PDF"
        page.select_option("#download-format", "csv")
        with page.expect_download() as sheet:
            page.click("#download-submit")
        text = Path(sheet.value.path()).read_text(encoding="utf-8-sig")
        assert text.splitlines()[0].count(";") == 4
        page.fill("#download-last", "2030-01")
        page.click("#download-submit")
        page.wait_for_selector("#download-error")
        assert page.input_value("#download-first") == "2026-01"  # what was typed stays
    finally:
        context.close()


def test_co_resident_sees_the_explanation(open_page, portal, debt_lease):
    page = open_page("/login", width=390)
    _log_in(page, portal, CO_RESIDENT)
    page.goto(url(portal, "/rent"))
    wait_hydrated(page)
    page.wait_for_selector("#rent-co-resident")
    assert not page.is_visible("#rent-balance")
    screenshot(page, "rent-co-resident-fi-390")


def test_rent_monitoring_finds_a_lease_and_sees_its_rent(open_page, portal, debt_lease):
    page = open_page("/login", width=1280, locale="en-GB")
    page.fill("#field-email", "staff.rent_monitoring@demo.heka.example")
    page.fill("#field-password", PASSWORD)
    page.click("#login-submit")
    page.wait_for_url("**/staff")
    page.goto(url(portal, "/rent"))
    wait_hydrated(page)
    page.fill("#rent-query", debt_lease)
    page.click("#rent-search")
    page.locator(".rent-open-lease").first.click()
    page.wait_for_selector("#rent-balance")
    assert page.is_visible("#rent-overdue")
    screenshot(page, "rent-monitoring-en-1280")
