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

from heka_app.components.first_paint import MAX_HIDDEN_MS, PENDING_CLASS
from heka_app.i18n.js_catalog import JS_IMPORT_PATH, group_import_path
from heka_app.i18n.ui import ui_lang
from heka_app.state.session import SessionState


class CatalogGroup(rx.Fragment):
    """Renders nothing; keeps the page hidden until its group's table is loaded."""

    # Set by catalog_group after create (underscored: not rendered as a prop).
    _group: str = ""

    def add_imports(self) -> dict:
        """The group's Finnish module (statically: in the page's first load) and the loader."""
        return {
            "react": [rx.ImportVar(tag="useLayoutEffect"), rx.ImportVar(tag="useContext")],
            "$/utils/context": [rx.ImportVar(tag="DispatchContext")],
            JS_IMPORT_PATH: [
                rx.ImportVar(tag="hekaCatalogReady"),
                rx.ImportVar(tag="hekaLoadCatalog"),
            ],
            group_import_path(self._group): [rx.ImportVar(tag="HEKA_CATALOG_GROUP")],
        }

    def add_hooks(self) -> list:
        """Before paint: not ready in this language -> hide, load, re-render, show."""
        lang = str(ui_lang())
        substate = SessionState.get_full_name()
        return [
            rx.Var(
                "const heka_group_dispatch = useContext(DispatchContext);\n"
                "useLayoutEffect(() => { if (hekaCatalogReady("
                f"{lang})) return; const root = document.documentElement;"
                f" const show = () => root.classList.remove('{PENDING_CLASS}');"
                f" root.classList.add('{PENDING_CLASS}'); setTimeout(show, {MAX_HIDDEN_MS});"
                f" hekaLoadCatalog({lang}).then(() => {{"
                f" heka_group_dispatch[{substate!r}]?.({{heka_catalog_rx_state_: {lang}}});"
                " setTimeout(show, 0); }).catch(show);"
                f" }}, [{lang}, HEKA_CATALOG_GROUP]);",
                _var_data=ui_lang()._get_all_var_data(),
            )
        ]


def catalog_group(group: str) -> rx.Component:
    """Put on every page of ``group`` (heka_app.py does it from the page table)."""
    component = CatalogGroup.create()
    component._group = group
    return component
