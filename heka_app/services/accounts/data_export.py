"""Everything the portal holds about the signed-in user, as one JSON-ready dict (GDPR
art. 15 access and art. 20 portability).

Scoped to the user alone: their account and details, their lease as the register holds it
and the names of their household, fault reports they made, threads and service requests
they started (their own lines and Heka's public answers; internal notes, staff names and
other residents' lines are left out), mail choices, the change log and the security events
about their account. Served by heka_app/data_export_route.py after a session check.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from sqlmodel import Session, col, select

from heka_app.models import (
    FaultReport,
    MessageThread,
    Person,
    SecurityEvent,
    ThreadMessage,
    UserAccount,
)
from heka_app.models.faults import FaultEvent
from heka_app.services.accounts.change_log import own_history
from heka_app.services.accounts.my_details import contact_of, lease_facts
from heka_app.services.accounts.permissions import VIEW
from heka_app.services.auth import security_log
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.common.identity_codes import mask_identity_code
from heka_app.services.faults.reports import report_number
from heka_app.services.notifications.preferences import DEFAULTS, wants_email

FORMAT_VERSION = 1


def _iso(moment: dt.datetime | dt.date | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _account(session: Session, account: UserAccount) -> dict[str, Any]:
    person = session.get(Person, account.person_id) if account.person_id else None
    contact = contact_of(session, account.id or 0)
    return {
        "email": account.email,
        "email_confirmed_at": _iso(account.email_verified_at),
        "created_at": _iso(account.created_at),
        "role": account.role,
        "language": account.language,
        "name": f"{person.first_name} {person.last_name}" if person else account.display_name,
        # Masked like on every screen: the file may be stored or mailed on by its owner.
        "identity_code": mask_identity_code(person.identity_code) if person else None,
        "birth_date": _iso(person.birth_date) if person else None,
        "phone": contact.phone if contact else "",
        "refund_iban": contact.refund_iban if contact else "",
    }


def _fault_reports(session: Session, person_id: int | None) -> list[dict[str, Any]]:
    if person_id is None:
        return []
    reports = session.exec(
        select(FaultReport)
        .where(FaultReport.reported_by_id == person_id)
        .order_by(col(FaultReport.created_at))
    ).all()
    found = []
    for report in reports:
        events = session.exec(
            select(FaultEvent)
            .where(FaultEvent.report_id == report.id, col(FaultEvent.public))
            .order_by(col(FaultEvent.created_at), col(FaultEvent.id))
        ).all()
        found.append(
            {
                "number": report_number(report),
                "created_at": _iso(report.created_at),
                "category": report.category,
                "location": report.location,
                "description": report.description,
                "urgent": report.urgent,
                "status": report.status,
                "permission_to_enter": report.permission_to_enter,
                "reachable_at": report.reachable_at,
                "pets": report.pets,
                "contact_phone": report.contact_phone,
                "notify_by_email": report.notify_by_email,
                "fixed": report.fixed,
                "feedback": report.feedback,
                "timeline": [
                    {
                        "at": _iso(e.created_at),
                        "kind": e.kind,
                        "status": e.new_status,
                        "text": e.text,
                        "by": "heka" if e.by_staff else "household",
                    }
                    for e in events
                ],
            }
        )
    return found


def _threads(session: Session, account_id: int) -> list[dict[str, Any]]:
    threads = session.exec(
        select(MessageThread)
        .where(MessageThread.started_by_account_id == account_id)
        .order_by(col(MessageThread.created_at))
    ).all()
    found = []
    for thread in threads:
        lines = session.exec(
            select(ThreadMessage)
            .where(ThreadMessage.thread_id == thread.id, col(ThreadMessage.public))
            .order_by(col(ThreadMessage.created_at), col(ThreadMessage.id))
        ).all()
        mine = [
            {
                "at": _iso(line.created_at),
                "kind": line.kind,
                "status": line.new_status,
                "text": line.text,
                "by": "heka" if line.by_staff else "me",
            }
            for line in lines
            if line.by_staff or line.author_account_id == account_id
        ]
        found.append(
            {
                "created_at": _iso(thread.created_at),
                "topic": thread.topic,
                "request_type": thread.request_type or None,
                "request": json.loads(thread.request_data) if thread.request_data else None,
                "subject": thread.subject,
                "status": thread.status,
                "decision": thread.decision,
                "lines": mine,
            }
        )
    return found


def _security_events(session: Session, account_id: int) -> list[dict[str, Any]]:
    events = session.exec(
        select(SecurityEvent)
        .where(SecurityEvent.account_id == account_id)
        .order_by(col(SecurityEvent.occurred_at), col(SecurityEvent.id))
    ).all()
    return [
        {"at": _iso(e.occurred_at), "event": e.event, "address": e.client_ip, "detail": e.detail}
        for e in events
    ]


def export_my_data(
    *, session: Session, actor: Actor, now: dt.datetime, language: str, client_ip: str = ""
) -> dict[str, Any]:
    """The actor's own data; the export itself is written to the security log.

    Raises:
        NotAllowed: Not signed in.
    """
    require(actor, VIEW)
    assert actor.account_id is not None  # require() refuses anonymous actors
    account = session.get_one(UserAccount, actor.account_id)
    lease = lease_facts(session, actor, now, language)
    data = {
        "format_version": FORMAT_VERSION,
        "exported_at": _iso(now),
        "service": "Heka resident pages",
        "account": _account(session, account),
        "lease": dataclasses.asdict(lease) if lease else None,
        "fault_reports": _fault_reports(session, account.person_id),
        "messages_and_requests": _threads(session, actor.account_id),
        "email_notifications": {k: wants_email(session, actor.account_id, k) for k in DEFAULTS},
        "change_log": own_history(session, actor.account_id),
        "security_events": _security_events(session, actor.account_id),
    }
    security_log.log_security_event(
        session, event=security_log.DATA_EXPORTED, account_id=actor.account_id,
        client_ip=client_ip, now=now,
    )  # fmt: skip
    return data
