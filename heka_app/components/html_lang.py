"""Keeps ``<html lang>`` equal to the UI language (screen readers pick the voice by it),
and the page in that language's catalog: the Swedish and English tables load as their own
chunks (i18n/js_catalog.py), so when the language arrives before its table the page stays
hidden (``heka-lang-pending``, at most first_paint.MAX_HIDDEN_MS) and re-renders once the
table is there (assets/heka_lang.js)."""

from __future__ import annotations

import reflex as rx

from heka_app.components.catalog_hooks import catalog_hook, catalog_imports, rerender
from heka_app.components.first_paint import MAX_HIDDEN_MS, PENDING_CLASS
from heka_app.i18n.ui import LANG_HOOK_PATH, lang_in_store


class LanguageTables(rx.Component):
    """A component of assets/heka_lang.js that renders nothing and reads the UI language
    (and loads its tables) in a component of its own: a language change re-renders it,
    not the page around it."""

    library = LANG_HOOK_PATH
    state: rx.Var[str]
    field: rx.Var[str]
    pending_class: rx.Var[str]
    max_hidden_ms: rx.Var[int]

    @classmethod
    def for_ui_language(cls, **props) -> rx.Component:
        """The component reading ``SessionState.lang``."""
        state, field = lang_in_store()
        return cls.create(
            state=state,
            field=field,
            pending_class=PENDING_CLASS,
            max_hidden_ms=MAX_HIDDEN_MS,
            **props,
        )


class HtmlLang(LanguageTables):
    """Sets ``document.documentElement.lang`` and loads the language's tables."""

    tag = "HekaHtmlLang"


def html_lang() -> rx.Component:
    """The html-lang keeper."""
    return HtmlLang.for_ui_language()


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
