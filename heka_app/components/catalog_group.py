"""A route group's strings before its page shows them (i18n/js_catalog.py, "Route groups").

A group's strings (the staff tools', or one tenant page module's) are not in the table every
route loads first. Its pages render this component, which imports the group's Finnish module
statically: the page's chunk waits for it, so the prerendered HTML and the first render are
already in Finnish. For the staff tools' Swedish or English tables (loaded with the
language) a layout effect, which runs before the browser paints, hides the page
(``heka-lang-pending``, at most first_paint.MAX_HIDDEN_MS) until they are there and
re-renders it: no msgid is ever painted.
"""

from __future__ import annotations

import reflex as rx

from heka_app.components.catalog_hooks import catalog_hook, catalog_imports, hide_until_loaded
from heka_app.i18n.js_catalog import group_import_path
from heka_app.state.session import SessionState


class CatalogGroup(rx.Fragment):
    """Renders nothing; keeps the page hidden until its group's table is loaded."""

    # Set by catalog_group after create (underscored: not rendered as a prop).
    _group: str = ""

    def add_imports(self) -> dict:
        """The group's Finnish module (statically: in the page's first load) and the loader."""
        return {
            **catalog_imports("useLayoutEffect"),
            group_import_path(self._group): [rx.ImportVar(tag="HEKA_CATALOG_GROUP")],
        }

    def add_hooks(self) -> list:
        """Before paint: not ready in this language -> hide, load, re-render, show."""
        lang = str(SessionState.lang)
        return [
            catalog_hook(
                "heka_group_dispatch",
                f"useLayoutEffect(() => {{ if (hekaCatalogReady({lang})) return;"
                " const root = document.documentElement;"
                f" {hide_until_loaded('heka_group_dispatch', lang)}"
                f" }}, [{lang}, HEKA_CATALOG_GROUP]);",
                SessionState.lang,
            )
        ]


def catalog_group(group: str) -> rx.Component:
    """Put on every page of ``group`` (heka_app.py does it from the page table)."""
    component = CatalogGroup.create()
    component._group = group
    return component
