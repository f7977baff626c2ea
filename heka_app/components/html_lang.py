"""Keeps ``<html lang>`` equal to the UI language (screen readers pick the voice by it)."""

from __future__ import annotations

import reflex as rx

from heka_app.components.first_paint import PENDING_CLASS
from heka_app.state.session import SessionState


class HtmlLang(rx.Fragment):
    """Renders nothing; a hook sets ``document.documentElement.lang``."""

    def add_imports(self) -> dict:
        """React's useEffect."""
        return {"react": [rx.ImportVar(tag="useEffect")]}

    def add_hooks(self) -> list:
        """Update the attribute whenever the language var changes."""
        lang = str(SessionState.lang)
        return [
            rx.Var(
                "useEffect(() => { const root = document.documentElement;"
                f" const want = root.dataset.hekaLang; if (want && want !== {lang}) return;"
                " delete root.dataset.hekaLang;"
                f" root.lang = {lang}; root.classList.remove('{PENDING_CLASS}'); }}, [{lang}]);",
                _var_data=SessionState.lang._get_all_var_data(),
            )
        ]


def html_lang() -> rx.Component:
    """The html-lang keeper."""
    return HtmlLang.create()
