"""Building blocks of the rent page: how to pay, the chart with its table (the statement
is in rent_statement.py)."""

from __future__ import annotations

import reflex as rx

from heka_app.components.plain import card, data_list, heading, text
from heka_app.components.rent_chart import rent_chart
from heka_app.i18n.ui import t
from heka_app.state.rent import RentState

# Plain HTML tables (class ``heka-table`` in assets/heka.css): Radix's table scrolls inside
# its own unfocusable box on a phone (axe: scrollable-region-focusable); here a labelled,
# focusable wrapper scrolls instead. Static classes, not style props: Emotion serialized
# and inserted the same table style once per table while the page hydrated (issue 9).


def _row(label: rx.Var, value: rx.Var, value_id: str = "") -> tuple[rx.Var, rx.Component]:
    return label, text(value, id=value_id) if value_id else text(value)


def how_to_pay() -> rx.Component:
    """Account, references, the virtual barcode with a copy button, the bank barcode."""
    pay = RentState.payment
    code = rx.cond(RentState.no_amount, pay["barcode_no_amount"], pay["barcode"])
    # Plain elements in Radix's classes (components/plain.py, issue 9).
    return card(
        heading(t("How to pay"), level="h2", size="5", class_name="heka-section-title"),
        data_list(
            _row(t("Recipient"), pay["recipient"]),
            _row(t("Account (IBAN)"), pay["iban"], "pay-iban"),
            _row(t("BIC"), pay["bic"]),
            _row(t("Reference"), pay["reference"], "pay-reference"),
            _row(t("RF reference"), pay["rf_reference"], "pay-rf"),
            _row(
                t("Amount"),
                rx.cond(
                    RentState.no_amount, t("Type the amount you pay"), RentState.view["pay_amount"]
                ),
                "pay-amount",
            ),
            _row(
                t("Due date"),
                rx.cond(
                    (RentState.view["pay_due"] != "") & ~RentState.no_amount,
                    RentState.view["pay_due"],
                    t("No due date"),
                ),
            ),
        ),
        # A native checkbox: Radix's brought five chunks of JavaScript to the page's first
        # load for one box.
        rx.el.label(
            rx.el.input(
                type="checkbox",
                checked=RentState.no_amount,
                on_change=RentState.choose_amount,
                id="no-amount",
            ),
            t("No amount: I pay a different sum"),
            class_name="heka-rent-no-amount",
        ),
        text(t("Virtual barcode"), weight="bold", as_="div"),
        rx.el.div(
            rx.el.code(code, id="virtual-barcode", class_name="heka-rent-code"),
            rx.button(
                rx.icon("copy", size=16),
                t("Copy"),
                size="2",
                variant="soft",
                id="copy-barcode",
                on_click=[rx.set_clipboard(code), rx.toast.success(t("Copied"))],
            ),
            class_name="heka-row heka-center heka-wrap heka-gap-3 heka-rent-gap-y",
        ),
        text(t("Bank barcode for scanning with your banking app"), size="2", as_="div"),
        rx.el.div(
            rx.html(
                rx.cond(
                    RentState.no_amount,
                    RentState.view["barcode_no_amount_svg"],
                    RentState.view["barcode_svg"],
                )
            ),
            id="bank-barcode",
            class_name="heka-barcode heka-scroll-x heka-rent-gap-y",
            tab_index=0,
            role="region",
            aria_label=t("Bank barcode for scanning with your banking app"),
        ),
        heading(
            t("E-invoice and direct payment"), level="h3", size="3", class_name="heka-rent-subhead"
        ),
        text(
            t(
                "In your online bank, search for Heka as an e-invoice sender and give the "
                "reference above: your rent then arrives as an e-invoice every month. With "
                "direct payment (suoramaksu) your bank pays it on the due date; start it in "
                "the online bank in the same way. The reference stays the same for the "
                "whole lease."
            ),
            size="2",
        ),
    )


def _chart_row(month: rx.Var) -> rx.Component:
    return rx.el.tr(
        rx.el.th(month["label"], scope="row"),
        rx.el.td(month["charges"], class_name="num"),
        rx.el.td(month["paid"], class_name="num"),
        rx.el.td(month["closing"], class_name="num"),
    )


def chart_and_table() -> rx.Component:
    """Charges against payments a month, as a chart and as the same numbers in a table."""
    return rx.el.div(
        rx.el.div(
            rent_chart(),
            role="figure",
            aria_label=t("Chart of charges and payments by month; the table has the same numbers."),
            id="rent-chart",
            class_name="heka-rent-chart",
        ),
        rx.el.div(
            rx.el.table(
                rx.el.thead(
                    rx.el.tr(
                        rx.el.th(t("Month"), scope="col"),
                        rx.el.th(t("Charged"), class_name="num", scope="col"),
                        rx.el.th(t("Paid"), class_name="num", scope="col"),
                        rx.el.th(t("Balance"), class_name="num", scope="col"),
                    )
                ),
                rx.el.tbody(rx.foreach(RentState.months, _chart_row)),
                id="rent-month-table",
                class_name="heka-table",
            ),
            class_name="heka-rent-month-totals",
            tab_index=0,
            aria_label=t("Charges and payments by month"),
            role="region",
        ),
        class_name="heka-grid-md-2",
    )
