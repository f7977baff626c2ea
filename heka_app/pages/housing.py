"""The logged-in tenant's home page."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.layout import loading, page_layout
from heka_app.components.plain import card, data_list, heading, link, text
from heka_app.i18n.ui import t, t_var
from heka_app.state.housing import HomeState
from heka_app.state.session import SessionState

# The page is plain elements in Radix's look (components/plain.py): it is one of the
# tenant pages whose start-up work issue 9 measures.


def _home_card() -> rx.Component:
    home = HomeState.home
    return card(
        heading(t("Your home"), level="h2", size="5", class_name="heka-card-title"),
        data_list(
            (t("Address"), home["address"]),
            (t("Apartment type"), home["apartment_type"]),
            (t("Living area"), home["area"]),
            (t("Floor"), home["floor"]),
            (t("Property"), home["property_name"]),
            (t("Year built"), home["year_built"]),
            (t("Lease number"), home["contract_number"]),
            (t_var(HomeState.lease_label), home["lease_starts"]),
        ),
    )


def _contacts_card() -> rx.Component:
    home = HomeState.home
    return card(
        heading(
            t("Contacts for your property"), level="h2", size="5", class_name="heka-card-title"
        ),
        data_list(
            (t("Property manager"), home["manager"]),
            (t("Phone"), home["manager_phone"]),
            (t("Email"), home["manager_email"]),
            (t("Maintenance company"), home["maintenance"]),
            (t("Maintenance phone"), home["maintenance_phone"]),
            (t("24-hour emergency number"), home["emergency_phone"]),
            (t("Area office"), home["office_name"]),
            (t("Opening hours"), home["office_hours"]),
        ),
    )


TONES = {"danger": "red", "warning": "amber", "info": "blue", "success": "green"}
ICONS = {"news": "newspaper", "opens": "calendar", "fault": "wrench", "rent": "wallet"}


def _attention_item(item: rx.Var) -> rx.Component:
    body = rx.el.div(
        rx.match(
            item["kind"],
            *[
                (kind, rx.icon(icon, size=20, aria_hidden="true", class_name="heka-no-shrink"))
                for kind, icon in ICONS.items()
            ],
            rx.icon("circle_alert", size=20, aria_hidden="true", class_name="heka-no-shrink"),
        ),
        rx.el.div(
            text(item["title"], weight="medium"),
            rx.cond(item["detail"], text(item["detail"], size="1", data_accent_color="gray")),
            class_name="heka-column",
        ),
        class_name="heka-row heka-center heka-gap-3",
    )
    return rx.el.li(
        # Radix's Callout root is this <div>; its colour is the data-accent-color.
        rx.el.div(
            rx.cond(
                item["href"],
                link(body, href=item["href"].to(str), class_name="rt-high-contrast"),
                body,
            ),
            data_accent_color=rx.match(
                item["tone"], *[(tone, color) for tone, color in TONES.items()], "gray"
            ),
            # high contrast: AA contrast for the link text on the tinted background
            class_name="rt-CalloutRoot rt-r-size-1 rt-variant-soft rt-high-contrast",
        ),
    )


def _attention() -> rx.Component:
    return rx.el.section(
        heading(t("What needs your attention"), level="h2", size="5", class_name="heka-card-title"),
        rx.cond(
            HomeState.attention.length() > 0,
            rx.el.ul(
                rx.foreach(HomeState.attention, _attention_item),
                class_name="heka-attention-list",
            ),
            text(t("Nothing needs your attention right now."), role="status"),
        ),
        link(
            t("All about your home and property"),
            href=routes.MY_HOME_DETAILS,
            class_name="heka-attention-more",
        ),
        class_name="heka-attention",
    )


def my_home_page() -> rx.Component:
    """Greeting, lease status, home and contacts."""
    return page_layout(
        heading(t("Welcome, {name}", name=SessionState.display_name), level="h1", size="7"),
        rx.cond(
            HomeState.opens_on != "",
            rx.callout(
                t(
                    "Your lease starts on {date}. Fault reports, messages and rent information "
                    "open on that day.",
                    date=HomeState.opens_on,
                ),
                icon="calendar",
                color_scheme="amber",
                margin_y="1em",
                id="opens-on",
            ),
        ),
        rx.cond(HomeState.loaded, _attention()),
        rx.cond(
            HomeState.loaded,
            rx.el.div(_home_card(), _contacts_card(), class_name="heka-home-grid"),
            loading(),
        ),
    )
