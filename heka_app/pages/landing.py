"""Landing: what the resident pages offer, who can register, log in / register, news."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.articles import finnish_only_badge
from heka_app.components.content import bullets, feature_card, paragraph, section
from heka_app.components.layout import page_layout
from heka_app.i18n import N_
from heka_app.i18n.ui import t, ui_lang
from heka_app.state.content import PublicInfoState
from heka_app.state.session import SessionState

FEATURES = (
    ("wrench", N_("Report a fault"), N_("Report a fault in your home and follow its handling.")),
    ("mail", N_("Messages"), N_("Send messages and service requests to Heka.")),
    ("home", N_("Your home"), N_("See information about your home and property.")),
    ("receipt-euro", N_("Rent"), N_("Primary tenants follow rent payments and any rent debt.")),
    ("users", N_("Household"), N_("Primary tenants report changes in the household.")),
    ("newspaper", N_("News and instructions"), N_("Read Heka's news and instructions.")),
)


def _hero() -> rx.Component:
    return rx.box(
        rx.heading(t("Heka resident pages"), as_="h1", size="8", margin_bottom="0.3em"),
        rx.text(
            t("Handle your housing matters with Heka online, 24/7, on your phone or computer."),
            size="5",
            as_="p",
        ),
        rx.flex(
            rx.cond(
                SessionState.signed_in,
                rx.link(
                    rx.button(t("Go to my front page"), size="3", id="hero-front-page"),
                    href=SessionState.front_page,
                ),
                rx.fragment(
                    rx.link(rx.button(t("Log in"), size="3", id="hero-login"), href=routes.LOGIN),
                    rx.link(
                        rx.button(t("Register"), size="3", variant="outline", id="hero-register"),
                        href=routes.REGISTER,
                    ),
                ),
            ),
            spacing="3",
            margin_top="1.25em",
            wrap="wrap",
        ),
        rx.badge(t("Open 24/7"), size="2", margin_top="1em", color_scheme="green"),
        class_name="heka-hero",
    )


def _news_item(item: rx.Var) -> rx.Component:
    lang = ui_lang()
    return rx.card(
        rx.text(item["date"].to(dict)[lang], size="1", color_scheme="gray"),
        rx.heading(
            rx.link(item["title"].to(dict)[lang], href="/news/" + item["slug"].to(str)),
            as_="h3",
            size="3",
            margin_y="0.25em",
        ),
        rx.text(item["summary"].to(dict)[lang], size="2"),
        rx.cond(
            item["fallback"].to(dict)[lang],
            rx.box(finnish_only_badge(), margin_top="0.5em"),
        ),
        lang=rx.cond(item["fallback"].to(dict)[lang], "fi", lang),
    )


def landing_page() -> rx.Component:
    """The public front page."""
    return page_layout(
        _hero(),
        section(
            t("What you can do here"),
            rx.grid(
                *[feature_card(icon, t(title), t(text)) for icon, title, text in FEATURES],
                columns=rx.breakpoints(initial="1", sm="2", lg="3"),
                spacing="3",
            ),
        ),
        section(
            t("Who can register"),
            paragraph(
                t("Adults in Heka's resident register can register right after signing the lease.")
            ),
            bullets(
                t("Identify yourself with online bank codes or a mobile certificate."),
                t("Or visit an area office with an ID and get a registration code."),
                t("Then log in with your email address and password."),
                t("All functions open when your lease takes effect."),
                t("Applicants and people whose lease has ended cannot log in."),
            ),
        ),
        section(
            t("News"),
            rx.cond(
                PublicInfoState.news.length() > 0,
                rx.grid(
                    rx.foreach(PublicInfoState.news, _news_item),
                    columns=rx.breakpoints(initial="1", md="3"),
                    spacing="3",
                ),
                rx.text(t("No news at the moment.")),
            ),
            rx.link(t("All news"), href=routes.NEWS, margin_top="1em", display="inline-block"),
        ),
    )
