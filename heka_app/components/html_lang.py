"""Keeps ``<html lang>`` equal to the UI language (screen readers pick the voice by it),
and the page in that language's catalog: the Swedish and English tables load as their own
chunks (i18n/js_catalog.py), so when the language arrives before its table the page stays
hidden (``heka-lang-pending``, at most first_paint.MAX_HIDDEN_MS) and re-renders once the
table is there."""

from __future__ import annotations

import reflex as rx

from heka_app.components.catalog_hooks import (
    catalog_hook,
    catalog_imports,
    hide_until_loaded,
    rerender,
)
from heka_app.components.first_paint import PENDING_CLASS
from heka_app.state.session import SessionState


class HtmlLang(rx.Fragment):
    """Renders nothing; a hook sets ``document.documentElement.lang``."""

    def add_imports(self) -> dict:
        """React's hooks, the state dispatchers and the catalog loader."""
        return catalog_imports()

    def add_hooks(self) -> list:
        """Update the attribute whenever the language var changes."""
        lang = str(SessionState.lang)
        # Until the state's language is the one the cookie asked for (first_paint.py), the
        # page stays hidden as that script left it: the prerendered Finnish is not shown.
        return [
            catalog_hook(
                "heka_dispatch",
                "useEffect(() => { const root = document.documentElement;"
                f" const want = root.dataset.hekaLang; if (want && want !== {lang}) return;"
                f" if (!hekaCatalogReady({lang})) {{ {hide_until_loaded('heka_dispatch', lang)} }}"
                " delete root.dataset.hekaLang;"
                f" root.lang = {lang};"
                f" if (hekaCatalogReady({lang})) root.classList.remove('{PENDING_CLASS}');"
                f" }}, [{lang}]);",
                SessionState.lang,
            )
        ]


def html_lang() -> rx.Component:
    """The html-lang keeper."""
    return HtmlLang.create()


class CatalogFor(rx.Fragment):
    """Renders nothing; loads the catalog of a language other than the UI's (a slip printed
    in the resident's language) and re-renders ``state``'s readers once it is there."""

    # Set by catalog_for after create (underscored: not rendered as props of the Fragment).
    _lang_var: rx.Var[str] = rx.Var.create("fi")
    _state_name: str = ""

    def add_imports(self) -> dict:
        """React's hooks, the state dispatchers and the catalog loader."""
        return catalog_imports()

    def add_hooks(self) -> list:
        """Load the table when the language changes; then a no-op delta re-renders."""
        lang = str(self._lang_var)
        loaded = rerender("heka_catalog_dispatch", self._state_name, lang)
        return [
            catalog_hook(
                "heka_catalog_dispatch",
                f"useEffect(() => {{ if (hekaCatalogReady({lang})) return;"
                f" hekaLoadCatalog({lang}).then(() => {loaded})"
                f".catch(() => {{}}); }}, [{lang}]);",
                self._lang_var,
            )
        ]


def catalog_for(lang: rx.Var[str], state: type[rx.State]) -> rx.Component:
    """Keep ``lang``'s catalog loaded for text rendered with ``t_in(lang, ...)``."""
    component = CatalogFor.create()
    component._lang_var, component._state_name = lang, state.get_full_name()
    return component
