"""Footer: the other customer-service channels (phone, email, chat, area offices)."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.i18n.ui import t, ui_lang
from heka_app.services.housing.contact_channels import CHANNELS
from heka_app.state.content import PublicInfoState


def _office(office: rx.Var) -> rx.Component:
    return rx.box(
        rx.text(office["name"], weight="bold"),
        rx.text(office["address"]),
        rx.text(office["phone"]),
        rx.text(office["hours"].to(dict)[ui_lang()]),
        class_name="heka-office",
    )


def _channels() -> rx.Component:
    return rx.vstack(
        rx.heading(t("Customer service"), as_="h2", size="4"),
        rx.text(t("You can still reach us by phone, email, chat or at an area office.")),
        rx.text(
            t("Phone"),
            ": ",
            rx.link(CHANNELS.customer_service_phone, href="tel:+358931000000"),
        ),
        rx.text(
            t("Email"),
            ": ",
            rx.link(
                CHANNELS.customer_service_email,
                href=f"mailto:{CHANNELS.customer_service_email}",
            ),
        ),
        rx.text(rx.link(t("Chat with customer service"), href=CHANNELS.chat_url)),
        rx.text(t("In an emergency call 112.")),
        rx.link(t("Accessibility statement"), href=routes.ACCESSIBILITY),
        spacing="2",
        align="start",
    )


def footer() -> rx.Component:
    """The site footer."""
    return rx.el.footer(
        rx.box(
            rx.grid(
                _channels(),
                rx.vstack(
                    rx.heading(t("Area offices"), as_="h2", size="4"),
                    rx.grid(
                        rx.foreach(PublicInfoState.offices, _office),
                        columns=rx.breakpoints(initial="1", sm="2"),
                        spacing="4",
                        width="100%",
                    ),
                    align="start",
                    spacing="2",
                ),
                columns=rx.breakpoints(initial="1", md="3fr 5fr"),
                spacing="6",
            ),
            class_name="heka-container",
        ),
        class_name="heka-footer",
    )
