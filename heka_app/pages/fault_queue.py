"""The maintenance queue (/staff/faults), usable at 390 px by a technician on site
(a report's handling page: pages/staff_fault.py)."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.faults import fault_card
from heka_app.components.layout import loading, page_layout
from heka_app.i18n.ui import t, t_var
from heka_app.services.faults.catalog import CATEGORIES
from heka_app.services.faults.transitions import STATUS_LABELS
from heka_app.state.fault_queue import FaultQueueState


def _select(label: rx.Var, name: str, *options: rx.Component) -> rx.Component:
    return rx.vstack(
        rx.el.label(label, html_for=f"filter-{name}", class_name="heka-label"),
        rx.el.select(*options, id=f"filter-{name}", name=name, class_name="heka-select"),
        spacing="1",
        class_name="heka-full-width",
    )


def _filters() -> rx.Component:
    q = FaultQueueState
    return rx.form(
        rx.grid(
            _select(
                t("Area office"),
                "office",
                rx.el.option(t("All"), value=""),
                rx.foreach(q.offices, lambda o: rx.el.option(o["name"], value=o["id"])),
            ),
            _select(
                t("Property"),
                "property",
                rx.el.option(t("All"), value=""),
                rx.foreach(q.properties, lambda o: rx.el.option(o["name"], value=o["id"])),
            ),
            _select(
                t("Status"),
                "status",
                rx.el.option(t("All open"), value=""),
                *[rx.el.option(t(label), value=key) for key, label in STATUS_LABELS.items()],
            ),
            _select(
                t("Category"),
                "category",
                rx.el.option(t("All"), value=""),
                *[rx.el.option(t(label), value=key) for key, (label, _) in CATEGORIES.items()],
            ),
            _select(
                t("Age"),
                "age",
                rx.el.option(t("Any age"), value=""),
                rx.el.option(t("Older than 7 days"), value="7"),
                rx.el.option(t("Older than 14 days"), value="14"),
            ),
            rx.vstack(
                rx.el.label(
                    rx.el.input(type="checkbox", name="urgent"),
                    t("Urgent only"),
                    class_name="heka-choice",
                ),
                rx.el.label(
                    rx.el.input(type="checkbox", name="closed"),
                    t("Include closed"),
                    class_name="heka-choice",
                ),
                spacing="0",
            ),
            columns=rx.breakpoints(initial="1", sm="2", md="3"),
            spacing="3",
            class_name="heka-full-width",
        ),
        rx.button(
            t("Filter"), type="submit", size="3", class_name="heka-mt-075", id="filter-submit"
        ),
        on_submit=FaultQueueState.apply_filters,
        reset_on_submit=False,
        class_name="heka-full-width",
    )


def _counts() -> rx.Component:
    q = FaultQueueState
    return rx.hstack(
        rx.badge(t("{n} reports", n=q.total), size="3"),
        rx.badge(t("{n} urgent", n=q.urgent), color_scheme="red", size="3"),
        rx.badge(t("{n} overdue", n=q.overdue), color_scheme="red", variant="outline", size="3"),
        rx.foreach(
            q.by_status,
            lambda item: rx.badge(
                t_var(item["label"]), ": ", item["n"].to_string(), variant="soft", size="3"
            ),
        ),
        wrap="wrap",
        spacing="2",
        id="queue-counts",
    )


def fault_queue_page() -> rx.Component:
    """Filters, counts and the queue, urgent and oldest first."""
    return page_layout(
        rx.heading(
            t("Fault reports: maintenance queue"), as_="h1", size="7", class_name="heka-mb-05"
        ),
        rx.card(_filters(), class_name="heka-full-width"),
        rx.cond(
            FaultQueueState.loaded,
            rx.vstack(
                _counts(),
                rx.foreach(
                    FaultQueueState.cards,
                    lambda c: fault_card(c, routes.STAFF_FAULTS + "/" + c["id"].to_string(), True),
                ),
                spacing="3",
                class_name="heka-full-width heka-mt-1",
            ),
            loading(),
        ),
    )
