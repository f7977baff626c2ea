"""FI / SV / EN switch: changes the UI language in place, no reload."""

from __future__ import annotations

import reflex as rx

from heka_app.i18n import LANGUAGE_NAMES, LANGUAGES
from heka_app.i18n.ui import wanted_lang
from heka_app.state.session import SessionState


def _language_button(language: str) -> rx.Component:
    active = wanted_lang() == language
    return rx.button(
        language.upper(),
        on_click=SessionState.set_language(language),
        variant=rx.cond(active, "solid", "soft"),
        size="1",
        # The name starts with the visible "FI" (WCAG 2.5.3 label in name: "click FI").
        aria_label=f"{language.upper()} – {LANGUAGE_NAMES[language]}",
        aria_pressed=rx.cond(active, "true", "false"),
        lang=language,
        id=f"lang-{language}",
        # Touch-sized (heka.css), a class rather than style props computed on every page.
        class_name="heka-lang-button",
    )


def language_switch() -> rx.Component:
    """Three buttons named in their own language."""
    return rx.hstack(
        *[_language_button(lang) for lang in LANGUAGES],
        spacing="1",
        role="group",
        aria_label="Kieli / Språk / Language",
    )
