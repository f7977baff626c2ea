"""Sending a service request: check it against its type's definition and open its thread
once per submission id, routed to the type's staff queue. Tracked like a message."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from sqlmodel import Session

from heka_app.i18n import N_
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import authorize, require
from heka_app.services.common.clock import helsinki_today
from heka_app.services.messages.create import Opened, open_thread
from heka_app.services.messages.permissions import SEND
from heka_app.services.messages.routing import REQUEST
from heka_app.services.service_requests import definitions as d
from heka_app.services.service_requests.fields import check

CHOOSE_TYPE = N_("Choose what you want to request.")


def types_for(actor: Actor) -> list[d.RequestType]:
    """The request types ``actor`` may send."""
    return [t for t in d.REQUEST_TYPES if authorize(actor, t.permission).allowed]


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
    checked = check(definition, values, today=helsinki_today(now), tokens=tokens)
    if checked.errors:
        return Opened(False, field_errors=checked.errors, field_params=checked.params)
    return open_thread(
        session, actor, now,
        submission_id=submission_id, topic=REQUEST, subject=definition.key, text="",
        queue=definition.queue, request_type=definition.key,
        request_data=json.dumps(checked.values, ensure_ascii=False), tokens=checked.tokens,
    )  # fmt: skip
