"""Route groups of the catalog: which pages count as staff-only, and a staff page's
strings are there before it renders (the build-side checks: tests/e2e/test_bundle_budget.py)."""

from __future__ import annotations

from heka_app.components.catalog_group import staff_catalog
from heka_app.components.first_paint import PENDING_CLASS
from heka_app.i18n.js_catalog import group_import_path
from heka_app.pages.catalog_groups import is_staff_route, page_modules, staff_only_modules


def test_staff_routes_are_the_staff_prefix():
    assert is_staff_route("/staff") and is_staff_route("/staff/faults/[report]")
    assert not is_staff_route("/staffing") and not is_staff_route("/faults")


def test_staff_only_modules_are_pages_only_staff_routes_reach():
    staff_pages, tenant_pages = page_modules()
    only = staff_only_modules(staff_pages, tenant_pages)
    assert "heka_app.pages.staff_offices" in only
    assert "heka_app.pages.content_editor_media" in only  # imported by the editor alone
    assert not only & tenant_pages
    assert "heka_app.components.pager" not in only  # shared with the news pages
    assert "heka_app.components.layout" not in only
    assert all(m.startswith(("heka_app.pages.", "heka_app.components.")) for m in only)


def test_a_tenant_page_importing_a_staff_page_makes_it_common():
    staff_pages, tenant_pages = page_modules()
    only = staff_only_modules(staff_pages, tenant_pages | {"heka_app.pages.staff_offices"})
    assert "heka_app.pages.staff_offices" not in only


def test_staff_page_imports_its_finnish_table_and_hides_until_other_languages_load():
    component = staff_catalog()
    imports = component._get_all_imports()
    assert group_import_path() in imports  # static import: in the page's first load
    hook = "\n".join(str(h) for h in component._get_all_hooks())
    # A layout effect runs before the browser paints: the page is hidden before any text
    # in a language whose table is still on its way could show.
    assert "useLayoutEffect(() => { if (hekaCatalogReady(" in hook
    before_load = hook.index(f"root.classList.add('{PENDING_CLASS}')")
    assert before_load < hook.index("hekaLoadCatalog(")
