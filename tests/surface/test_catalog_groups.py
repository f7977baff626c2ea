"""Route groups of the catalog: which pages count as staff-only, and a staff page's
strings are there before it renders (the build-side checks: tests/e2e/test_bundle_budget.py)."""

from __future__ import annotations

from heka_app.components.catalog_group import catalog_group
from heka_app.components.first_paint import PENDING_CLASS
from heka_app.i18n.js_catalog import group_import_path
from heka_app.pages.catalog_groups import (
    group_msgids,
    group_of,
    group_only_modules,
    is_staff_route,
    route_groups,
)
from heka_app.settings import PROJECT_ROOT


def test_staff_routes_are_the_staff_prefix():
    assert is_staff_route("/staff") and is_staff_route("/staff/faults/[report]")
    assert not is_staff_route("/staffing") and not is_staff_route("/faults")


def test_a_staff_route_is_in_the_staff_group_a_tenant_page_in_its_modules():
    assert group_of("/staff/faults", "heka_app.pages.fault_queue") == "staff"
    assert group_of("/reset", "heka_app.pages.accounts") == "accounts"
    groups = route_groups()
    assert {"heka_app.pages.staff_offices", "heka_app.pages.fault_queue"} <= groups["staff"]
    assert groups["accounts"] == {"heka_app.pages.accounts"}


def test_group_only_modules_are_what_only_that_group_reaches():
    only = group_only_modules(route_groups())
    assert "heka_app.pages.staff_offices" in only["staff"]
    assert "heka_app.pages.content_editor_media" in only["staff"]  # the editor alone
    assert "heka_app.pages.accessibility" in only["accessibility"]
    every = set().union(*only.values())
    assert "heka_app.components.pager" not in every  # the inbox and the news share it
    assert "heka_app.components.layout" not in every
    tenant = set().union(*(modules for group, modules in only.items() if group != "staff"))
    assert all(m.startswith(("heka_app.pages.", "heka_app.components.")) for m in tenant)
    assert sum(len(modules) for modules in only.values()) == len(every)  # disjoint


def test_state_and_services_only_staff_pages_reach_are_the_staff_groups():
    only = group_only_modules(route_groups())
    assert {"heka_app.state.staff_messages", "heka_app.services.messages.templates"} <= only[
        "staff"
    ]
    # A state a tenant page reaches stays common, also when staff pages reach it too.
    assert "heka_app.state.session" not in only["staff"]
    assert "heka_app.state.fault_report" not in set().union(*only.values())


def test_a_staff_state_string_leaves_the_shared_table_a_tenant_state_string_stays():
    groups = group_msgids(route_groups())
    assert "Internal note saved." in groups["staff"]  # state/staff_messages.py alone
    assert "Saved. The tenant sees the status and public comment." in groups["staff"]
    every = set().union(*groups.values())
    assert "Comment added." not in every  # state/fault_report.py: a tenant page


def test_a_page_module_two_groups_import_belongs_to_neither():
    groups = route_groups()
    groups["accessibility"] = groups["accessibility"] | {"heka_app.pages.staff_offices"}
    only = group_only_modules(groups)
    assert "heka_app.pages.staff_offices" not in only["staff"]
    assert "heka_app.pages.staff_offices" not in only["accessibility"]


def test_staff_page_imports_its_finnish_table_and_hides_until_other_languages_load():
    component = catalog_group("staff")
    imports = component._get_all_imports()
    assert group_import_path("staff") in imports  # static import: in the page's first load
    rendered = component.render()
    assert rendered["name"] == "HekaCatalogGroup"
    assert "group:HEKA_CATALOG_GROUP" in rendered["props"]
    assert f'pendingClass:"{PENDING_CLASS}"' in rendered["props"]
    # A layout effect runs before the browser paints: the page is hidden before any text
    # in a language whose table is still on its way could show.
    script = (PROJECT_ROOT / "assets" / "heka_lang.js").read_text(encoding="utf-8")
    body = script[script.index("export function HekaCatalogGroup(") :]
    assert "useLayoutEffect(() => {" in body and "loadTables(" in body
    load = script[script.index("function loadTables(") :]
    assert load.index("root.classList.add(pendingClass)") < load.index("hekaLoadCatalog(")
