"""How to use the resident pages: registering, logging in, what opens when."""

from __future__ import annotations

import reflex as rx

from heka_app.components.content import bullets, paragraph, section
from heka_app.components.layout import page_layout
from heka_app.i18n.ui import t
from heka_app.pages.news import article_list


def instructions_page() -> rx.Component:
    """Instructions for using the portal."""
    return page_layout(
        rx.heading(t("Instructions"), as_="h1", size="8"),
        section(t("Living in a Heka home"), article_list()),
        rx.heading(t("Instructions for the resident pages"), as_="h2", size="7"),
        section(
            t("Registering"),
            paragraph(
                t(
                    "You can register when you are 18 or older and named on a Heka lease. "
                    "Register right after signing the lease."
                )
            ),
            bullets(
                t(
                    "Choose Register and identify yourself with online bank codes or a mobile "
                    "certificate."
                ),
                t(
                    "If you cannot identify electronically, visit an area office with an ID. "
                    "You get a one-time registration code valid for 14 days."
                ),
                t("Give your email address and choose a password of at least 12 characters."),
                t("Confirm your email address from the link we send you."),
            ),
            level="h3",
        ),
        section(
            t("Logging in"),
            paragraph(t("Log in with your email address and password.")),
            paragraph(
                t(
                    "If you forgot your password, choose Forgot password on the login page. "
                    "After several failed attempts, logging in is paused for a while."
                )
            ),
            level="h3",
        ),
        section(
            t("When the functions open"),
            paragraph(
                t(
                    "Before your lease starts you can see your home and the instructions. "
                    "Everything else opens on the day the lease takes effect."
                )
            ),
            paragraph(
                t(
                    "Primary tenants, who signed the lease, also see rent payments and can "
                    "report changes in the household."
                )
            ),
            paragraph(t("When your lease ends, your access to the resident pages ends.")),
            level="h3",
        ),
        section(
            t("Languages and devices"),
            paragraph(
                t(
                    "The resident pages work in Finnish, Swedish and English on phones and "
                    "computers. Some news and instructions are available in Finnish only; "
                    "they are marked."
                )
            ),
            level="h3",
        ),
        section(
            t("Other ways to reach us"),
            paragraph(
                t(
                    "Phone, email, chat and the area offices stay open. "
                    "Their contact details are at the bottom of every page."
                )
            ),
            level="h3",
        ),
    )
