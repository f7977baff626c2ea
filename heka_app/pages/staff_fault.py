"""A report's handling page for maintenance (/staff/faults/<id>): details, photos, the
full timeline with internal notes, and one form to assign, change status, comment, note."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.callout import callout
from heka_app.components.faults import detail_rows, photo_grid, status_badge, timeline
from heka_app.components.forms import form_error, notice, submit_button
from heka_app.components.layout import loading, page_layout
from heka_app.i18n.ui import t, t_var
from heka_app.services.faults.transitions import STATUS_LABELS
from heka_app.state.fault_queue import SAVED, StaffFaultState


def _handle_form() -> rx.Component:
    s = StaffFaultState
    errors = s.field_errors

    def err(name):
        return rx.text(
            rx.cond(errors[name], t_var(errors[name], s.error_params), ""),
            color_scheme="red",
            size="2",
            role="alert",
            id=f"handle-{name}-error",
        )

    def area(name, label, hint):
        return rx.vstack(
            rx.el.label(label, html_for=f"handle-{name}", class_name="heka-label"),
            rx.text(hint, size="1", color_scheme="gray", id=f"handle-{name}-hint"),
            rx.el.textarea(
                id=f"handle-{name}",
                name=name,
                class_name="heka-textarea",
                max_length=2000,
                aria_describedby=f"handle-{name}-hint handle-{name}-error",
            ),
            err(name),
            spacing="1",
            class_name="heka-full-width",
            align="start",
        )

    return rx.form(
        rx.vstack(
            form_error(s.error, s.error_params),
            rx.cond(s.saved, notice(t(SAVED))),
            rx.el.label(t("New status"), html_for="handle-status", class_name="heka-label"),
            rx.el.select(
                rx.el.option(t("Keep the status"), value=""),
                rx.foreach(s.next_statuses, lambda k: rx.el.option(_status_text(k), value=k)),
                id="handle-status",
                name="status",
                class_name="heka-select",
            ),
            err("status"),
            rx.el.label(t("Assign to"), html_for="handle-assign_to", class_name="heka-label"),
            rx.el.select(
                rx.el.option(t("Keep the assignment"), value=""),
                rx.foreach(s.handlers, lambda h: rx.el.option(h["name"], value=h["id"])),
                id="handle-assign_to",
                name="assign_to",
                class_name="heka-select",
            ),
            err("assign_to"),
            area(
                "comment",
                t("Comment to the tenant"),
                t("The tenant sees this and gets it by email."),
            ),
            area("note", t("Internal note"), t("Only staff see this. Never shown to the tenant.")),
            submit_button(t("Save"), s.busy, id="handle-submit"),
            spacing="2",
            class_name="heka-full-width",
            align="start",
        ),
        id="handle-form",
        on_submit=s.handle,
        reset_on_submit=False,
        class_name="heka-full-width",
    )


def _status_text(key: rx.Var) -> rx.Component:
    return rx.match(key, *[(k, t(label)) for k, label in STATUS_LABELS.items()], key)


def staff_fault_page() -> rx.Component:
    """Everything about one report, and the handling form."""
    d = StaffFaultState.detail
    return page_layout(
        rx.link(t("Back to the queue"), href=routes.STAFF_FAULTS),
        rx.cond(
            StaffFaultState.missing,
            callout(t("Fault report not found."), icon="info", class_name="heka-mt-1"),
            rx.cond(
                d.length() > 0,
                rx.vstack(
                    rx.hstack(
                        rx.heading(
                            t("Fault report {number}", number=StaffFaultState.card["number"]),
                            as_="h1",
                            size="7",
                        ),
                        rx.box(
                            status_badge(
                                StaffFaultState.card["status"], StaffFaultState.card["status_label"]
                            ),
                            id="fault-status",
                        ),
                        rx.cond(
                            StaffFaultState.card["urgent"],
                            rx.badge(t("Urgent"), color_scheme="red", size="2"),
                        ),
                        rx.cond(
                            StaffFaultState.card["overdue"],
                            rx.badge(t("Overdue"), color_scheme="red", variant="outline", size="2"),
                        ),
                        wrap="wrap",
                        align="center",
                        spacing="3",
                    ),
                    rx.grid(
                        rx.vstack(
                            rx.card(
                                detail_rows(d, StaffFaultState.card),
                                rx.heading(
                                    t("Description"), as_="h2", size="4", class_name="heka-mt-1"
                                ),
                                rx.text(d["description"], class_name="heka-pre-wrap"),
                                class_name="heka-full-width",
                            ),
                            rx.cond(
                                StaffFaultState.photos.length() > 0,
                                rx.card(
                                    rx.heading(t("Photos"), as_="h2", size="4"),
                                    photo_grid(StaffFaultState.photos),
                                    class_name="heka-full-width",
                                ),
                            ),
                            rx.card(
                                rx.heading(t("Handle"), as_="h2", size="4"),
                                _handle_form(),
                                class_name="heka-full-width",
                            ),
                            spacing="4",
                            class_name="heka-full-width",
                        ),
                        rx.card(
                            rx.heading(t("Handling"), as_="h2", size="4", class_name="heka-mb-075"),
                            timeline(StaffFaultState.timeline),
                            class_name="heka-full-width",
                        ),
                        columns=rx.breakpoints(initial="1", md="2"),
                        spacing="4",
                        class_name="heka-full-width",
                    ),
                    spacing="4",
                    class_name="heka-full-width",
                ),
                loading(),
            ),
        ),
    )
