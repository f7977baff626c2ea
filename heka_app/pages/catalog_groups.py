"""Which msgids only the staff tools show: they leave the catalog every route loads first.

A msgid is a staff string when every place the source names it (t, tn, N_, gettext:
babel.cfg's keywords) is a staff-only module: the page module of a ``/staff`` route, or a
page/component module that only staff-only modules import. Anything else keeps it in the
common table: a string named in state/ or services/ (a validation error shown with t_var),
in a shared component, or in the page table (titles). ``make i18n`` writes the list
(``python -m heka_app.pages.catalog_groups``); the generator (i18n/js_catalog.py) reads it,
and tests/surface/test_translations.py fails when it is stale.
"""

from __future__ import annotations

import ast
import configparser
import json
from collections.abc import Iterable
from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.frontend import parse_keywords

from heka_app import routes
from heka_app.i18n.js_catalog import STAFF_MSGIDS_FILE
from heka_app.settings import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "heka_app"
# Only page and component modules can be staff-only; state and services stay common.
GROUPABLE = ("heka_app.pages.", "heka_app.components.")
# Modules whose imports do not make a module common: the page table imports every page.
PAGE_TABLE = {"heka_app.pages.registry", "heka_app.pages.catalog_groups", "heka_app.heka_app"}


def is_staff_route(route: str) -> bool:
    return route == routes.STAFF or route.startswith(routes.STAFF + "/")


def _module_of(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _sources() -> dict[str, Path]:
    return {_module_of(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def import_graph(sources: dict[str, Path]) -> dict[str, set[str]]:
    """``module -> the heka_app modules it imports`` (``from a import b`` counts ``a.b``
    too when that is a module)."""
    graph: dict[str, set[str]] = {}
    for name, path in sources.items():
        graph[name] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            graph[name].update(t for t in targets if t in sources and t != name)
    return graph


def _reach(graph: dict[str, set[str]], roots: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    todo = [root for root in roots if root not in PAGE_TABLE]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(graph.get(name, set()) - PAGE_TABLE)
    return seen


def staff_only_modules(staff_pages: set[str], tenant_pages: set[str]) -> set[str]:
    """Page and component modules that only the staff routes reach: everything the staff
    pages import minus what the tenant pages or any other module (state, services, the
    shared components) reach."""
    graph = import_graph(_sources())
    staff_reach = _reach(graph, staff_pages)
    common_roots = (set(graph) - staff_reach) | set(tenant_pages)
    common_reach = _reach(graph, common_roots)
    return {n for n in staff_reach - common_reach if n.startswith(GROUPABLE)}


def _keywords() -> dict:
    config = configparser.ConfigParser()
    config.read(PROJECT_ROOT / "babel.cfg")
    section = next(s for s in config.sections() if s.startswith("python:"))
    return parse_keywords(config[section]["keywords"].split())


def msgid_locations(sources: dict[str, Path]) -> dict[str, set[str]]:
    """``msgid -> the modules that name it`` with the gettext keywords of ``make i18n``."""
    keywords = _keywords()
    found: dict[str, set[str]] = {}
    for name, path in sources.items():
        for _line, message, _comments, _context in extract_from_file(
            "python", str(path), keywords=keywords
        ):
            msgid = message[0] if isinstance(message, tuple) else message
            found.setdefault(msgid, set()).add(name)
    return found


def staff_msgids(staff_modules: Iterable[str]) -> list[str]:
    staff = set(staff_modules)
    return sorted(
        msgid for msgid, where in msgid_locations(_sources()).items() if where <= staff and where
    )


def page_modules() -> tuple[set[str], set[str]]:
    """The page modules of the staff routes and of the tenant routes (the page table)."""
    from heka_app.pages.registry import PAGES

    staff = {spec.component.__module__ for spec in PAGES if is_staff_route(spec.route)}
    tenant = {spec.component.__module__ for spec in PAGES if not is_staff_route(spec.route)}
    return staff, tenant


def render_staff_msgids() -> str:
    msgids = staff_msgids(staff_only_modules(*page_modules()))
    return json.dumps(msgids, ensure_ascii=False, indent=0) + "\n"


if __name__ == "__main__":
    STAFF_MSGIDS_FILE.write_text(render_staff_msgids(), encoding="utf-8")
    print(f"{STAFF_MSGIDS_FILE.relative_to(PROJECT_ROOT)} written")
