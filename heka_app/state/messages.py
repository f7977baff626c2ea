"""The household's messages: the list of threads (with the request types to start) and
the new-message form with attachments, sent once per submission id. One thread's page:
state/message_thread.py; a service request's form: state/service_requests.py."""

from __future__ import annotations

import secrets

import reflex as rx

from heka_app import routes
from heka_app.services.common.clock import utcnow
from heka_app.services.messages import routing, threads
from heka_app.services.messages.permissions import SEND
from heka_app.services.service_requests.requests import types_for
from heka_app.state.form_data import form_value
from heka_app.state.forms import FormState
from heka_app.state.guard import guard
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.message_uploads import AttachmentsMixin
from heka_app.state.paging import PagingMixin
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState

SAMPLE_MESSAGE = {"submission_id": "matrix-sample-submission", "topic": "general"}


def new_submission_id() -> str:
    """A fresh id for a form: pressing send twice sends it once."""
    return secrets.token_urlsafe(16)


async def refresh_unread(state: rx.State, actor) -> None:
    """Update the navigation's unread count after reading or a change."""
    session = await state.get_state(SessionState)
    session.unread_messages = await call_service(threads.unread_count, actor=actor)


class MessagesState(PagingMixin, rx.State):
    """The household's threads, open ones first, a page at a time, and what it can start."""

    request_types: list[dict] = []

    @rx.event
    async def load(self):
        """The first page of threads the actor may see (guard: messages.send)."""
        return await self._show(1)

    async def _show(self, page: int):
        actor, _, refusal = await self._load_page(SEND, threads.list_threads, page)
        if refusal is not None:
            return refusal
        self.request_types = [{"key": t.key, "label": t.label} for t in types_for(actor)]
        await refresh_unread(self, actor)
        return None


class MessageFormState(AttachmentsMixin, FormState, rx.State):
    """A new message: topic, subject, text and attachments."""

    topics: list[dict] = []
    send_key: str = ""
    sent_link: str = ""

    @rx.event
    async def load(self):
        """An empty form (guard: messages.send)."""
        actor, refusal = await guard(self, SEND)
        self.reset()
        if refusal is not None:
            return refusal
        self.topics = [
            {"key": key, "label": routing.TOPICS[key]} for key in threads.topics_for(actor)
        ]
        self.send_key = new_submission_id()

    @rx.event
    @matrix_payload(form_data=SAMPLE_MESSAGE)
    async def submit(self, form_data: dict):
        """Send the message once per submission id (guard: messages.send)."""
        actor, refusal = await guard(self, SEND)
        if refusal is not None:
            return refusal
        form = threads.MessageForm(
            topic=form_value(form_data, "topic", 40),
            subject=form_value(form_data, "subject", 200),
            text=form_value(form_data, "text", 4100),
            tokens=tuple(self._tokens),
        )
        result = await call_service(
            threads.send_message,
            actor=actor,
            now=utcnow(),
            submission_id=form_value(form_data, "submission_id", 80),
            form=form,
        )
        self.error, self.error_params = result.form_error, dict(result.params)
        self.field_errors = dict(result.field_errors)
        if result.ok and result.thread_id is not None:
            self._clear_attachments()
            return rx.redirect(routes.message_detail(result.thread_id))
        return None
