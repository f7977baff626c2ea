"""Staff: the list of news and instructions, their state and missing translations."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.layout import page_layout
from heka_app.i18n import N_
from heka_app.i18n.ui import t
from heka_app.state.content_editor import ContentEditorState as S

STATUS = {
    "draft": (N_("Draft"), "gray"),
    "scheduled": (N_("Scheduled"), "amber"),
    "published": (N_("Published"), "green"),
    "expired": (N_("Expired"), "gray"),
}


def _status_badge(status: rx.Var) -> rx.Component:
    return rx.match(
        status,
        # high contrast: soft green text on green fell under 4.5:1 (axe, issue 16)
        *[
            (key, rx.badge(t(label), color_scheme=color, high_contrast=True))
            for key, (label, color) in STATUS.items()
        ],
        rx.badge(status, high_contrast=True),
    )


def _row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(
            rx.link(row["title"], href=f"{routes.STAFF_CONTENT_EDIT}?id=" + row["id"].to(str))
        ),
        rx.table.cell(rx.cond(row["kind"] == "news", t("News item"), t("Instruction"))),
        rx.table.cell(_status_badge(row["status"])),
        rx.table.cell(
            rx.match(
                row["audience"],
                ("everyone", t("Everyone")),
                row["target"],
            )
        ),
        rx.table.cell(row["date"]),
        rx.table.cell(
            rx.cond(
                row["missing"].to(list[str]).length() > 0,
                rx.hstack(
                    rx.foreach(
                        row["missing"].to(list[str]),
                        lambda lang: rx.badge(
                            lang.upper(), color_scheme="amber", high_contrast=True
                        ),
                    ),
                    spacing="1",
                ),
                rx.badge(t("Complete"), color_scheme="green", high_contrast=True),
            )
        ),
    )


def content_list_page() -> rx.Component:
    """``/staff/content``: every article, its state, and the translations it lacks."""
    return page_layout(
        rx.hstack(
            rx.heading(t("News and instructions"), as_="h1", size="7"),
            rx.link(rx.button(t("New article")), href=routes.STAFF_CONTENT_EDIT),
            justify="between",
            align="center",
            wrap="wrap",
            width="100%",
        ),
        rx.box(
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        rx.table.column_header_cell(t("Title")),
                        rx.table.column_header_cell(t("Type")),
                        rx.table.column_header_cell(t("State")),
                        rx.table.column_header_cell(t("For")),
                        rx.table.column_header_cell(t("Publishing date")),
                        rx.table.column_header_cell(t("Missing translations")),
                    )
                ),
                rx.table.body(rx.foreach(S.rows, _row)),
                width="100%",
            ),
            overflow_x="auto",
            width="100%",
            margin_top="1em",
        ),
    )
