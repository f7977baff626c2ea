"""The rent statement: month by month with the running balance, and its downloads."""

from __future__ import annotations

import reflex as rx

from heka_app.components.rent import TABLE_STYLE
from heka_app.i18n.ui import t, t_var
from heka_app.state.rent import RentState


def _line(row: rx.Var) -> rx.Component:
    return rx.el.tr(
        rx.el.td(row["date"]),
        rx.el.td(row["label"]),
        rx.el.td(row["charge"], class_name="num"),
        rx.el.td(row["paid"], class_name="num"),
        rx.el.td(row["balance"], class_name="num"),
    )


def _month(month: rx.Var) -> rx.Component:
    return rx.box(
        rx.heading(month["label"], as_="h3", size="3", margin_top="1em"),
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
                style=TABLE_STYLE,
            ),
            rx.text(t("Nothing booked this month."), size="2", color_scheme="gray"),
        ),
    )


def statement() -> rx.Component:
    """The statement month by month, newest first, with the running balance."""
    return rx.box(
        rx.foreach(RentState.months, _month),
        overflow_x="auto",
        tab_index=0,
        role="region",
        aria_label=t("Statement"),
        id="rent-statement",
    )


def downloads() -> rx.Component:
    """Choose a period and download the statement as PDF or CSV."""
    return rx.form(
        rx.hstack(
            rx.el.label(
                t("From month"),
                rx.input(
                    type="month",
                    name="first",
                    default_value=RentState.download_first,
                    id="download-first",
                ),
            ),
            rx.el.label(
                t("To month"),
                rx.input(
                    type="month",
                    name="last",
                    default_value=RentState.download_last,
                    id="download-last",
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
            align="end",
            wrap="wrap",
            spacing="3",
        ),
        rx.cond(
            RentState.download_error != "",
            rx.text(
                t_var(RentState.download_error),
                color_scheme="red",
                role="alert",
                id="download-error",
            ),
        ),
        on_submit=RentState.download,
        id="download-form",
    )
