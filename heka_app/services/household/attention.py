"""The front page's line for a signatory whose confirmation a request waits for, e.g. a
notice of termination another signatory sent (a provider of services/housing/attention.py)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from heka_app import routes
from heka_app.i18n import N_
from heka_app.i18n.catalogs import gettext
from heka_app.i18n.formatting import format_date
from heka_app.models import MessageThread
from heka_app.models.household import RequestSignatory
from heka_app.services.auth.actor import Actor
from heka_app.services.common.clock import HELSINKI
from heka_app.services.housing.attention_item import AttentionItem
from heka_app.services.messages.statuses import WAITING
from heka_app.services.service_requests.signatures import CONFIRM_WITHIN, deadline_of

WAITS_FOR_YOU = N_("A notice of termination waits for your confirmation")
CONFIRM_BY = N_("Confirm it by {date}, or withdraw it.")

# Built once, executed with the lease, person and moment bound (every front-page load:
# issue 15, building the statement cost more than running it).
_WAITING_FOR_PERSON = (
    select(MessageThread)
    .join(RequestSignatory, col(RequestSignatory.thread_id) == col(MessageThread.id))
    .where(
        col(MessageThread.lease_id) == bindparam("lease_id"),
        col(MessageThread.status) == WAITING,
        col(MessageThread.created_at) >= bindparam("since"),
        col(RequestSignatory.person_id) == bindparam("person_id"),
        col(RequestSignatory.confirmed_at).is_(None),
    )
    .order_by(col(MessageThread.id))
)


def signature_attention(
    session: Session, actor: Actor, now: dt.datetime, language: str
) -> list[AttentionItem]:
    """One item per request of the household still waiting for the actor's confirmation."""
    params = {
        "lease_id": actor.lease_id,
        "person_id": actor.person_id,
        "since": now - CONFIRM_WITHIN,
    }
    rows = session.execute(_WAITING_FOR_PERSON, params).scalars().all()
    return [
        AttentionItem(
            "signature",
            "warning",
            gettext(language, WAITS_FOR_YOU),
            gettext(
                language,
                CONFIRM_BY,
                date=format_date(deadline_of(t).astimezone(HELSINKI).date(), language),
            ),
            routes.message_detail(t.id or 0),
        )
        for t in rows
    ]
