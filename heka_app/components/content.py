"""Small text blocks used by the public pages: sections, bullet lists, cards.

Their spacing is in heka.css classes, not style props: Emotion would compute and insert
the same styles at runtime for every instance on every page (issue 9)."""

from __future__ import annotations

import reflex as rx


def section(title: rx.Var | str, *children: rx.Component, level: str = "h2") -> rx.Component:
    """A titled section; pass ``t("...")`` as the title."""
    return rx.el.section(
        rx.heading(title, as_=level, size="6", class_name="heka-section-title"),
        *children,
        class_name="heka-section",
    )


def paragraph(text: rx.Var | str) -> rx.Component:
    """One paragraph; pass ``t("...")``."""
    return rx.text(text, as_="p", class_name="heka-paragraph")


def bullets(*items: rx.Var | str) -> rx.Component:
    """A bulleted list; pass ``t("...")`` items."""
    return rx.list.unordered(*[rx.list.item(item) for item in items], class_name="heka-bullets")


def feature_card(icon: str, title: rx.Var, text: rx.Var) -> rx.Component:
    """A card naming one thing tenants can do."""
    return rx.card(
        rx.hstack(
            rx.icon(icon, size=28, aria_hidden="true", class_name="heka-card-icon"),
            rx.vstack(
                rx.heading(title, as_="h3", size="3"),
                rx.text(text, size="2"),
                spacing="1",
                align="start",
            ),
            align="start",
            spacing="3",
        ),
    )
