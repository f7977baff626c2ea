"""The household's messages (/messages): its threads and service requests, a new message
(/messages/new) and the request types to start (each opens /messages/request?type=...)."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.forms import form_error, labelled_control, stacked_form, submit_button
from heka_app.components.layout import loading, page_layout
from heka_app.components.messages import attachment_picker, thread_card
from heka_app.components.pager import pager
from heka_app.components.plain import button_link, heading, link, text
from heka_app.i18n.ui import t, t_var
from heka_app.state.messages import MessageFormState as F
from heka_app.state.messages import MessagesState as S

UPLOAD_ID = "message-files"


def messages_page() -> rx.Component:
    """Threads, open ones first; buttons to start a message or a request."""
    # Plain elements in Radix's classes (components/plain.py, issue 9); a link that looks
    # like a button is one <a> (one tab stop, no button inside a link).
    return page_layout(
        rx.el.div(
            heading(t("Messages and service requests"), level="h1", size="7"),
            button_link(t("New message"), href=routes.MESSAGE_NEW, size="3", id="new-message"),
            class_name="heka-row heka-between heka-wrap heka-gap-3 heka-full-width",
        ),
        rx.cond(
            S.loaded,
            rx.el.div(
                heading(t("Make a service request"), level="h2", size="4"),
                rx.el.div(
                    rx.foreach(
                        S.request_types,
                        lambda r: button_link(
                            t_var(r["label"]),
                            href=routes.REQUEST_NEW + "?type=" + r["key"].to(str),
                            variant="outline",
                            id="request-" + r["key"].to(str),
                        ),
                    ),
                    class_name="heka-row heka-stretch heka-wrap heka-gap-2",
                ),
                heading(t("Your threads"), level="h2", size="4", class_name="heka-mt-05"),
                rx.cond(S.cards.length() == 0, text(t("You have no messages yet."))),
                rx.foreach(
                    S.cards, lambda c: thread_card(c, routes.MESSAGES + "/" + c["id"].to_string())
                ),
                pager(S.page, S.pages, S.go_to),
                class_name="heka-column heka-gap-3 heka-full-width heka-mt-1",
            ),
            loading(),
        ),
    )


def _labelled(label: rx.Var, name: str, control: rx.Component) -> rx.Component:
    return labelled_control(label, name, control, F)


def new_message_page() -> rx.Component:
    """Topic, subject, message and attachments; sent once however often it is pressed."""
    return page_layout(
        link(t("All messages"), href=routes.MESSAGES),
        heading(t("New message to Heka"), level="h1", size="7"),
        stacked_form(
            form_error(F.error, F.error_params),
            rx.el.input(type="hidden", name="submission_id", value=F.send_key),
            _labelled(
                t("Topic"),
                "topic",
                rx.el.select(
                    rx.el.option(t("Choose..."), value=""),
                    rx.foreach(F.topics, lambda o: rx.el.option(t_var(o["label"]), value=o["key"])),
                    id="field-topic",
                    name="topic",
                    class_name="heka-select",
                    aria_describedby="field-topic-error",
                ),
            ),
            _labelled(
                t("Subject"),
                "subject",
                rx.el.input(
                    id="field-subject",
                    name="subject",
                    max_length=120,
                    class_name="heka-native-input",
                    aria_describedby="field-subject-error",
                ),
            ),
            _labelled(
                t("Message"),
                "text",
                rx.el.textarea(
                    id="field-text",
                    name="text",
                    class_name="heka-textarea",
                    aria_describedby="field-text-error",
                ),
            ),
            attachment_picker(F, UPLOAD_ID),
            submit_button(t("Send message"), F.busy, id="message-submit"),
            on_submit=F.submit,
            id="message-form",
        ),
    )
