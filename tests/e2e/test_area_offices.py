"""The admin's area-office page in Chromium at 390 px in Swedish: ticking an office and
saving shows the confirmation and writes exactly that office, and axe finds nothing
serious."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from heka_app.db import session_scope
from heka_app.models import UserAccount
from heka_app.models.messages import StaffAreaOffice
from heka_app.models.places import AreaOffice
from tests.e2e.conftest import url, wait_hydrated
from tests.e2e.test_auth import log_in
from tests.e2e.test_messages import DEMO_PASSWORD, _serious, _shot

pytestmark = pytest.mark.e2e


def test_admin_assigns_an_office_to_a_handler(open_page, portal):
    with session_scope() as s:
        handler = s.exec(select(UserAccount).where(UserAccount.role == "area_office")).first()
        office = s.exec(select(AreaOffice).order_by(AreaOffice.name.desc())).first()
        handler_id, office_id, office_name = handler.id, office.id, office.name
        had = set(
            s.exec(
                select(StaffAreaOffice.area_office_id).where(
                    StaffAreaOffice.account_id == handler_id
                )
            )
        )
    assert office_id not in had
    admin = open_page("/login", width=390, locale="sv-FI")
    log_in(admin, portal, "staff.admin@demo.heka.example", DEMO_PASSWORD)
    admin.wait_for_url("**/staff")
    admin.goto(url(portal, "/staff/area-offices"))
    wait_hydrated(admin)
    admin.wait_for_selector(f"#offices-form-{handler_id}")
    admin.click("#lang-sv")
    admin.wait_for_selector("h1:has-text('Områdeskontorens handläggare')")
    # The staff tools' Swedish table (heka_i18n_staff_sv.js) loads with the language.
    save = admin.locator(f"#offices-form-{handler_id} button[type=submit]")
    expect(save).to_have_text("Spara kontoren")
    admin.check(f"#office-{handler_id}-{office_id}")
    admin.click(f"#offices-form-{handler_id} button[type=submit]")
    expect(admin.locator(f"#offices-form-{handler_id}")).to_contain_text("Kontoren har sparats")
    assert _serious(admin) == []
    _shot(admin, "area-offices-saved-sv-390")
    with session_scope() as s:
        now_has = set(
            s.exec(
                select(StaffAreaOffice.area_office_id).where(
                    StaffAreaOffice.account_id == handler_id
                )
            )
        )
    assert now_has == had | {office_id}, office_name
    # A fresh load in Swedish (the cookie): the staff table arrives before the page shows.
    admin.goto(url(portal, "/staff/area-offices"))
    wait_hydrated(admin)
    expect(save).to_have_text("Spara kontoren")
    with session_scope() as s:  # leave the shared demo data as it was for the next tests
        for row in s.exec(
            select(StaffAreaOffice).where(
                StaffAreaOffice.account_id == handler_id,
                StaffAreaOffice.area_office_id == office_id,
            )
        ):
            s.delete(row)
