"""Rent: balance, what is due, overdue items, how to pay, the statement and downloads."""

from __future__ import annotations

import reflex as rx

from heka_app.components.callout import callout
from heka_app.components.layout import loading, page_layout
from heka_app.components.plain import callout_root, card, heading, text
from heka_app.components.rent import chart_and_table, how_to_pay
from heka_app.components.rent_statement import downloads, statement
from heka_app.i18n.ui import t, tn
from heka_app.state.rent import CO_RESIDENT, STAFF, RentState


def _overdue_row(item: rx.Var) -> rx.Component:
    return rx.el.tr(
        rx.el.td(item["label"]),
        rx.el.td(item["due"]),
        rx.el.td(item["amount"], class_name="num"),
        rx.el.td(tn("{n} day overdue", "{n} days overdue", item["days"]), class_name="num"),
    )


def _balance() -> rx.Component:
    view = RentState.view
    # Plain elements in Radix's classes (components/plain.py, issue 9).
    return card(
        text(view["sentence"], size="5", weight="bold", id="rent-balance"),
        rx.cond(
            view["next_due_amount"] != "",
            text(
                t(
                    "Next payment: {amount} by {date}.",
                    amount=view["next_due_amount"],
                    date=view["next_due_date"],
                ),
                id="rent-next-due",
                class_name="heka-rent-gap",
            ),
        ),
        text(t("Lease {number}", number=view["contract_number"]), size="2"),
        rx.cond(
            view["payment_plan"] != "",
            callout(view["payment_plan"], icon="handshake", class_name="heka-rent-gap"),
        ),
    )


def _overdue() -> rx.Component:
    return callout_root(
        "triangle-alert",
        rx.el.div(
            heading(
                t("Overdue: {amount}", amount=RentState.view["overdue_total"]),
                level="h2",
                size="4",
            ),
            rx.el.table(
                rx.el.thead(
                    rx.el.tr(
                        rx.el.th(t("Item"), scope="col"),
                        rx.el.th(t("Due date"), scope="col"),
                        rx.el.th(t("Open"), class_name="num", scope="col"),
                        rx.el.th(t("Overdue"), class_name="num", scope="col"),
                    )
                ),
                rx.el.tbody(rx.foreach(RentState.overdue, _overdue_row)),
                class_name="heka-table",
            ),
            class_name="heka-scroll-x",
            tab_index=0,
            role="region",
            aria_label=t("Overdue: {amount}", amount=RentState.view["overdue_total"]),
        ),
        color="red",
        id="rent-overdue",
        class_name="heka-rent-block",
    )


def _period_nav() -> rx.Component:
    return rx.el.div(
        rx.button(
            rx.icon("chevron-left", size=16),
            t("Earlier"),
            variant="soft",
            disabled=RentState.view["earlier_end"] == "",
            on_click=RentState.show_period(RentState.view["earlier_end"]),
            id="rent-earlier",
        ),
        text(RentState.view["period"], weight="bold", id="rent-period"),
        rx.button(
            t("Later"),
            rx.icon("chevron-right", size=16),
            variant="soft",
            disabled=RentState.view["later_end"] == "",
            on_click=RentState.show_period(RentState.view["later_end"]),
            id="rent-later",
        ),
        class_name="heka-row heka-center heka-wrap heka-gap-3 heka-rent-block",
    )


def _overview() -> rx.Component:
    return rx.el.div(
        _balance(),
        rx.cond(RentState.overdue.length() > 0, _overdue()),
        how_to_pay(),
        heading(t("Charges and payments"), level="h2", size="5", class_name="heka-rent-h2"),
        _period_nav(),
        chart_and_table(),
        heading(t("Statement"), level="h2", size="5", class_name="heka-rent-h2"),
        downloads(),
        statement(),
        class_name="heka-column heka-stretch heka-gap-4 heka-full-width",
    )


def _hit(hit: rx.Var) -> rx.Component:
    return rx.el.tr(
        rx.el.td(hit["contract_number"]),
        rx.el.td(hit["address"]),
        rx.el.td(hit["tenants"]),
        rx.el.td(
            rx.button(
                t("Show rent"),
                size="1",
                on_click=RentState.open_lease(hit["contract_number"]),
                class_name="rent-open-lease",
            )
        ),
    )


def _staff_search() -> rx.Component:
    return rx.el.div(
        rx.form(
            rx.el.div(
                rx.el.input(
                    name="query",
                    placeholder=t("Lease, reference, address or tenant"),
                    aria_label=t("Lease, reference, address or tenant"),
                    id="rent-query",
                    class_name="heka-native-input heka-rent-query",
                ),
                rx.button(t("Search"), type="submit", size="3", id="rent-search"),
                class_name="heka-row heka-wrap heka-gap-3",
            ),
            on_submit=RentState.search,
            class_name="heka-rent-block",
        ),
        rx.cond(
            RentState.hits.length() > 0,
            rx.el.table(
                rx.el.thead(
                    rx.el.tr(
                        rx.el.th(t("Lease"), scope="col"),
                        rx.el.th(t("Address"), scope="col"),
                        rx.el.th(t("Tenants"), scope="col"),
                        rx.el.th("", scope="col"),
                    )
                ),
                rx.el.tbody(rx.foreach(RentState.hits, _hit)),
                class_name="heka-table",
            ),
            rx.cond(RentState.searched, text(t("No matches."))),
        ),
    )


def rent_page() -> rx.Component:
    """/rent for primary tenants, co-residents (an explanation) and rent monitoring."""
    return page_layout(
        heading(t("Rent"), level="h1", size="7", class_name="heka-section-title"),
        rx.cond(
            RentState.loaded,
            rx.match(
                RentState.mode,
                (
                    CO_RESIDENT,
                    callout(
                        t(
                            "Rent and payments are shown to the tenants who signed the "
                            "lease. Ask them, or contact Heka's customer service."
                        ),
                        icon="info",
                        id="rent-co-resident",
                    ),
                ),
                (
                    STAFF,
                    rx.el.div(_staff_search(), rx.cond(RentState.view.length() > 0, _overview())),
                ),
                _overview(),
            ),
            loading(),
        ),
    )
