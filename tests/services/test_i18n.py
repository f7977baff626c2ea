"""Language negotiation, Babel formatting, the server-side gettext and the JS catalog."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from heka_app.i18n import coerce_language, negotiate_language
from heka_app.i18n.catalogs import gettext
from heka_app.i18n.formatting import (
    format_date,
    format_money,
    format_number,
    format_opening_hours,
)
from heka_app.i18n.js_catalog import (
    catalog_groups,
    language_table,
    render_group_module,
    render_js_catalog,
    render_language_module,
    split_table,
    write_js_catalog,
)
from heka_app.services.rent.labels import month_label

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("sv-FI,sv;q=0.9,en;q=0.8", "sv"),
        ("en-GB,en;q=0.9", "en"),
        ("fi", "fi"),
        ("de-DE,de;q=0.9", "fi"),
        ("", "fi"),
        (None, "fi"),
        ("de;q=1.0, en;q=0.5, sv;q=0.7", "sv"),
        ("en;q=0, sv", "sv"),
        ("sv;q=banana, en;q=0.4", "en"),
    ],
)
def test_negotiate_language_honours_quality_values(header, expected):
    assert negotiate_language(header) == expected


def test_coerce_language_falls_back_to_finnish():
    assert coerce_language("sv") == "sv"
    assert coerce_language("xx") == "fi"
    assert coerce_language(None) == "fi"


def test_money_dates_and_numbers_follow_the_language():
    assert format_money(123450, "fi") == f"1{NBSP}234,50{NBSP}€"
    assert format_money(123450, "en") == "€1,234.50"
    assert format_money(-5, "sv") == f"-0,05{NBSP}€"
    day = dt.date(2025, 3, 14)
    assert format_date(day, "fi") == "14. maaliskuuta 2025"
    assert format_date(day, "sv") == "14 mars 2025"
    assert format_date(day, "en") == "March 14, 2025"
    assert format_number(1234.5, "en") == "1,234.5"
    assert format_number(1234.5, "fi") == f"1{NBSP}234,5"


def test_equal_money_and_dates_are_one_shared_string_per_language():
    # Issue 15: every tab holding "613,00 €" or "marraskuu 2026" holds the same object.
    assert format_money(61300, "fi") is format_money(61300, "fi")
    assert format_money(61300, "fi") != format_money(61300, "en")
    assert format_money(61300, "xx") is format_money(61300, "fi")  # coerced to Finnish
    day = dt.date(2026, 11, 1)
    assert format_date(day, "sv", "short") is format_date(day, "sv", "short")
    assert format_date(day, "sv", "short") != format_date(day, "sv")
    assert month_label(day, "fi") is month_label(day, "fi") == "marraskuu 2026"


def test_opening_hours_in_each_language():
    spec = "1-4 09:00-15:00;5 09:00-12:00"
    assert format_opening_hours(spec, "fi") == ["ma–to 9.00–15.00", "pe 9.00–12.00"]
    assert format_opening_hours(spec, "sv") == ["mån–tors 9.00–15.00", "fre 9.00–12.00"]
    assert format_opening_hours(spec, "en") == ["Mon–Thu 9:00–15:00", "Fri 9:00–12:00"]


def test_server_side_gettext_translates_and_falls_back_to_the_msgid():
    assert gettext("fi", "Log in") == "Kirjaudu"
    assert gettext("sv", "Log in") == "Logga in"
    assert gettext("xx", "Log in") == "Kirjaudu"
    assert gettext("sv", "A message nobody wrote") == "A message nobody wrote"


def test_js_catalog_holds_finnish_and_loads_swedish_and_english_as_their_own_modules():
    text = render_js_catalog()
    table = json.loads(re.search(r"const TABLES = \{\"fi\": (\{.*\})\};", text).group(1))
    assert table["Log in"] == "Kirjaudu"
    assert 'sv: () => import("./heka_i18n_sv.js")' in text
    assert 'en: () => import("./heka_i18n_en.js")' in text
    sv = json.loads(render_language_module("sv").split("export default ", 1)[1].rstrip(";\n"))
    assert sv["Log in"] == "Logga in"
    assert "Logga in" not in text  # a Finnish page does not carry the Swedish table


def test_english_module_keeps_only_entries_that_differ_from_the_msgid():
    en = language_table("en")
    assert "Log in" not in en  # the lookup falls back to the msgid
    assert all(text != msgid for msgid, text in en.items())


def _default_export(module: str) -> dict:
    return json.loads(module.split("export default ", 1)[1].rstrip(";\n"))


def test_staff_strings_are_in_the_staff_modules_not_in_the_first_load_table():
    main = render_js_catalog()
    common = json.loads(re.search(r"const TABLES = \{\"fi\": (\{.*\})\};", main).group(1))
    staff_fi = render_group_module("staff")
    added = re.search(r'hekaAddGroup\("staff", (\{.*?\}), \{sv:', staff_fi)
    staff = json.loads(added.group(1))
    assert "Save offices" in catalog_groups()["staff"]  # named only on the area-office page
    assert staff["Save offices"] == "Tallenna toimistot"
    assert "Save offices" not in common and "Tallenna toimistot" not in main
    assert set(staff) == catalog_groups()["staff"] & set(language_table("fi"))
    assert not set(staff) & set(common)
    assert 'import {hekaAddGroup} from "./heka_i18n.js"' in staff_fi
    assert 'sv: () => import("./heka_i18n_staff_sv.js")' in staff_fi
    sv_common = _default_export(render_language_module("sv"))
    sv_staff = _default_export(render_language_module("sv", "staff"))
    assert sv_staff["Save offices"] == "Spara kontoren" and "Save offices" not in sv_common
    assert "Log in" in sv_common and "Log in" not in sv_staff


def test_strings_a_tenant_reachable_state_or_shared_component_names_stay_in_the_first_load_table():
    staff = catalog_groups()["staff"]
    assert "Messages" not in staff  # the inbox state's kind label, and the tenant menu
    assert "Area offices of the handlers" not in staff  # a title in the page table
    assert "Page {page} of {pages}" not in staff  # the pager, on the inbox and the news
    # A state only staff pages reach: its notice (t_var) is read only where the staff
    # table is loaded (pages/catalog_groups.py, STAFF_GROUPABLE).
    assert "Offices saved for {name}." in staff


def test_a_tenant_page_group_leaves_only_the_finnish_table():
    common_fi, groups_fi = split_table("fi")
    common_sv, groups_sv = split_table("sv")
    statement = "Compliance status"  # the accessibility page alone names it
    assert statement in catalog_groups()["accessibility"]
    assert statement in groups_fi["accessibility"] and statement not in common_fi
    assert "accessibility" not in groups_sv and statement in common_sv  # Swedish: whole
    module = render_group_module("accessibility")
    assert module.rstrip().endswith('export const HEKA_CATALOG_GROUP = "accessibility";')
    assert "{}" in module  # no loaders: its Swedish and English are in the language modules


def test_js_catalog_writes_the_common_and_the_group_modules(tmp_path):
    main = tmp_path / "heka_i18n.js"
    assert write_js_catalog(main) is True
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(
        [
            "heka_i18n.js",
            "heka_i18n_en.js",
            "heka_i18n_sv.js",
            "heka_i18n_staff_en.js",
            "heka_i18n_staff_sv.js",
            *(f"heka_i18n_{group}_fi.js" for group in catalog_groups()),
        ]
    )
    assert write_js_catalog(main) is False  # unchanged: nothing rewritten
