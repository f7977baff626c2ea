"""One thread of the household (/messages/<id>): status, a request's answers and decision,
the lines, and the household's answer. Follows the thread live (``tick`` every second)."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.callout import callout
from heka_app.components.forms import form_error, stacked_form, submit_button
from heka_app.components.layout import loading, page_layout
from heka_app.components.messages import (
    answers_list,
    attachment_picker,
    saved_notice,
    subject,
    thread_line,
    thread_status,
)
from heka_app.components.plain import card, heading, link, text
from heka_app.components.request_signatures import signatures_panel
from heka_app.i18n.ui import t, t_var
from heka_app.state.message_thread import MessageThreadState as S

UPLOAD_ID = "reply-files"  # the state names its file input by "reply-files-label"


def _thread() -> rx.Component:
    # Plain elements in Radix's classes (components/plain.py, issue 9).
    return rx.el.div(
        rx.el.div(
            heading(subject(S.card), level="h1", size="7"),
            rx.el.div(
                thread_status(S.card["status"], S.card["status_label"]),
                id="thread-status",
                aria_live="polite",
            ),
            class_name="heka-row heka-center heka-wrap heka-gap-3",
        ),
        text(t_var(S.card["topic_label"]), data_accent_color="gray"),
        rx.cond(
            S.answers.length() > 0, card(answers_list(S.answers), class_name="heka-full-width")
        ),
        signatures_panel(),
        rx.cond(
            S.decision != "",
            callout(t("Decision: {d}", d=S.decision), icon="info", class_name="heka-full-width"),
        ),
        rx.el.div(
            rx.foreach(S.lines, thread_line),
            id="thread-lines",
            aria_live="polite",
            class_name="heka-column heka-gap-3 heka-full-width",
        ),
        card(
            heading(t("Answer"), level="h2", size="4"),
            stacked_form(
                form_error(S.error, S.error_params),
                rx.cond(S.saved != "", saved_notice(t_var(S.saved))),
                rx.el.label(t("Your answer"), html_for="field-reply", class_name="heka-label"),
                rx.el.textarea(
                    id="field-reply",
                    name="text",
                    class_name="heka-textarea",
                    aria_describedby="field-reply-error",
                ),
                text(
                    rx.cond(
                        S.field_errors["text"], t_var(S.field_errors["text"], S.error_params), ""
                    ),
                    id="field-reply-error",
                    data_accent_color="red",
                    size="2",
                    role="alert",
                ),
                attachment_picker(S, UPLOAD_ID),
                submit_button(t("Send answer"), S.busy, id="reply-submit"),
                on_submit=S.reply,
                id="reply-form",
            ),
            class_name="heka-full-width",
        ),
        rx.moment(interval=1000, on_change=S.tick.temporal, class_name="heka-hidden"),
        class_name="heka-column heka-gap-4 heka-full-width",
    )


def message_thread_page() -> rx.Component:
    """The thread, or "not found" for anything the household may not see."""
    return page_layout(
        link(t("All messages"), href=routes.MESSAGES),
        rx.cond(
            S.missing,
            callout(
                t("Message not found."), icon="info", id="thread-missing", class_name="heka-mt-1"
            ),
            rx.cond(S.card.length() > 0, _thread(), loading()),
        ),
    )
