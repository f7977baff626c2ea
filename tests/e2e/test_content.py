"""News in a real browser: an editor publishes a Finnish-only item for one property; a
tenant there reads it in Swedish with the fallback label, gets one mail, and the front
page shows it as new until opened; a tenant of another property never sees it; attacks in
the title and body stay inert in the rendered page."""

from __future__ import annotations

import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from sqlmodel import select

from heka_app.db import session_scope
from heka_app.demo.dataset import DEMO_PASSWORD
from heka_app.models import Apartment, Building, Lease, UserAccount
from heka_app.models.leases import LeaseResident
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.common.clock import utcnow
from heka_app.services.notifications.preferences import NEWS_MY_BUILDING, set_email_choice
from tests.e2e.conftest import eventually, screenshot, url, wait_hydrated
from tests.e2e.test_auth import log_in

pytestmark = pytest.mark.e2e
# The machine may be busy (CI runs the suites side by side): wait up to 15 s for the page.
expect.set_options(timeout=15_000)
TENANT = "tenant@demo.heka.example"
OTHER = "newtenant@demo.heka.example"
TITLE = "Porraskäytävien siivous <img src=x onerror=window.__xss=1>"
BODY = (
    "Siivous **maanantaina**. [Ohje](javascript:window.__xss=2) "
    "<script>window.__xss=3</script> <svg onload=window.__xss=4>"
)


def _property_of(email: str) -> int:
    with session_scope() as session:
        account = session.exec(select(UserAccount).where(UserAccount.email == email)).one()
        return session.exec(
            select(Building.property_id)
            .join(Apartment, Apartment.building_id == Building.id)
            .join(Lease, Lease.apartment_id == Apartment.id)
            .join(LeaseResident, LeaseResident.lease_id == Lease.id)
            .where(LeaseResident.person_id == account.person_id)
            .order_by(Lease.starts_on.desc())
        ).first()


def _opt_in(email: str) -> None:
    with session_scope() as session:
        account = session.exec(select(UserAccount).where(UserAccount.email == email)).one()
        actor = actor_for_account(session=session, account=account, now=utcnow())
        set_email_choice(
            session=session, actor=actor, kind=NEWS_MY_BUILDING, email=True, now=utcnow()
        )


def _mails_about(mail_sink, to: str, words: str) -> int:
    return sum(1 for m in mail_sink.messages if m["To"] == to and words in m["Subject"])


def test_editor_publishes_for_one_property_and_only_its_residents_see_it(
    open_page, portal, mail_sink
):
    _opt_in(TENANT)
    target = _property_of(TENANT)
    assert target != _property_of(OTHER)

    editor = open_page("/", width=1280)
    log_in(editor, portal, "staff.content_editor@demo.heka.example", DEMO_PASSWORD)
    editor.wait_for_url("**/staff**")
    editor.goto(url(portal, "/staff/content/edit"))
    wait_hydrated(editor)
    editor.select_option("#field-audience", "property")
    editor.select_option("#field-target_id", str(target))
    editor.fill("#field-title_fi", TITLE)
    editor.fill("#field-body_fi", BODY)
    expect(editor.locator(".heka-preview strong")).to_have_text("maanantaina")
    editor.click("button[type=submit]")
    editor.wait_for_url("**/staff/content/edit?id=*")
    editor.get_by_role("button", name="Julkaise").click()
    expect(editor.get_by_text("julkaistu", exact=False).first).to_be_visible()
    screenshot(editor, "content-editor-published-fi-1280")

    tenant = open_page("/", width=390, locale="sv-FI")
    log_in(tenant, portal, TENANT, DEMO_PASSWORD)
    tenant.wait_for_url("**/home")
    tenant.click("#lang-sv")
    new_item = tenant.get_by_text("Ny: Porraskäytävien siivous", exact=False)
    expect(new_item).to_be_visible()
    screenshot(tenant, "content-front-page-new-sv-390")
    tenant.goto(url(portal, "/news"))
    wait_hydrated(tenant)
    card = tenant.locator(".heka-article-list li", has_text="Porraskäytävien siivous")
    expect(card.get_by_text("Finns endast på finska")).to_be_visible()
    expect(card.get_by_text("Ditt hus")).to_be_visible()
    card.locator("a").click()
    tenant.wait_for_url("**/news/porraskaytavien-siivous*")
    expect(tenant.locator(".heka-article-body strong")).to_have_text("maanantaina")
    # The attacks are text or gone: no element they could run from, nothing ran.
    assert tenant.locator(".heka-article-body img, .heka-article-body script").count() == 0
    assert tenant.locator(".heka-article-body svg, h1 img").count() == 0
    assert tenant.locator(".heka-article-body a[href^='javascript']").count() == 0
    assert tenant.evaluate("window.__xss") is None
    expect(tenant.locator("h1")).to_contain_text("<img src=x")
    screenshot(tenant, "content-article-fallback-sv-390")
    results = Axe().run(tenant)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in serious]
    tenant.goto(url(portal, "/home"))
    wait_hydrated(tenant)
    expect(tenant.get_by_text("Aktuellt för dig")).to_be_visible()
    expect(tenant.get_by_text("Ny: Porraskäytävien siivous", exact=False)).to_have_count(0)

    eventually(lambda: _mails_about(mail_sink, TENANT, "Porraskäytävien") == 1, what="one mail")
    time.sleep(1.5)  # a second mail (a repeat) would come from the same worker pass
    assert _mails_about(mail_sink, TENANT, "Porraskäytävien") == 1

    other = open_page("/", width=1280)
    log_in(other, portal, OTHER, DEMO_PASSWORD)
    other.wait_for_url("**/home")
    other.goto(url(portal, "/news"))
    wait_hydrated(other)
    expect(other.locator(".heka-article-list li").first).to_be_visible()
    expect(other.get_by_text("Porraskäytävien siivous", exact=False)).to_have_count(0)
    other.goto(url(portal, "/news/porraskaytavien-siivous-img-src-x-onerror-window-xss-1"))
    wait_hydrated(other)
    other.click("#lang-fi")
    expect(other.locator("h1")).to_have_text("Artikkelia ei löytynyt")
