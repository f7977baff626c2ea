"""A service request's form, built from its type's definition (``?type=<key>``): the
fields come to the browser as data and one component renders them; sent once per
submission id. Its thread is then followed on the messages pages."""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.services.common.clock import utcnow
from heka_app.services.messages.permissions import SEND
from heka_app.services.service_requests import definitions as d
from heka_app.services.service_requests.requests import request_form, submit_request, types_for
from heka_app.state.faults import session_language
from heka_app.state.form_data import form_value
from heka_app.state.forms import FormState
from heka_app.state.guard import guard
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.message_uploads import AttachmentsMixin
from heka_app.state.messages import new_submission_id
from heka_app.state.service_calls import call_service

SAMPLE_REQUEST = {"submission_id": "matrix-sample-submission", "registration": "ABC-123"}


def field_rows(definition: d.RequestType, own: dict | None = None) -> list[dict]:
    """The definition's fields to type in as plain data for the form component; ``own``
    holds the sender's own choices (e.g. household members) of ``choices_from`` fields."""
    rows = []
    for spec in definition.fields:
        if spec.kind == d.COMPUTED:  # shown as the preview, never typed
            continue
        choices = d.YES_NO_CHOICES if spec.kind == d.YES_NO else spec.choices
        if spec.choices_from:
            choices = (own or {}).get(spec.name, ())
        rows.append(
            {
                "name": spec.name,
                "label": spec.label,
                "kind": spec.kind,
                "required": spec.required,
                "help": spec.help,
                "high": spec.high,
                "choices": [{"value": v, "label": label} for v, label in choices],
            }
        )
    return rows


def request_type_param(state: rx.State) -> str:
    """The ``?type=`` of the request page's URL."""
    return str(state.router.url.query_parameters.get("type", ""))[:40]


class RequestFormState(AttachmentsMixin, FormState, rx.State):
    """The form of one request type."""

    type_key: str = ""
    label: str = ""
    intro: str = ""
    fields: list[dict] = []
    has_attachments: bool = False
    unknown: bool = False
    send_key: str = ""
    field_params: dict[str, dict] = {}
    preview: list[dict] = []
    checklist: list[str] = []
    needs_signatures: bool = False

    @rx.event
    async def load(self):
        """The form of ``?type=`` (guard: messages.send)."""
        actor, refusal = await guard(self, SEND)
        self.reset()
        if refusal is not None:
            return refusal
        definition = d.request_type(request_type_param(self))
        if definition is None or definition not in types_for(actor):
            self.unknown = True
            return None
        form = await call_service(
            request_form, actor=actor, now=utcnow(), language=await session_language(self),
            type_key=definition.key,
        )  # fmt: skip
        self.type_key, self.label, self.intro = definition.key, definition.label, definition.intro
        self.fields = field_rows(definition, form.choices)
        self.preview = [{"label": label, "value": value} for label, value in form.preview]
        self.checklist = list(definition.checklist)
        self.needs_signatures = definition.confirm_by == d.EVERY_SIGNATORY
        self.has_attachments = any(f.kind == d.ATTACHMENT for f in definition.fields)
        self.send_key = new_submission_id()

    @rx.event
    @matrix_payload(form_data=SAMPLE_REQUEST)
    async def submit(self, form_data: dict):
        """Send the request once per submission id (guard: messages.send)."""
        actor, refusal = await guard(self, SEND)
        if refusal is not None:
            return refusal
        definition = d.request_type(self.type_key)
        if definition is None:
            return None
        values = {f.name: form_value(form_data, f.name, f.high + 100) for f in definition.fields}
        attachment = next((f.name for f in definition.fields if f.kind == d.ATTACHMENT), "")
        result = await call_service(
            submit_request,
            actor=actor,
            now=utcnow(),
            submission_id=form_value(form_data, "submission_id", 80),
            type_key=definition.key,
            values=values,
            tokens={attachment: list(self._tokens)} if attachment else None,
        )
        self.error, self.error_params = result.form_error, dict(result.params)
        self.field_errors = dict(result.field_errors)
        self.field_params = {k: dict(v) for k, v in result.field_params.items()}
        if result.ok and result.thread_id is not None:
            self._clear_attachments()
            return rx.redirect(routes.message_detail(result.thread_id))
        return None
