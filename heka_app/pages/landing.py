"""Landing: what the resident pages offer, who can register, log in / register, news."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.articles import finnish_only_badge
from heka_app.components.content import bullets, feature_card, paragraph, section
from heka_app.components.layout import page_layout
from heka_app.components.plain import badge, button_link, card, heading, link, text
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
    # Plain elements and links styled as buttons (components/plain.py, issue 9).
    return rx.el.div(
        heading(t("Heka resident pages"), level="h1", size="8", class_name="heka-hero-title"),
        text(
            t("Handle your housing matters with Heka online, 24/7, on your phone or computer."),
            size="5",
        ),
        rx.el.div(
            rx.cond(
                SessionState.signed_in,
                button_link(
                    t("Go to my front page"),
                    href=SessionState.front_page,
                    size="3",
                    id="hero-front-page",
                ),
                rx.fragment(
                    button_link(t("Log in"), href=routes.LOGIN, size="3", id="hero-login"),
                    button_link(
                        t("Register"),
                        href=routes.REGISTER,
                        size="3",
                        variant="outline",
                        id="hero-register",
                    ),
                ),
            ),
            class_name="heka-hero-actions",
        ),
        badge(t("Open 24/7"), size="2", color="green", class_name="heka-hero-badge"),
        class_name="heka-hero",
    )


def _news_item(item: rx.Var) -> rx.Component:
    lang = ui_lang()
    return card(
        text(item["date"].to(dict)[lang], size="1", data_accent_color="gray"),
        heading(
            link(item["title"].to(dict)[lang], href="/news/" + item["slug"].to(str)),
            level="h3",
            size="3",
            class_name="heka-news-title",
        ),
        text(item["summary"].to(dict)[lang], size="2"),
        rx.cond(
            item["fallback"].to(dict)[lang],
            rx.el.div(finnish_only_badge(), class_name="heka-news-badge"),
        ),
        lang=rx.cond(item["fallback"].to(dict)[lang], "fi", lang),
    )


def landing_page() -> rx.Component:
    """The public front page."""
    return page_layout(
        _hero(),
        section(
            t("What you can do here"),
            rx.el.div(
                *[feature_card(icon, t(title), t(text)) for icon, title, text in FEATURES],
                class_name="heka-feature-grid",
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
                rx.el.div(
                    rx.foreach(PublicInfoState.news, _news_item),
                    class_name="heka-news-grid",
                ),
                text(t("No news at the moment.")),
            ),
            link(t("All news"), href=routes.NEWS, class_name="heka-more-link"),
        ),
    )
