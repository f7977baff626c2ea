"""My details in Chromium at 390 px in Finnish: a bad phone number and a bad IBAN first
(the message shows and what was typed stays), then good ones; the mail choices and the
language; the data export downloads; customer service reads the change history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from sqlmodel import col, select

from heka_app.db import session_scope
from heka_app.models import Lease, LeaseResident, MessageThread, Person, UserAccount
from heka_app.services.accounts.detail_changes import change_phone
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.common.clock import helsinki_today, utcnow
from tests.e2e.conftest import screenshot, url, wait_hydrated
from tests.factories import PASSWORD, make_tenant_account

pytestmark = pytest.mark.e2e
EMAIL = "details.tenant@test.example"


@pytest.fixture(scope="module")
def tenant_name(portal, app_clock) -> str:
    """An account for the primary tenant of an active demo lease without one."""
    with session_scope() as session:
        found = session.exec(select(UserAccount).where(UserAccount.email == EMAIL)).first()
        if found is not None:
            person = session.get_one(Person, found.person_id)
            return f"{person.first_name} {person.last_name}"
        with_account = select(UserAccount.person_id).where(col(UserAccount.person_id).is_not(None))
        today = helsinki_today(app_clock)
        primary = session.exec(
            select(LeaseResident)
            .join(Lease, col(Lease.id) == LeaseResident.lease_id)
            .where(
                LeaseResident.role == "primary",
                col(Lease.ends_on).is_(None),
                col(Lease.starts_on) <= today,
                col(LeaseResident.moved_out_on).is_(None),
                col(LeaseResident.person_id).not_in(with_account),
            )
            .order_by(col(LeaseResident.id).desc())
        ).first()
        assert primary is not None, "the demo data has no active primary tenant without account"
        person = session.get_one(Person, primary.person_id)
        make_tenant_account(session, person, now=app_clock, email=EMAIL)
        return f"{person.first_name} {person.last_name}"


def _log_in(page, portal, email: str, landing: str = "**/home") -> None:
    page.goto(url(portal, "/login"))
    wait_hydrated(page)
    page.fill("#field-email", email)
    page.fill("#field-password", PASSWORD)
    page.click("#login-submit")
    page.wait_for_url(landing)


def _serious(page) -> list:
    results = Axe().run(page)
    return [
        (v["id"], v["impact"], len(v["nodes"]))
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_phone_and_iban_bad_first_then_good_at_390_in_finnish(open_page, portal, tenant_name):
    page = open_page("/login", width=390)
    _log_in(page, portal, EMAIL)
    page.goto(url(portal, "/account/details"))
    wait_hydrated(page)
    page.wait_for_selector("#phone-form")
    assert "****" in page.inner_text("main") and tenant_name in page.inner_text("main")

    page.fill("#field-phone", "040 12")
    page.click("#phone-submit")
    page.wait_for_selector("#field-phone-error:has-text('Anna puhelinnumero')")
    assert page.input_value("#field-phone") == "040 12"  # what was typed stays
    page.fill("#field-phone", "040 123 4567")
    page.click("#phone-submit")
    page.wait_for_selector("text=Puhelinnumerosi tallennettiin.")
    page.wait_for_function(
        "() => document.querySelector('#field-phone').value === '+358 40 1234567'"
    )

    page.fill("#field-iban", "FI21 1234 5600 0007 86")
    page.fill("#field-refund-current", PASSWORD)
    page.click("#refund-submit")
    page.wait_for_selector("#field-iban-error:has-text('Tarkista tilinumero')")
    assert page.input_value("#field-iban") == "FI21 1234 5600 0007 86"
    assert page.input_value("#field-refund-current") == ""  # the password never stays
    screenshot(page, "details-bad-iban-fi-390")
    page.fill("#field-iban", "fi21 1234 5600 0007 85")
    page.fill("#field-refund-current", PASSWORD)
    page.click("#refund-submit")
    page.wait_for_selector("#refund-bic:has-text('NDEAFIHH')")
    assert page.is_visible("text=Palautusten pankkitili tallennettiin.")
    page.wait_for_function(
        "() => document.querySelector('#field-iban').value === 'FI21 1234 5600 0007 85'"
    )
    screenshot(page, "details-saved-fi-390")
    assert _serious(page) == []

    page.uncheck("#field-fault_status")
    page.check("#field-news_my_building")
    page.select_option("#field-language", "sv")
    page.click("#preferences-submit")
    page.wait_for_function("() => document.documentElement.lang === 'sv'")
    page.wait_for_selector("text=Dina val sparades.")
    assert not page.is_checked("#field-fault_status") and page.is_checked("#field-news_my_building")
    with session_scope() as session:
        account = session.exec(select(UserAccount).where(UserAccount.email == EMAIL)).one()
        assert account.language == "sv"  # every mail follows this

    with page.expect_download() as download:
        page.click("#export-link")
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert download.value.suggested_filename.startswith("heka-my-data-")
    assert data["account"]["email"] == EMAIL
    assert data["account"]["phone"] == "+358401234567"
    assert data["account"]["refund_iban"] == "FI2112345600000785"
    assert [c["item"] for c in data["change_log"]][:2] == ["phone", "refund_iban"]
    assert "tenant@demo.heka.example" not in json.dumps(data)

    page.click("#deletion-link")  # the request pipeline: customer service's inbox
    page.wait_for_selector("#request-form")
    page.fill("#field-reason", "Jag flyttar utomlands.")
    page.click("#request-submit")
    page.wait_for_url(lambda u: "/messages/" in u and "/messages/request" not in u)
    with session_scope() as session:
        account = session.exec(select(UserAccount).where(UserAccount.email == EMAIL)).one()
        thread = session.exec(
            select(MessageThread).where(MessageThread.started_by_account_id == account.id)
        ).one()
        assert (thread.request_type, thread.queue) == ("account_deletion", "customer_service")


def test_customer_service_reads_the_change_history(open_page, portal, tenant_name):
    with session_scope() as session:  # a change of its own, whatever ran before
        account = session.exec(select(UserAccount).where(UserAccount.email == EMAIL)).one()
        me = actor_for_account(session=session, account=account, now=utcnow())
        change_phone(session=session, actor=me, now=utcnow(), phone="+46 70 123 45 67")
    page = open_page("/login", width=1280)
    _log_in(page, portal, "staff.customer_service@demo.heka.example", "**/staff")
    page.goto(url(portal, "/staff/account-changes"))
    wait_hydrated(page)
    page.fill("#resident-query", EMAIL)
    page.click("#resident-search")
    page.locator(".heka-show-changes").first.click()
    page.wait_for_selector("#change-history:has-text('+46701234567')")
    assert tenant_name in page.inner_text("main")
    screenshot(page, "details-staff-history-fi-1280")
    assert _serious(page) == []
