"""A route group's strings before its page shows them (i18n/js_catalog.py, "Route groups").

A group's strings (the staff tools', or one tenant page module's) are not in the table every
route loads first. Its pages render this component, which imports the group's Finnish module
statically: the page's chunk waits for it, so the prerendered HTML and the first render are
already in Finnish. For the staff tools' Swedish or English tables (loaded with the
language) a layout effect, which runs before the browser paints, hides the page
(``heka-lang-pending``, at most first_paint.MAX_HIDDEN_MS) until they are there and
re-renders it: no msgid is ever painted (assets/heka_lang.js, ``HekaCatalogGroup``).
"""

from __future__ import annotations

import reflex as rx
from reflex.vars import VarData

from heka_app.components.html_lang import LanguageTables
from heka_app.i18n.js_catalog import group_import_path


class CatalogGroup(LanguageTables):
    """Keeps the page hidden until its group's table is loaded in the UI language."""

    tag = "HekaCatalogGroup"
    group: rx.Var[str]


def catalog_group(group: str) -> rx.Component:
    """Put on every page of ``group`` (heka_app.py does it from the page table)."""
    # The group module's export, so the page imports the module (statically).
    exported = rx.Var(
        _js_expr="HEKA_CATALOG_GROUP",
        _var_type=str,
        _var_data=VarData(
            imports={group_import_path(group): [rx.ImportVar(tag="HEKA_CATALOG_GROUP")]}
        ),
    )
    return CatalogGroup.for_ui_language(group=exported)
