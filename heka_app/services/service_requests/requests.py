"""Sending a service request: check it against its type's definition and open its thread
once per submission id, routed to the type's staff queue. Tracked like a message.

What a type adds beyond the fields happens here too: the sender's own choices (their
household members), computed values (a notice's dates, also shown before sending), what
must stay out of the thread's JSON (an identity code, kept masked there), the signatories
who must confirm first, and what follows when staff approve (``approve``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from sqlmodel import Session

from heka_app.i18n import N_
from heka_app.i18n.formatting import format_date
from heka_app.models import MessageThread
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import authorize, require
from heka_app.services.common.clock import helsinki_today
from heka_app.services.common.identity_codes import mask_identity_code
from heka_app.services.household.members import members_of
from heka_app.services.messages.create import Opened, open_thread
from heka_app.services.messages.permissions import SEND
from heka_app.services.messages.routing import REQUEST
from heka_app.services.messages.statuses import SENT, WAITING
from heka_app.services.service_requests import definitions as d
from heka_app.services.service_requests.fields import check
from heka_app.services.service_requests.signatures import open_signatures

CHOOSE_TYPE = N_("Choose what you want to request.")
Choices = dict[str, tuple[tuple[str, str], ...]]


@dataclasses.dataclass(frozen=True)
class RequestForm:
    """What the form of one type needs beyond its definition: the sender's own choices
    and the computed values (label msgid and the formatted value) shown before sending."""

    choices: Choices
    preview: tuple[tuple[str, str], ...]


def types_for(actor: Actor) -> list[d.RequestType]:
    """The request types ``actor`` may send."""
    return [t for t in d.REQUEST_TYPES if authorize(actor, t.permission).allowed]


def own_choices(session: Session, actor: Actor, definition: d.RequestType, today: dt.date):
    """Options that depend on the sender: the other members of their household."""
    choices: Choices = {}
    for spec in definition.fields:
        if spec.choices_from == d.HOUSEHOLD_MEMBERS:
            members = members_of(session=session, lease_id=actor.lease_id, today=today)
            choices[spec.name] = tuple(
                (str(m.resident_id), m.name) for m in members if m.person_id != actor.person_id
            )
    return choices


def request_form(
    *, session: Session, actor: Actor, now: dt.datetime, language: str, type_key: str
) -> RequestForm:
    """The sender's choices and the preview of a type ``actor`` may send (empty otherwise)."""
    require(actor, SEND)
    definition = d.request_type(type_key)
    if definition is None or definition not in types_for(actor):
        return RequestForm({}, ())
    today = helsinki_today(now)
    values = definition.computed(today) if definition.computed else {}
    preview = tuple(
        (spec.label, format_date(dt.date.fromisoformat(values[spec.name]), language))
        for spec in definition.fields
        if spec.kind == d.COMPUTED and spec.name in values
    )
    return RequestForm(own_choices(session, actor, definition, today), preview)


def _shown(definition: d.RequestType, values: dict[str, str], choices: Choices) -> dict:
    """The thread's copy: identity codes masked, own choices by their label (a name)."""
    shown = dict(values)
    for spec in definition.fields:
        if spec.name not in shown:
            continue
        if spec.kind == d.IDENTITY_CODE:
            shown[spec.name] = mask_identity_code(values[spec.name])
        elif spec.choices_from:
            shown[spec.name] = dict(choices.get(spec.name, ())).get(values[spec.name], "")
    return shown


def submit_request(
    *,
    session: Session,
    actor: Actor,
    now: dt.datetime,
    submission_id: str,
    type_key: str,
    values: Mapping[str, Any],
    tokens: Mapping[str, Any] | None = None,
) -> Opened:
    """Send a request of type ``type_key`` once per ``submission_id``.

    Args:
        values: Field name to what was typed (anything the client sent).
        tokens: Attachment field name to upload tokens.

    Returns:
        :class:`Opened` with the thread, or the field errors (msgids) with each field's
        placeholders in ``field_params``.
    """
    require(actor, SEND)
    definition = d.request_type(type_key)
    if definition is None or not authorize(actor, definition.permission).allowed:
        return Opened(False, form_error=CHOOSE_TYPE)
    today = helsinki_today(now)
    choices = own_choices(session, actor, definition, today)
    checked = check(definition, values, today=today, tokens=tokens, choices=choices)
    if checked.errors:
        return Opened(False, field_errors=checked.errors, field_params=checked.params)
    clean = checked.values | (definition.computed(today) if definition.computed else {})
    signed = definition.confirm_by == d.EVERY_SIGNATORY
    opened = open_thread(
        session, actor, now,
        submission_id=submission_id, topic=REQUEST, subject=definition.key, text="",
        queue=definition.queue, request_type=definition.key,
        request_data=json.dumps(_shown(definition, clean, choices), ensure_ascii=False),
        tokens=checked.tokens, status=WAITING if signed else SENT,
    )  # fmt: skip
    if opened.new:
        thread = session.get_one(MessageThread, opened.thread_id)
        if signed:
            open_signatures(session, thread, today)
        if definition.on_sent is not None:
            definition.on_sent(session, thread, clean)
    return opened


def approve(session: Session, thread: MessageThread, now: dt.datetime) -> str:
    """What follows staff approving ``thread`` ("" when done, else a msgid why not)."""
    definition = d.request_type(thread.request_type)
    if definition is None or definition.on_decided is None:
        return ""
    return definition.on_decided(session, thread, now)
