"""The page of every unknown address: in the layout, translated, with a way back."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.layout import page_layout
from heka_app.i18n.ui import t
from heka_app.state.session import SessionState


def not_found_page() -> rx.Component:
    """404: say so in the user's language and offer the front page (or the own one)."""
    return page_layout(
        rx.vstack(
            rx.heading(t("Page not found"), as_="h1", size="7", id="not-found"),
            rx.text(
                t("The address may be mistyped, or the page has moved or been removed."),
                as_="p",
            ),
            rx.flex(
                rx.link(rx.button(t("Go to the front page"), size="3"), href=routes.HOME),
                rx.cond(
                    SessionState.signed_in,
                    rx.link(
                        rx.button(t("Go to my front page"), size="3", variant="outline"),
                        href=SessionState.front_page,
                    ),
                ),
                rx.link(
                    rx.button(t("Instructions"), size="3", variant="soft"),
                    href=routes.INSTRUCTIONS,
                ),
                gap="3",
                wrap="wrap",
            ),
            spacing="4",
            align="start",
        )
    )
