"""Small text blocks used by the public pages: sections, bullet lists, cards.

Plain elements with Radix's text classes (components/plain.py) and their spacing in
heka.css classes, not Radix components and style props: hydrating a Radix component costs
its ``extractProps``, and Emotion would compute and insert the same styles at runtime for
every instance on every page (issue 9)."""

from __future__ import annotations

import reflex as rx

from heka_app.components.plain import card, heading, text


def section(title: rx.Var | str, *children: rx.Component, level: str = "h2") -> rx.Component:
    """A titled section; pass ``t("...")`` as the title."""
    return rx.el.section(
        heading(title, level=level, size="6", class_name="heka-section-title"),
        *children,
        class_name="heka-section",
    )


def paragraph(text_: rx.Var | str) -> rx.Component:
    """One paragraph; pass ``t("...")``."""
    return text(text_, class_name="heka-paragraph")


def bullets(*items: rx.Var | str) -> rx.Component:
    """A bulleted list; pass ``t("...")`` items."""
    return rx.el.ul(*[rx.el.li(item) for item in items], class_name="heka-bullets")


def feature_card(icon: str, title: rx.Var, text_: rx.Var) -> rx.Component:
    """A card naming one thing tenants can do."""
    return card(
        rx.el.div(
            rx.icon(icon, size=28, aria_hidden="true", class_name="heka-card-icon"),
            rx.el.div(
                heading(title, level="h3", size="3"),
                text(text_, size="2"),
                class_name="heka-column heka-gap-1",
            ),
            class_name="heka-row heka-gap-3",
        ),
    )
