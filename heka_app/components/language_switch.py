"""FI / SV / EN switch: changes the UI language in place, no reload."""

from __future__ import annotations

import reflex as rx

from heka_app.components.plain import button_classes
from heka_app.i18n import LANGUAGE_NAMES, LANGUAGES
from heka_app.i18n.ui import wanted_lang
from heka_app.state.session import SessionState


def _language_button(language: str) -> rx.Component:
    active = wanted_lang() == language
    # A native <button> in the look of Radix's (plain.py): on every page, so the three
    # Radix Button components were worth removing from hydration (issue 9).
    return rx.el.button(
        language.upper(),
        type="button",
        on_click=SessionState.set_language(language),
        # Touch-sized (heka.css), a class rather than style props computed on every page.
        class_name=rx.cond(
            active,
            button_classes("1", "solid", "heka-lang-button"),
            button_classes("1", "soft", "heka-lang-button"),
        ),
        # The name starts with the visible "FI" (WCAG 2.5.3 label in name: "click FI").
        aria_label=f"{language.upper()} – {LANGUAGE_NAMES[language]}",
        aria_pressed=rx.cond(active, "true", "false"),
        lang=language,
        id=f"lang-{language}",
    )


def language_switch() -> rx.Component:
    """Three buttons named in their own language."""
    return rx.el.div(
        *[_language_button(lang) for lang in LANGUAGES],
        role="group",
        aria_label="Kieli / Språk / Language",
        class_name="heka-row heka-gap-1",
    )
