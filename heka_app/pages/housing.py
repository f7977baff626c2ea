"""The logged-in tenant's home page."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.layout import loading, page_layout
from heka_app.i18n.ui import t, t_var
from heka_app.state.housing import HomeState
from heka_app.state.session import SessionState


def _row(label: rx.Var, value: rx.Var) -> rx.Component:
    return rx.data_list.item(rx.data_list.label(label), rx.data_list.value(value))


def _home_card() -> rx.Component:
    home = HomeState.home
    return rx.card(
        rx.heading(t("Your home"), as_="h2", size="5", margin_bottom="0.5em"),
        rx.data_list.root(
            _row(t("Address"), home["address"]),
            _row(t("Apartment type"), home["apartment_type"]),
            _row(t("Living area"), home["area"]),
            _row(t("Floor"), home["floor"]),
            _row(t("Property"), home["property_name"]),
            _row(t("Year built"), home["year_built"]),
            _row(t("Lease number"), home["contract_number"]),
            _row(t_var(HomeState.lease_label), home["lease_starts"]),
            orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
        ),
    )


def _contacts_card() -> rx.Component:
    home = HomeState.home
    return rx.card(
        rx.heading(t("Contacts for your property"), as_="h2", size="5", margin_bottom="0.5em"),
        rx.data_list.root(
            _row(t("Property manager"), home["manager"]),
            _row(t("Phone"), home["manager_phone"]),
            _row(t("Email"), home["manager_email"]),
            _row(t("Maintenance company"), home["maintenance"]),
            _row(t("Maintenance phone"), home["maintenance_phone"]),
            _row(t("24-hour emergency number"), home["emergency_phone"]),
            _row(t("Area office"), home["office_name"]),
            _row(t("Opening hours"), home["office_hours"]),
            orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
        ),
    )


TONES = {"danger": "red", "warning": "amber", "info": "blue", "success": "green"}
ICONS = {"news": "newspaper", "opens": "calendar", "fault": "wrench", "rent": "wallet"}


def _attention_item(item: rx.Var) -> rx.Component:
    body = rx.hstack(
        rx.match(
            item["kind"],
            *[
                (kind, rx.icon(icon, size=20, aria_hidden="true", flex_shrink="0"))
                for kind, icon in ICONS.items()
            ],
            rx.icon("circle_alert", size=20, aria_hidden="true", flex_shrink="0"),
        ),
        rx.vstack(
            rx.text(item["title"], weight="medium"),
            rx.cond(item["detail"], rx.text(item["detail"], size="1", color_scheme="gray")),
            spacing="0",
            align="start",
        ),
        align="center",
        spacing="3",
    )
    return rx.el.li(
        rx.callout.root(
            rx.cond(
                item["href"], rx.link(body, href=item["href"].to(str), high_contrast=True), body
            ),
            color_scheme=rx.match(
                item["tone"], *[(tone, color) for tone, color in TONES.items()], "gray"
            ),
            high_contrast=True,  # AA contrast for the link text on the tinted background
            size="1",
        ),
        list_style="none",
    )


def _attention() -> rx.Component:
    return rx.el.section(
        rx.heading(t("What needs your attention"), as_="h2", size="5", margin_bottom="0.5em"),
        rx.cond(
            HomeState.attention.length() > 0,
            rx.el.ul(
                rx.foreach(HomeState.attention, _attention_item),
                class_name="heka-attention-list",
            ),
            rx.text(t("Nothing needs your attention right now."), role="status"),
        ),
        rx.link(
            t("All about your home and property"),
            href=routes.MY_HOME_DETAILS,
            margin_top="0.75em",
            display="inline-block",
        ),
        margin_y="1em",
    )


def my_home_page() -> rx.Component:
    """Greeting, lease status, home and contacts."""
    return page_layout(
        rx.heading(t("Welcome, {name}", name=SessionState.display_name), as_="h1", size="7"),
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
            rx.grid(
                _home_card(),
                _contacts_card(),
                columns=rx.breakpoints(initial="1", md="2"),
                spacing="4",
                margin_top="1em",
            ),
            loading(),
        ),
    )
