"""The parts the catalog hooks share (components/html_lang.py, components/catalog_group.py).

Each hook waits for a language's table (i18n/js_catalog.py: Swedish, English and the staff
group's tables load as their own chunks), then re-renders the readers of a state by
dispatching a key no server delta carries (``heka_catalog``): every ``t()`` runs again and
finds the words. The page-level hooks also keep the page hidden (``heka-lang-pending``)
while they wait, so no msgid is painted; that step is ``hide_until_loaded``.
"""

from __future__ import annotations

import reflex as rx

from heka_app.components.first_paint import MAX_HIDDEN_MS, PENDING_CLASS
from heka_app.i18n.js_catalog import JS_IMPORT_PATH
from heka_app.state.session import SessionState


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


def hide_until_loaded(dispatch: str, lang: str) -> str:
    """JS statements, with ``root`` (``document.documentElement``) in scope: hide the page,
    load ``lang``'s tables, re-render the session state's readers (all translated text),
    then show it; shown after MAX_HIDDEN_MS at the latest, or when loading fails."""
    session = SessionState.get_full_name()
    return (
        f"const show = () => root.classList.remove('{PENDING_CLASS}');"
        f" root.classList.add('{PENDING_CLASS}'); setTimeout(show, {MAX_HIDDEN_MS});"
        f" hekaLoadCatalog({lang}).then(() => {{ {rerender(dispatch, session, lang)};"
        " setTimeout(show, 0); }).catch(show);"
    )
