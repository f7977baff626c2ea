"""Words and links of the static pages (issue 8, defect 12)."""

from __future__ import annotations

import heka_app.heka_app  # noqa: F401 - registers every state
from heka_app.i18n.catalogs import gettext
from heka_app.pages.accessibility import SUPERVISOR_SITE, accessibility_page


def test_the_supervisory_authority_address_is_a_link_in_each_language():
    page = str(accessibility_page())
    link = page[page.index('id:"supervisor-link"') :]
    assert link.index('to:("https://"+(heka_t(') < link.index(SUPERVISOR_SITE)
    sites = {lang: gettext(lang, SUPERVISOR_SITE) for lang in ("fi", "sv", "en")}
    assert sites == {
        "fi": "www.saavutettavuusvaatimukset.fi",
        "sv": "www.tillganglighetskrav.fi",
        "en": "www.webaccessibility.fi",
    }


def test_every_page_of_the_table_builds():
    from heka_app.pages.registry import PAGES

    for spec in PAGES:
        assert str(spec.component()), spec.route
