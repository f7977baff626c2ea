"""The rent statement: its newest months with the running balance, more on request, and
its downloads."""

from __future__ import annotations

import reflex as rx

from heka_app.components.plain import heading, text
from heka_app.i18n.ui import t, t_var
from heka_app.state.rent import STATEMENT_FIRST_MONTHS, STATEMENT_MORE_MONTHS, RentState


def _line(row: rx.Var) -> rx.Component:
    return rx.el.tr(
        rx.el.td(row["date"]),
        rx.el.td(row["label"]),
        rx.el.td(row["charge"], class_name="num"),
        rx.el.td(row["paid"], class_name="num"),
        rx.el.td(row["balance"], class_name="num"),
    )


def _month(month: rx.Var) -> rx.Component:
    # Plain elements in Radix's classes (components/plain.py, issue 9).
    return rx.el.div(
        heading(month["label"], level="h3", size="3", class_name="heka-rent-month"),
        rx.cond(
            month["rows"].to(list).length() > 0,
            rx.el.table(
                rx.el.thead(
                    rx.el.tr(
                        rx.el.th(t("Date"), scope="col"),
                        rx.el.th(t("Item"), scope="col"),
                        rx.el.th(t("Charged"), class_name="num", scope="col"),
                        rx.el.th(t("Paid"), class_name="num", scope="col"),
                        rx.el.th(t("Balance"), class_name="num", scope="col"),
                    )
                ),
                rx.el.tbody(rx.foreach(month["rows"].to(list[dict]), _line)),
                class_name="heka-table",
            ),
            text(t("Nothing booked this month."), size="2", data_accent_color="gray"),
        ),
    )


def _more_or_fewer() -> rx.Component:
    # One button that stays where it is (and keeps the keyboard focus): it adds earlier
    # months until the window's 24 are shown, then folds the statement back.
    all_shown = RentState.statement.length() >= RentState.months.length()
    return rx.el.div(
        rx.button(
            rx.cond(all_shown, t("Show fewer months"), t("Show earlier months")),
            variant="soft",
            on_click=RentState.show_months(
                rx.cond(
                    all_shown,
                    STATEMENT_FIRST_MONTHS,
                    RentState.statement_months + STATEMENT_MORE_MONTHS,
                )
            ),
            aria_controls="rent-statement",
            id="rent-statement-more",
        ),
        text(
            t(
                "Months shown: {shown} of {total}",
                shown=RentState.statement.length(),
                total=RentState.months.length(),
            ),
            size="2",
            role="status",
            id="rent-statement-shown",
        ),
        class_name="heka-row heka-center heka-wrap heka-gap-3",
    )


def statement() -> rx.Component:
    """The statement's newest months first, with the running balance, and the button that
    shows earlier months of the window."""
    return rx.fragment(
        rx.el.div(
            rx.foreach(RentState.statement, _month),
            class_name="heka-scroll-x",
            tab_index=0,
            role="region",
            aria_label=t("Statement"),
            id="rent-statement",
        ),
        _more_or_fewer(),
    )


def downloads() -> rx.Component:
    """Choose a period and download the statement as PDF or CSV."""
    return rx.form(
        rx.el.div(
            rx.el.label(
                t("From month"),
                rx.el.input(
                    type="month",
                    name="first",
                    default_value=RentState.download_first,
                    id="download-first",
                    class_name="heka-native-input",
                ),
            ),
            rx.el.label(
                t("To month"),
                rx.el.input(
                    type="month",
                    name="last",
                    default_value=RentState.download_last,
                    id="download-last",
                    class_name="heka-native-input",
                ),
            ),
            rx.el.label(
                t("File type"),
                rx.el.select(
                    rx.el.option("PDF", value="pdf"),
                    rx.el.option(t("CSV (Excel)"), value="csv"),
                    name="format",
                    id="download-format",
                    class_name="heka-select",
                ),
            ),
            rx.button(
                rx.icon("download", size=16), t("Download"), type="submit", id="download-submit"
            ),
            class_name="heka-row heka-end heka-wrap heka-gap-3",
        ),
        rx.cond(
            RentState.download_error != "",
            text(
                t_var(RentState.download_error),
                data_accent_color="red",
                role="alert",
                id="download-error",
            ),
        ),
        on_submit=RentState.download,
        id="download-form",
        class_name="heka-rent-download",
    )
