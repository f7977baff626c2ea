"""A thread's handling page for staff (the inbox: pages/staff_inbox.py): assign,
reply or note, templates, status; beside a rent thread the lease's rent and plan form."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components import messages as m
from heka_app.components.callout import callout
from heka_app.components.forms import form_error, stacked_form, submit_button
from heka_app.components.layout import loading, page_layout
from heka_app.i18n.ui import t, t_var
from heka_app.state.staff_messages import StaffThreadState as S


def _reply() -> rx.Component:
    return rx.card(
        rx.heading(t("Reply or internal note"), as_="h2", size="4"),
        rx.flex(
            rx.foreach(
                S.answer_templates,
                lambda tpl: rx.button(
                    t_var(tpl["label"]),
                    type="button",
                    variant="soft",
                    size="1",
                    on_click=S.use_template(tpl["key"].to(str)),
                ),
            ),
            wrap="wrap",
            spacing="2",
            class_name="heka-my-05",
        ),
        stacked_form(
            rx.el.label(t("Text"), html_for="staff-reply", class_name="heka-label"),
            rx.el.textarea(
                id="staff-reply",
                name="text",
                default_value=S.draft,
                key=S.draft,
                class_name="heka-textarea",
                aria_describedby="staff-reply-error",
            ),
            rx.text(
                rx.cond(S.field_errors["text"], t_var(S.field_errors["text"], S.error_params), ""),
                id="staff-reply-error",
                color_scheme="red",
                size="2",
                role="alert",
            ),
            rx.el.label(
                rx.el.input(type="checkbox", name="internal", id="staff-internal"),
                t("Internal note (never shown to the tenant)"),
                class_name="heka-choice",
            ),
            submit_button(t("Save"), S.busy, id="staff-reply-submit"),
            on_submit=S.reply,
            id="staff-reply-form",
        ),
        class_name="heka-full-width",
    )


def _status() -> rx.Component:
    return rx.cond(
        S.next_statuses.length() > 0,
        rx.card(
            rx.heading(t("Change status"), as_="h2", size="4"),
            stacked_form(
                rx.el.label(t("New status"), html_for="field-status", class_name="heka-label"),
                rx.el.select(
                    rx.foreach(
                        S.next_statuses, lambda o: rx.el.option(t_var(o["label"]), value=o["key"])
                    ),
                    id="field-status",
                    name="status",
                    class_name="heka-select",
                ),
                rx.el.label(
                    t("Decision or reason for the tenant"),
                    html_for="field-decision",
                    class_name="heka-label",
                ),
                rx.el.textarea(id="field-decision", name="text", class_name="heka-textarea"),
                submit_button(t("Change status"), S.busy, id="status-submit"),
                on_submit=S.change_status,
            ),
            class_name="heka-full-width",
        ),
    )


def _plan_row(n: int) -> rx.Component:
    return rx.hstack(
        rx.el.input(
            name=f"due_{n}",
            type="date",
            aria_label=t("Due date {n}", n=n),
            class_name="heka-native-input",
        ),
        rx.el.input(
            name=f"amount_{n}",
            input_mode="decimal",
            aria_label=t("Amount {n} (€)", n=n),
            class_name="heka-native-input",
        ),
        spacing="2",
        class_name="heka-full-width",
    )


def _rent() -> rx.Component:
    return rx.card(
        rx.heading(t("The lease's rent"), as_="h2", size="4"),
        rx.text(t("Lease {c}", c=S.rent["contract"]), size="2"),
        rx.text(S.rent["sentence"], id="staff-rent-sentence"),
        rx.text(t("Overdue: {a}", a=S.rent["overdue_total"])),
        rx.cond(S.rent["plan"] != "", rx.text(S.rent["plan"], class_name="heka-pre-wrap")),
        rx.cond(
            S.may_plan,
            stacked_form(
                rx.heading(t("Record the agreed payment plan"), as_="h3", size="3"),
                *[_plan_row(n) for n in range(1, 7)],
                submit_button(t("Save the plan"), S.busy, id="plan-submit"),
                on_submit=S.record_plan,
                id="plan-form",
            ),
        ),
        class_name="heka-full-width",
    )


def _thread() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.heading(m.subject(S.card), as_="h1", size="7"),
            m.thread_status(S.card["status"], S.card["status_label"]),
            rx.badge(t_var(S.card["queue_label"]), variant="outline"),
            wrap="wrap",
            align="center",
            spacing="3",
        ),
        form_error(S.error, S.error_params),
        rx.cond(S.saved != "", m.saved_notice(t_var(S.saved))),
        rx.cond(
            S.assigned_to_me,
            rx.text(t("Assigned to you.")),
            rx.button(t("Assign to me"), on_click=S.assign_to_me, id="assign-me", size="2"),
        ),
        rx.grid(
            rx.vstack(
                rx.cond(
                    S.answers.length() > 0,
                    rx.card(m.answers_list(S.answers), class_name="heka-full-width"),
                ),
                rx.vstack(
                    rx.foreach(S.lines, m.thread_line), spacing="3", class_name="heka-full-width"
                ),
                _reply(),
                _status(),
                spacing="4",
                class_name="heka-full-width",
            ),
            rx.cond(S.is_rent, _rent()),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            class_name="heka-full-width",
        ),
        rx.moment(interval=2000, on_change=S.tick.temporal, class_name="heka-hidden"),
        spacing="4",
        class_name="heka-full-width",
    )


def staff_thread_page() -> rx.Component:
    """The thread with its notes, or "not found" outside the handler's scope."""
    return page_layout(
        rx.link(t("Inbox"), href=routes.STAFF_MESSAGES),
        rx.cond(
            S.missing,
            callout(t("Message not found."), icon="info", class_name="heka-mt-1"),
            rx.cond(S.card.length() > 0, _thread(), loading()),
        ),
    )
