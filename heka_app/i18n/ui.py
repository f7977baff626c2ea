"""``t()`` and ``tn()`` for components: translated text as a Var looked up in the browser.

Each call compiles to ``heka_t(lang, msgid, params)`` against the generated JS catalog,
so switching language re-renders text from the one small ``lang`` delta.
"""

from __future__ import annotations

from typing import Any

import reflex as rx
from reflex.vars import FunctionStringVar, VarData

from heka_app.i18n.js_catalog import JS_IMPORT_PATH

_IMPORTS = VarData(
    imports={
        JS_IMPORT_PATH: [
            rx.ImportVar(tag="t", alias="heka_t"),
            rx.ImportVar(tag="tn", alias="heka_tn"),
        ]
    }
)
_T = FunctionStringVar.create("heka_t", _var_data=_IMPORTS)
_TN = FunctionStringVar.create("heka_tn", _var_data=_IMPORTS)


def _lang() -> rx.Var:
    # Imported here: the state module imports i18n helpers at its top.
    from heka_app.state.session import SessionState

    return SessionState.lang


def t(msgid: str, **params: Any) -> rx.Var[str]:
    """Translated UI text; ``{name}`` placeholders filled from ``params`` (Vars allowed)."""
    if params:
        return _T.call(_lang(), msgid, params).to(str)
    return _T.call(_lang(), msgid).to(str)


def tn(singular: str, plural: str, n: Any, **params: Any) -> rx.Var[str]:
    """Plural-aware text; ``{n}`` is the count."""
    return _TN.call(_lang(), singular, plural, n, params).to(str)


def t_var(msgid: rx.Var, params: Any = None) -> rx.Var[str]:
    """Translate a msgid held in state (e.g. a validation error) in the browser.

    The msgid must be marked with ``N_`` where it is defined, so it is in the catalogs.
    """
    if params is not None:
        return _T.call(_lang(), msgid, params).to(str)
    return _T.call(_lang(), msgid).to(str)


def t_in(language: rx.Var, msgid: str, **params: Any) -> rx.Var[str]:
    """Like :func:`t`, in ``language`` instead of the UI's (e.g. a slip printed for a
    resident in their language); mark ``msgid`` with ``N_`` where it is defined."""
    if params:
        return _T.call(language, msgid, params).to(str)
    return _T.call(language, msgid).to(str)
