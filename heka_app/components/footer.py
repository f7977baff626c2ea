"""Footer: the other customer-service channels (phone, email, chat, area offices).

Plain elements with Radix's text classes (components/plain.py): the footer is on every
page, and as Radix components its ~30 texts and links were hydrated one by one (issue 9).
"""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.plain import heading, link, text
from heka_app.i18n.ui import t, ui_lang
from heka_app.services.housing.contact_channels import CHANNELS
from heka_app.state.content import PublicInfoState


def _office(office: rx.Var) -> rx.Component:
    return rx.el.div(
        text(office["name"], weight="bold"),
        text(office["address"]),
        text(office["phone"]),
        text(office["hours"].to(dict)[ui_lang()]),
        class_name="heka-office",
    )


def _channels() -> rx.Component:
    return rx.el.div(
        heading(t("Customer service"), level="h2", size="4"),
        text(t("You can still reach us by phone, email, chat or at an area office.")),
        text(
            t("Phone"),
            ": ",
            link(CHANNELS.customer_service_phone, href="tel:+358931000000"),
        ),
        text(
            t("Email"),
            ": ",
            link(
                CHANNELS.customer_service_email,
                href=f"mailto:{CHANNELS.customer_service_email}",
            ),
        ),
        text(link(t("Chat with customer service"), href=CHANNELS.chat_url)),
        text(t("In an emergency call 112.")),
        link(t("Accessibility statement"), href=routes.ACCESSIBILITY),
        class_name="heka-column heka-gap-2",
    )


def footer() -> rx.Component:
    """The site footer."""
    return rx.el.footer(
        rx.el.div(
            rx.el.div(
                _channels(),
                rx.el.div(
                    heading(t("Area offices"), level="h2", size="4"),
                    rx.el.div(
                        rx.foreach(PublicInfoState.offices, _office),
                        class_name="heka-footer-offices",
                    ),
                    class_name="heka-column heka-gap-2",
                ),
                class_name="heka-footer-grid",
            ),
            class_name="heka-container",
        ),
        class_name="heka-footer",
    )
