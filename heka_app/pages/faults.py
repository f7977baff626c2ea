"""The household's fault reports (/faults), newest first, a page at a time."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.faults import fault_card
from heka_app.components.layout import loading, page_layout
from heka_app.components.pager import pager
from heka_app.components.plain import button_link, heading, text
from heka_app.i18n.ui import t
from heka_app.state.faults import FaultListState


def faults_page() -> rx.Component:
    """The household's reports, newest first."""
    # Plain elements in Radix's classes (components/plain.py, issue 9); the link that
    # looks like a button is one <a> (one tab stop, no button inside a link).
    return page_layout(
        rx.el.div(
            heading(t("My fault reports"), level="h1", size="7"),
            button_link(t("Report a fault"), href=routes.FAULT_NEW, size="3", id="new-fault"),
            class_name="heka-row heka-between heka-wrap heka-gap-3 heka-full-width",
        ),
        rx.cond(
            FaultListState.loaded,
            rx.el.div(
                rx.cond(FaultListState.total == 0, text(t("You have no fault reports."))),
                rx.foreach(
                    FaultListState.cards,
                    lambda c: fault_card(c, routes.FAULTS + "/" + c["id"].to_string()),
                ),
                pager(FaultListState.page, FaultListState.pages, FaultListState.go_to),
                class_name="heka-column heka-gap-3 heka-full-width heka-mt-1",
            ),
            loading(),
        ),
    )
