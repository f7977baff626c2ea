"""A catalog hook in Python, for text in a language other than the UI's
(``html_lang.catalog_for``: a slip printed in the resident's language).

It waits for a language's table (i18n/js_catalog.py: Swedish, English and the staff group's
tables load as their own chunks), then re-renders the readers of a state by dispatching a
key no server delta carries (``heka_catalog``). The UI language's keepers (the page hidden
while its tables load) are components of assets/heka_lang.js (html_lang.py).
"""

from __future__ import annotations

import reflex as rx

from heka_app.i18n.js_catalog import JS_IMPORT_PATH


def catalog_imports(effect: str = "useEffect") -> dict:
    """What a catalog hook imports: React's ``effect`` hook and ``useContext``, the state
    dispatchers, the catalog loader."""
    return {
        "react": [rx.ImportVar(tag=effect), rx.ImportVar(tag="useContext")],
        "$/utils/context": [rx.ImportVar(tag="DispatchContext")],
        JS_IMPORT_PATH: [
            rx.ImportVar(tag="hekaCatalogReady"),
            rx.ImportVar(tag="hekaLoadCatalog"),
        ],
    }


def catalog_hook(dispatch: str, effect: str, lang: rx.Var) -> rx.Var:
    """The hook: ``dispatch`` names the state dispatchers (one name per component: hooks of
    one page share a scope), then the ``effect`` statement, which reads ``lang``."""
    return rx.Var(
        f"const {dispatch} = useContext(DispatchContext);\n{effect}",
        _var_data=lang._get_all_var_data(),
    )


def rerender(dispatch: str, state_name: str, lang: str) -> str:
    """JS expression: re-render the readers of ``state_name`` (a no-op delta)."""
    return f"{dispatch}[{state_name!r}]?.({{heka_catalog_rx_state_: {lang}}})"
