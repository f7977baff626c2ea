"""The catalog per route group in the production build (i18n/js_catalog.py, "Route groups").

Every page must find each string it names in the table every route loads first or in the
Finnish table of a group it imports statically (its own); the staff tools' table is in
every staff page's first load, in no tenant page's, and the staff pages prerender in
Finnish, not as msgids.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from heka_app.i18n.js_catalog import split_table
from heka_app.language_pages import is_variant
from tests.e2e.bundles import BUILD, all_routes

pytestmark = pytest.mark.e2e

WEB = BUILD.parents[1]
IMPORT = re.compile(r"""from\s+"\$/([^"]+)"|import\s+"\$/([^"]+)\"""")
GROUP_IMPORT = re.compile(r'from\s+"\$/public/heka_i18n_(\w+)_fi\.js"')
STRING = r'"(?:[^"\\]|\\.)*"'
T_CALL = re.compile(rf"heka_tn?\([^,()]+, ({STRING})")


def _is_staff(route: str) -> bool:
    return route == "/staff" or route.startswith("/staff/")


def _compiled_files(route_file: Path) -> set[Path]:
    """The route module and every app module it imports (memoized components live in
    ``app_components/`` and ``utils/components/``), transitively; not the catalog."""
    seen: set[Path] = set()
    todo = [route_file]
    while todo:
        path = todo.pop()
        if path in seen or not path.exists():
            continue
        seen.add(path)
        for match in IMPORT.finditer(path.read_text(encoding="utf-8")):
            target = next(g for g in match.groups() if g)
            if target.startswith("public/"):
                continue
            for candidate in (WEB / target, WEB / f"{target}.jsx", WEB / f"{target}.js"):
                if candidate.is_file():
                    todo.append(candidate)
    return seen


def _msgids(files: set[Path]) -> set[str]:
    found: set[str] = set()
    for path in files:
        for literal in T_CALL.findall(path.read_text(encoding="utf-8")):
            found.add(json.loads(literal))
    return found


def _route_files() -> dict[str, Path]:
    """``app/routes/[staff].[faults].$[report]._index.jsx`` -> ``/staff/faults/[report]``."""
    files = {}
    for path in (WEB / "app" / "routes").glob("*.jsx"):
        parts = path.name.removesuffix(".jsx").split(".")
        segments = [p.strip("[]$") for p in parts if p != "_index"]
        files["/" + "/".join(segments)] = path
    return files


@pytest.fixture(scope="module")
def tables(portal):
    return split_table("fi")


def test_every_string_a_page_names_is_in_its_first_load_tables(tables):
    common, groups = tables
    routes = _route_files()
    assert "/faults/new" in routes and "/staff/faults" in routes  # the scan sees the pages
    missing = {}
    for route, path in routes.items():
        files = _compiled_files(path)
        used = _msgids(files)
        assert used, f"{route}: no heka_t call found (the pattern is out of date)"
        imported = {g for f in files for g in GROUP_IMPORT.findall(f.read_text("utf-8"))}
        assert imported <= set(groups), f"{route}: imports an unknown group {imported}"
        assert not _is_staff(route) or "staff" in imported, f"{route}: no staff table"
        ready = set(common).union(*(groups[g] for g in imported))
        if used - ready:
            missing[route] = sorted(used - ready)
    assert not missing, f"pages name strings none of their first-load tables has: {missing}"
    # The check can fail: without their groups' tables the pages would lack strings.
    assert any(_msgids(_compiled_files(p)) - set(common) for p in routes.values())


def _staff_table_asset() -> str:
    """The built chunk that holds the staff tools' Finnish table."""
    for asset in (BUILD / "assets").glob("*.js"):
        if "Tallenna toimistot" in asset.read_text(encoding="utf-8"):
            return "/assets/" + asset.name
    raise AssertionError("no chunk holds the staff tools' Finnish table")


def test_staff_pages_load_their_table_first_and_tenant_pages_never(tables):
    staff_chunk = _staff_table_asset()
    loads = {load.route: load for load in all_routes(BUILD)}
    for route, load in loads.items():
        if _is_staff(route):
            assert staff_chunk in load.js, f"{route}: staff table not in its first load"
        else:
            assert staff_chunk not in load.js, f"{route}: carries the staff table"


def test_prerendered_staff_pages_show_their_strings_in_finnish(tables):
    staff = tables[1]["staff"]
    untranslated = {
        msgid: text
        for msgid, text in staff.items()
        if isinstance(text, str) and text != msgid and len(msgid) > 3
    }
    shown = 0
    for page in [BUILD / "staff.html", *BUILD.glob("staff/**/*.html")]:
        if is_variant(page):  # the Swedish and English renders: test_language_pages.py
            continue
        text = html.unescape(page.read_text(encoding="utf-8"))
        shown += sum(f">{fi}<" in text for fi in untranslated.values())
        raw = [m for m in untranslated if f">{m}<" in text]
        assert not raw, f"{page.relative_to(BUILD)} prerendered msgids: {raw}"
    assert (BUILD / "staff" / "faults.html").exists()
    assert shown, "no prerendered staff page shows a staff string (the check sees nothing)"
