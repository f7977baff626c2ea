"""The staff inbox (/staff/messages): counts per status, filters, the threads oldest
waiting first a page at a time, with which of how many are shown."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components import messages as m
from heka_app.components.layout import loading, page_layout
from heka_app.components.pager import pager
from heka_app.i18n.ui import t, t_var
from heka_app.state.staff_inbox import StaffInboxState as I


def _select(label: rx.Var, name: str, options: rx.Var, first: rx.Var | None) -> rx.Component:
    return rx.vstack(
        rx.el.label(label, html_for=f"filter-{name}", class_name="heka-label"),
        rx.el.select(
            *([rx.el.option(first, value="")] if first is not None else []),
            rx.foreach(options, lambda o: rx.el.option(t_var(o["label"]), value=o["key"])),
            id=f"filter-{name}",
            name=name,
            default_value=I.url_filters[name].to(str),
            class_name="heka-select",
        ),
        spacing="1",
    )


def staff_inbox_page() -> rx.Component:
    """The inbox: counts per status, filters, the threads oldest waiting first."""
    return page_layout(
        rx.heading(t("Messages and service requests: inbox"), as_="h1", size="7"),
        rx.flex(
            rx.foreach(
                I.counts,
                lambda c: rx.badge(t_var(c["label"]), ": ", c["n"].to_string(), size="2"),
            ),
            wrap="wrap",
            spacing="2",
            id="inbox-counts",
            class_name="heka-my-075",
        ),
        rx.form(
            rx.flex(
                _select(t("Status"), "status", I.status_filters, None),
                _select(t("Type"), "kind", I.kinds, t("All")),
                _select(t("Queue"), "queue", I.queues, t("All")),
                rx.box(
                    rx.el.label(
                        rx.el.input(
                            type="checkbox",
                            name="mine",
                            id="filter-mine",
                            default_checked=I.url_filters["mine"].to(str) == "on",
                        ),
                        t("Assigned to me"),
                    ),
                    class_name="heka-choice",
                ),
                rx.button(t("Filter"), type="submit", size="3", id="inbox-filter-submit"),
                wrap="wrap",
                spacing="3",
                align="end",
            ),
            on_submit=I.apply_filters,
            reset_on_submit=False,
            # Mounted again when the page is opened with other filters in its address, so
            # the (uncontrolled) controls show them.
            key=I.url_filters.to_string(),
            class_name="heka-full-width",
        ),
        rx.cond(
            I.loaded,
            rx.vstack(
                rx.cond(
                    I.cards.length() == 0,
                    rx.text(t("Nothing here.")),
                    rx.text(
                        t(
                            "Showing {first}–{last} of {total}",
                            first=I.first,
                            last=I.last,
                            total=I.total,
                        ),
                        id="inbox-range",
                        role="status",
                    ),
                ),
                rx.foreach(
                    I.cards,
                    lambda c: m.thread_card(c, routes.STAFF_MESSAGES + "/" + c["id"].to_string()),
                ),
                pager(I.page, I.pages, I.go_to),
                spacing="3",
                class_name="heka-full-width",
            ),
            loading(),
        ),
    )
