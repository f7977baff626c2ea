"""A service request's form (/messages/request?type=<key>), rendered from the type's
definition by the one form component."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.callout import callout
from heka_app.components.forms import form_error, stacked_form, submit_button
from heka_app.components.layout import loading, page_layout
from heka_app.components.messages import attachment_picker
from heka_app.components.service_request_form import request_fields, request_preview
from heka_app.i18n.ui import t, t_var
from heka_app.state.service_requests import RequestFormState as S

UPLOAD_ID = "request-files"


def request_page() -> rx.Component:
    """The form of the chosen type, or a pointer back for an unknown one."""
    return page_layout(
        rx.link(t("All messages"), href=routes.MESSAGES),
        rx.cond(
            S.unknown,
            callout(t("Choose a request type on the messages page."), icon="info"),
            rx.cond(
                S.type_key != "",
                rx.vstack(
                    rx.heading(t_var(S.label), as_="h1", size="7"),
                    rx.text(t_var(S.intro)),
                    request_preview(S),
                    stacked_form(
                        form_error(S.error, S.error_params),
                        rx.el.input(type="hidden", name="submission_id", value=S.send_key),
                        request_fields(S),
                        rx.cond(S.has_attachments, attachment_picker(S, UPLOAD_ID)),
                        submit_button(t("Send request"), S.busy, id="request-submit"),
                        on_submit=S.submit,
                        id="request-form",
                    ),
                    spacing="3",
                    class_name="heka-full-width",
                ),
                loading(),
            ),
        ),
    )
