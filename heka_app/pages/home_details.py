"""``/my-home``: everything about the tenant's home, property and area office."""

from __future__ import annotations

import reflex as rx

from heka_app.components.articles import finnish_only_badge
from heka_app.components.layout import loading, page_layout
from heka_app.i18n import N_
from heka_app.i18n.ui import t, ui_lang
from heka_app.state.housing import HomeDetailsState

D = HomeDetailsState.details
TOPICS = (
    ("sauna", N_("Sauna turns")),
    ("laundry", N_("Laundry room")),
    ("waste", N_("Waste sorting")),
    ("parking", N_("Parking spaces")),
    ("house_rules", N_("House rules")),
    ("rescue_plan", N_("Rescue plan")),
)
DOCUMENT_TOPICS = ("house_rules", "rescue_plan")


def _row(label: rx.Var, value: rx.Component | rx.Var) -> rx.Component:
    return rx.data_list.item(rx.data_list.label(label), rx.data_list.value(value))


def _or_missing(value: rx.Var) -> rx.Component:
    return rx.cond(value, rx.text(value), rx.text(t("Not recorded yet"), color_scheme="gray"))


def _phone(number: rx.Var, tel: rx.Var) -> rx.Component:
    return rx.cond(number, rx.link(number, href=tel), rx.text(t("Not recorded yet")))


def _card(title: rx.Var, *rows: rx.Component) -> rx.Component:
    return rx.card(
        rx.heading(title, as_="h2", size="5", class_name="heka-mb-05"),
        rx.data_list.root(*rows, orientation=rx.breakpoints(initial="vertical", sm="horizontal")),
        class_name="heka-full-width",
    )


def _names(names: rx.Var) -> rx.Component:
    return rx.vstack(rx.foreach(names.to(list[str]), rx.text), spacing="0", align="start")


def _emergency() -> rx.Component:
    return rx.callout.root(
        rx.callout.icon(rx.icon("siren")),
        rx.callout.text(
            rx.text(t("24-hour emergency number"), weight="bold"),
            rx.link(D["emergency_phone"], href=D["emergency_tel"].to(str), size="6", weight="bold"),
            rx.text(
                t("Water leak, no electricity or heat, a broken entrance lock: call at once."),
                size="2",
            ),
        ),  # fmt: skip
        color_scheme="red",
        size="2",
        class_name="heka-full-width",
    )


def _info(item: rx.Var) -> rx.Component:
    topic = item["topic"]
    label = rx.match(topic, *[(key, t(name)) for key, name in TOPICS], topic)
    value = rx.cond(
        item["missing"],
        rx.text(t("Not recorded yet"), color_scheme="gray"),
        rx.vstack(
            rx.cond(
                item["url"],
                rx.link(item["text"], href=item["url"].to(str), is_external=True),
                rx.text(item["text"]),
            ),
            rx.cond(
                item["finnish_only"],
                finnish_only_badge(),
            ),
            spacing="1",
            align="start",
            lang=rx.cond(item["finnish_only"], "fi", ui_lang()),
        ),
    )
    return _row(label, value)


def my_home_details_page() -> rx.Component:
    """Apartment, lease, household, property, services and area office."""
    return page_layout(
        rx.heading(t("My home"), as_="h1", size="8"),
        rx.cond(
            HomeDetailsState.loaded & (D.length() > 0),
            rx.vstack(
                _emergency(),
                rx.grid(
                    _card(
                        t("Apartment"),
                        _row(t("Address"), D["address"]),
                        _row(
                            t("Apartment type"), rx.text(D["apartment_type"], " (", D["rooms"], ")")
                        ),
                        _row(t("Living area"), D["area"]),
                        _row(t("Floor"), D["floor"]),
                        _row(
                            t("Balcony"),
                            rx.match(
                                D["balcony"],
                                ("yes", rx.text(t("Yes"))),
                                ("no", rx.text(t("No"))),
                                rx.text(t("Not recorded yet"), color_scheme="gray"),
                            ),
                        ),
                        _row(t("Own sauna"), rx.cond(D["sauna"], t("Yes"), t("No"))),
                    ),
                    _card(
                        t("Lease"),
                        _row(t("Lease number"), D["contract_number"]),
                        _row(
                            rx.cond(D["lease_started"], t("Lease started"), t("Lease starts")),
                            D["lease_start"],
                        ),
                        _row(t("Signatories"), _names(D["signatories"])),
                        _row(t("Household"), _names(D["household"])),
                    ),
                    _card(
                        t("Property"),
                        _row(t("Property"), D["property_name"]),
                        _row(t("Year built"), _or_missing(D["year_built"])),
                        _row(t("Property manager"), D["manager"]),
                        _row(t("Phone"), _phone(D["manager_phone"], D["manager_tel"])),
                        _row(
                            t("Email"),
                            rx.link(
                                D["manager_email"], href="mailto:" + D["manager_email"].to(str)
                            ),
                        ),
                        _row(t("Maintenance company"), D["maintenance"]),
                        _row(
                            t("Maintenance phone"),
                            _phone(D["maintenance_phone"], D["maintenance_tel"]),
                        ),
                    ),
                    _card(
                        t("Area office"),
                        _row(t("Area office"), D["office_name"]),
                        _row(
                            t("Address"),
                            rx.link(
                                D["office_address"], href=D["office_map"].to(str), is_external=True
                            ),
                        ),  # fmt: skip
                        _row(t("Phone"), _phone(D["office_phone"], D["office_tel"])),
                        _row(
                            t("Email"),
                            rx.link(D["office_email"], href="mailto:" + D["office_email"].to(str)),
                        ),
                        _row(t("Opening hours"), _names(D["office_hours"])),
                    ),
                    columns=rx.breakpoints(initial="1", md="2"),
                    spacing="4",
                    class_name="heka-full-width",
                ),
                _card(
                    t("Services and rules of the property"),
                    rx.foreach(D["info"].to(list[dict]), _info),
                ),
                spacing="4",
                class_name="heka-full-width",
            ),
            rx.cond(HomeDetailsState.loaded, rx.text(t("No home found.")), loading()),
        ),
    )
