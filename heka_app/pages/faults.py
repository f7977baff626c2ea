"""The household's fault reports (/faults), newest first, a page at a time."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.faults import fault_card
from heka_app.components.layout import loading, page_layout
from heka_app.components.pager import pager
from heka_app.i18n.ui import t
from heka_app.state.faults import FaultListState


def faults_page() -> rx.Component:
    """The household's reports, newest first."""
    return page_layout(
        rx.hstack(
            rx.heading(t("My fault reports"), as_="h1", size="7"),
            rx.link(
                rx.button(t("Report a fault"), size="3"), href=routes.FAULT_NEW, id="new-fault"
            ),
            justify="between",
            wrap="wrap",
            class_name="heka-full-width",
            spacing="3",
        ),
        rx.cond(
            FaultListState.loaded,
            rx.vstack(
                rx.cond(FaultListState.total == 0, rx.text(t("You have no fault reports."))),
                rx.foreach(
                    FaultListState.cards,
                    lambda c: fault_card(c, routes.FAULTS + "/" + c["id"].to_string()),
                ),
                pager(FaultListState.page, FaultListState.pages, FaultListState.go_to),
                spacing="3",
                class_name="heka-full-width heka-mt-1",
            ),
            loading(),
        ),
    )
