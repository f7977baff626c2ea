"""``/staff/account-changes``: customer service and area offices find a resident and read
what they changed in their details (phone, refund account, mail choices, language)."""

from __future__ import annotations

import reflex as rx

from heka_app.components.layout import page_layout
from heka_app.i18n.ui import t, t_var
from heka_app.state.account_changes import AccountChangesState as S


def _hit(hit: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.text(hit["name"], weight="bold"),
            rx.text(hit["email"], size="2", color_scheme="gray"),
            spacing="0",
            align="start",
        ),
        rx.button(
            t("Show changes"),
            size="2",
            variant="soft",
            on_click=S.open_history(hit["key"]),
            class_name="heka-show-changes",
        ),
        justify="between",
        align="center",
        wrap="wrap",
        class_name="heka-match heka-full-width",
    )


def _change(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["when"]),
        rx.table.cell(t_var(row["item"])),
        rx.table.cell(t_var(row["old"])),
        rx.table.cell(t_var(row["new"])),
    )


def _history() -> rx.Component:
    return rx.card(
        rx.heading(t("Changes by {name}", name=S.chosen), as_="h2", size="5"),
        rx.cond(
            S.history,
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        rx.table.column_header_cell(t("Changed at")),
                        rx.table.column_header_cell(t("What")),
                        rx.table.column_header_cell(t("Value before")),
                        rx.table.column_header_cell(t("Value after")),
                    )
                ),
                rx.table.body(rx.foreach(S.history, _change)),
                class_name="heka-full-width",
                id="change-history",
            ),
            rx.text(t("No changes recorded."), id="change-history-empty"),
        ),
        class_name="heka-full-width heka-mt-1",
    )


def account_changes_page() -> rx.Component:
    """The staff tool."""
    return page_layout(
        rx.heading(t("Residents' detail changes"), as_="h1", size="7", class_name="heka-mb-05"),
        rx.cond(
            S.allowed,
            rx.fragment(
                rx.text(t("Search by name or email (at least 3 letters).")),
                rx.form(
                    rx.hstack(
                        rx.input(
                            name="query",
                            placeholder=t("Name or email"),
                            aria_label=t("Name or email"),
                            size="3",
                            id="resident-query",
                        ),
                        rx.button(t("Search"), type="submit", size="3", id="resident-search"),
                        wrap="wrap",
                    ),
                    on_submit=S.search,
                    class_name="heka-my-1",
                ),
                rx.cond(
                    S.searched & ~S.hits.bool(),
                    rx.text(t("No residents found."), id="resident-none"),
                ),
                rx.vstack(rx.foreach(S.hits, _hit), spacing="2", class_name="heka-full-width"),
                rx.cond(S.chosen, _history()),
            ),
        ),
    )
