"""Accessibility statement (Act 306/2019) with a feedback channel."""

from __future__ import annotations

import reflex as rx

from heka_app.components.content import bullets, paragraph, section
from heka_app.components.layout import page_layout
from heka_app.i18n import N_
from heka_app.i18n.ui import t
from heka_app.services.housing.contact_channels import CHANNELS

# The supervisory authority's site has an address of its own in each language.
SUPERVISOR_SITE = N_("www.saavutettavuusvaatimukset.fi")


def accessibility_page() -> rx.Component:
    """The accessibility statement."""
    email = CHANNELS.accessibility_email
    return page_layout(
        rx.heading(t("Accessibility statement"), as_="h1", size="8", margin_bottom="0.5em"),
        paragraph(
            t(
                "Heka is a company owned by the City of Helsinki. The resident pages follow the "
                "Act on the Provision of Digital Services (306/2019) and aim to meet WCAG 2.1 "
                "level AA."
            )
        ),
        section(
            t("Compliance status"),
            paragraph(
                t(
                    "The resident pages partially meet the requirements. Known shortcomings are "
                    "listed below and are being fixed."
                )
            ),
            bullets(
                t("Some news and instructions are available in Finnish only."),
                t(
                    "Screen reader users have not yet tested the pages; automated checks do "
                    "not find every problem."
                ),
            ),
        ),
        section(
            t("How we checked"),
            paragraph(
                t(
                    "On 29 November 2026 axe-core found no problems on any public, resident "
                    "or staff page in Finnish, Swedish or English at 1280 and 390 pixels."
                )
            ),
            paragraph(
                t(
                    "Logging in, reading the rent, reporting a fault with a photo, sending a "
                    "message and changing the email address work by keyboard alone, with "
                    "visible focus. Form errors are announced at their fields. The pages work "
                    "at 320 pixels and at 200 % zoom. These checks run on every change."
                )
            ),
        ),
        section(
            t("Give feedback"),
            paragraph(
                t(
                    "Did you notice an accessibility problem? Tell us and we will answer within "
                    "14 days."
                )
            ),
            rx.text(t("Email"), ": ", rx.link(email, href=f"mailto:{email}")),
        ),
        section(
            t("Supervisory authority"),
            paragraph(
                t(
                    "If you are not satisfied with our answer, you can contact the accessibility "
                    "supervision of the Regional State Administrative Agency for Southern Finland:"
                )
            ),
            rx.link(
                t(SUPERVISOR_SITE),
                href=rx.Var.create("https://") + t(SUPERVISOR_SITE),
                is_external=True,
                id="supervisor-link",
            ),
        ),
        paragraph(t("This statement was last updated on 29 November 2026.")),
    )
