"""Which msgids only one group of pages shows: they leave the table every route loads first.

Route groups: the staff tools (every ``/staff`` route) are one group; each tenant page
module (pages/accounts.py: /account, /reset, ...) is a group of its own. A msgid belongs
to a group when every place the source names it (t, tn, N_, gettext: babel.cfg's keywords)
is a module only that group reaches: its page modules, or a page/component module that
only they import. For the staff group, state and service modules count too (see
STAFF_GROUPABLE). Anything else keeps it in the common table: a string named in a shared
component, in state or services a tenant page reaches, or in the page table (titles).
``make i18n`` writes the lists (``python -m heka_app.pages.catalog_groups``); the generator
(i18n/js_catalog.py) reads them, tests/surface/test_translations.py fails when they are
stale.
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
from heka_app.i18n.js_catalog import CATALOG_GROUPS_FILE, STAFF_GROUP
from heka_app.settings import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "heka_app"
# Only page and component modules can be a tenant group's own; state and services stay
# common there (a tenant page's state strings are few; its table is Finnish only).
GROUPABLE = ("heka_app.pages.", "heka_app.components.")
# The staff tools' state and services too, when only staff pages reach them (import graph):
# their strings reach the browser only as values of those states' vars (notices, validation
# errors a staff-only service returns or raises), read by the staff pages that import them
# and load the staff table first; mail texts are translated on the server. What would break
# it: a staff-only service storing a msgid for a tenant page to translate later. Store a
# code and name its msgid in a shared module instead (as fault statuses do).
STAFF_GROUPABLE = (*GROUPABLE, "heka_app.state.", "heka_app.services.")
MIN_GROUP_SIZE = 5
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


def group_only_modules(groups: dict[str, set[str]]) -> dict[str, set[str]]:
    """``group -> the modules only its page modules reach`` (page and component modules;
    the staff group's state and services too): everything a group's pages import minus
    what any other page, or any other module (shared state, services, components), reaches."""
    graph = import_graph(_sources())
    only = {}
    for group, roots in groups.items():
        reach = _reach(graph, roots)
        other_roots = set().union(*(r for g, r in groups.items() if g != group))
        others = _reach(graph, (set(graph) - reach) | other_roots)
        groupable = STAFF_GROUPABLE if group == STAFF_GROUP else GROUPABLE
        only[group] = {n for n in reach - others if n.startswith(groupable)}
    return only


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


def group_msgids(groups: dict[str, set[str]]) -> dict[str, list[str]]:
    """``group -> its msgids``: those every place names only in the group's own modules."""
    only = group_only_modules(groups)
    found: dict[str, list[str]] = {}
    for msgid, where in sorted(msgid_locations(_sources()).items()):
        for group, modules in only.items():
            if where and where <= modules:
                found.setdefault(group, []).append(msgid)
    # A module of its own for a string or two costs the page more than it saves the others.
    return {
        group: msgids
        for group, msgids in sorted(found.items())
        if group == STAFF_GROUP or len(msgids) >= MIN_GROUP_SIZE
    }


def group_of(route: str, page_module: str) -> str:
    """A staff route's group is ``staff``; a tenant page's is its page module's name."""
    return STAFF_GROUP if is_staff_route(route) else page_module.rsplit(".", 1)[1]


def route_groups() -> dict[str, set[str]]:
    """``group -> its page modules``, from the page table."""
    from heka_app.pages.registry import PAGES

    groups: dict[str, set[str]] = {}
    for spec in PAGES:
        module = spec.component.__module__
        groups.setdefault(group_of(spec.route, module), set()).add(module)
    return groups


def render_catalog_groups() -> str:
    return json.dumps(group_msgids(route_groups()), ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    CATALOG_GROUPS_FILE.write_text(render_catalog_groups(), encoding="utf-8")
    print(f"{CATALOG_GROUPS_FILE.relative_to(PROJECT_ROOT)} written")
