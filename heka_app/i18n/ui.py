"""``t()`` and ``tn()`` for components: translated text as a Var looked up in the browser.

Each call compiles to ``heka_t(lang, msgid, params)`` against the generated JS catalog,
so switching language re-renders text from the one small ``lang`` delta.
"""

from __future__ import annotations

import functools
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


LANG_HOOK_PATH = "$/public/heka_lang.js"


def lang_in_store() -> tuple[str, str]:
    """Where the browser's state store keeps ``SessionState.lang``: (substate, field)."""
    # Imported here: the state module imports i18n helpers at its top.
    from heka_app.state.session import SessionState

    # str() is "<substate var>.lang_rx_state_": the field's name in the store.
    return SessionState.get_full_name(), str(SessionState.lang).rsplit(".", 1)[1]


def _lang_hook(hook: str, name: str) -> rx.Var[str]:
    state, field = lang_in_store()
    call = f"const {name} = {hook}({state!r}, {field!r});"
    return rx.Var(
        _js_expr=name,
        _var_type=str,
        _var_data=VarData(hooks={call: None}, imports={LANG_HOOK_PATH: [rx.ImportVar(tag=hook)]}),
    ).to(str)


@functools.cache
def ui_lang() -> rx.Var[str]:
    """The language text is shown in: ``SessionState.lang`` once its table has arrived
    (Finnish until then), read through a hook that re-renders its component only when
    that changes, not on every session delta (assets/heka_lang.js)."""
    return _lang_hook("useHekaLang", "heka_lang")


@functools.cache
def wanted_lang() -> rx.Var[str]:
    """``SessionState.lang`` itself, read the same way: what loads the tables, sets
    ``<html lang>`` and marks the language switch."""
    return _lang_hook("useHekaWantedLang", "heka_wanted_lang")


def _lang() -> rx.Var:
    return ui_lang()


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
