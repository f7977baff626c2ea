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
    return rx.el.tr(
        rx.el.th(
            rx.link(row["title"], href=f"{routes.STAFF_CONTENT_EDIT}?id=" + row["id"].to(str)),
            scope="row",
        ),
        rx.el.td(rx.cond(row["kind"] == "news", t("News item"), t("Instruction"))),
        rx.el.td(_status_badge(row["status"])),
        rx.el.td(
            rx.match(
                row["audience"],
                ("everyone", t("Everyone")),
                row["target"],
            )
        ),
        rx.el.td(row["date"]),
        rx.el.td(
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
            class_name="heka-full-width",
        ),
        # A plain table in a focusable, labelled box: Radix's table scrolls inside its own
        # unfocusable box on a phone (axe: scrollable-region-focusable), as on /rent.
        rx.box(
            rx.el.table(
                rx.el.thead(
                    rx.el.tr(
                        rx.el.th(t("Title"), scope="col"),
                        rx.el.th(t("Type"), scope="col"),
                        rx.el.th(t("State"), scope="col"),
                        rx.el.th(t("For"), scope="col"),
                        rx.el.th(t("Publishing date"), scope="col"),
                        rx.el.th(t("Missing translations"), scope="col"),
                    )
                ),
                rx.el.tbody(rx.foreach(S.rows, _row)),
                class_name="heka-table",  # assets/heka.css
            ),
            class_name="heka-overflow-x heka-full-width heka-mt-1",
            tab_index=0,
            role="region",
            aria_label=t("News and instructions"),
        ),
    )
