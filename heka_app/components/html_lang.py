"""Keeps ``<html lang>`` equal to the UI language (screen readers pick the voice by it),
and the page in that language's catalog: the Swedish and English tables load as their own
chunks (i18n/js_catalog.py), so when the language arrives before its table the page stays
hidden (``heka-lang-pending``, at most first_paint.MAX_HIDDEN_MS) and re-renders once the
table is there."""

from __future__ import annotations

import reflex as rx

from heka_app.components.first_paint import MAX_HIDDEN_MS, PENDING_CLASS
from heka_app.i18n.js_catalog import JS_IMPORT_PATH
from heka_app.i18n.ui import ui_lang
from heka_app.state.session import SessionState


def catalog_imports() -> dict:
    """What a catalog hook imports: React's hooks, the state dispatchers, the loader."""
    return {
        "react": [rx.ImportVar(tag="useEffect"), rx.ImportVar(tag="useContext")],
        "$/utils/context": [rx.ImportVar(tag="DispatchContext")],
        JS_IMPORT_PATH: [
            rx.ImportVar(tag="hekaCatalogReady"),
            rx.ImportVar(tag="hekaLoadCatalog"),
        ],
    }


class HtmlLang(rx.Fragment):
    """Renders nothing; a hook sets ``document.documentElement.lang``."""

    def add_imports(self) -> dict:
        """React's hooks, the state dispatchers and the catalog loader."""
        return catalog_imports()

    def add_hooks(self) -> list:
        """Update the attribute whenever the language var changes."""
        lang = str(ui_lang())
        # A key no server delta carries: setting it re-renders every text (ui_lang's readers
        # watch it with the language, assets/heka_lang.js) once the table is there.
        substate = SessionState.get_full_name()
        return [
            rx.Var(
                "const heka_dispatch = useContext(DispatchContext);\n"
                "useEffect(() => { const root = document.documentElement;"
                f" const want = root.dataset.hekaLang; if (want && want !== {lang}) return;"
                f" if (!hekaCatalogReady({lang})) {{"
                f" root.classList.add('{PENDING_CLASS}');"
                f" setTimeout(() => root.classList.remove('{PENDING_CLASS}'), {MAX_HIDDEN_MS});"
                f" hekaLoadCatalog({lang}).then(() => {{"
                f" heka_dispatch[{substate!r}]?.({{heka_catalog_rx_state_: {lang}}});"
                f" setTimeout(() => root.classList.remove('{PENDING_CLASS}'), 0);"
                f" }}).catch(() => root.classList.remove('{PENDING_CLASS}')); }}"
                " delete root.dataset.hekaLang;"
                f" root.lang = {lang};"
                f" if (hekaCatalogReady({lang})) root.classList.remove('{PENDING_CLASS}');"
                f" }}, [{lang}]);",
                _var_data=ui_lang()._get_all_var_data(),
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
        return [
            rx.Var(
                "const heka_catalog_dispatch = useContext(DispatchContext);\n"
                f"useEffect(() => {{ if (hekaCatalogReady({lang})) return;"
                f" hekaLoadCatalog({lang}).then(() =>"
                f" heka_catalog_dispatch[{self._state_name!r}]?."
                f"({{heka_catalog_rx_state_: {lang}}}))"
                f".catch(() => {{}}); }}, [{lang}]);",
                _var_data=self._lang_var._get_all_var_data(),
            )
        ]


def catalog_for(lang: rx.Var[str], state: type[rx.State]) -> rx.Component:
    """Keep ``lang``'s catalog loaded for text rendered with ``t_in(lang, ...)``."""
    component = CatalogFor.create()
    component._lang_var, component._state_name = lang, state.get_full_name()
    return component
