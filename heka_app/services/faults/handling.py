"""The maintenance side: the queue with filters and counts, a report's staff view, and
handling it (assign, change status with a public comment and/or an internal note).

Every status change goes through ``transitions.allowed``; a public change or comment
queues the reporter's mail (notify.py) in the same transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

from sqlmodel import Session, col, select

from heka_app.i18n import N_
from heka_app.models import Apartment, Building, Property, UserAccount
from heka_app.models.faults import FaultEvent, FaultReport
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.common.results import FormResult
from heka_app.services.faults.notify import notify_reporter
from heka_app.services.faults.permissions import HANDLE
from heka_app.services.faults.reports import get_fault_for
from heka_app.services.faults.transitions import (
    ASSIGNED,
    NEEDS_REASON,
    OPEN,
    RECEIVED,
    STATUS_LABELS,
    allowed,
)
from heka_app.services.faults.views import FaultCard, FaultDetail, card_of, detail_of, is_overdue

MAX_TEXT = 2000
QUEUE_LIMIT = 200
ILLEGAL_TRANSITION = N_("This status change is not allowed.")
REASON_REQUIRED = N_("Give the reason the tenant will see.")
NOTHING_TO_SAVE = N_("Choose a new status or write a comment or note.")
TEXT_LONG = N_("The text can be at most {max} characters.")


@dataclasses.dataclass(frozen=True)
class QueueFilter:
    """Empty strings / None mean "any"; ``open_only`` hides done, rejected, cancelled."""

    area_office_id: int | None = None
    property_id: int | None = None
    status: str = ""
    category: str = ""
    urgent_only: bool = False
    min_age_days: int = 0
    open_only: bool = True


@dataclasses.dataclass(frozen=True)
class Queue:
    """The filtered reports (urgent and oldest first) and counts over them."""

    cards: list[FaultCard]
    total: int
    by_status: dict[str, int]
    by_category: dict[str, int]
    overdue: int
    urgent: int


def fault_queue(
    *, session: Session, actor: Actor, now: dt.datetime, language: str, filters: QueueFilter
) -> Queue:
    """The maintenance queue under ``filters`` (at most ``QUEUE_LIMIT`` cards shown)."""
    require(actor, HANDLE)
    query = (
        select(FaultReport, Building.street_address, Apartment.number)
        .join(Apartment, col(Apartment.id) == col(FaultReport.apartment_id))
        .join(Building, col(Building.id) == col(Apartment.building_id))
        .join(Property, col(Property.id) == col(Building.property_id))
    )
    if filters.area_office_id:
        query = query.where(Property.area_office_id == filters.area_office_id)
    if filters.property_id:
        query = query.where(Property.id == filters.property_id)
    if filters.status:
        query = query.where(FaultReport.status == filters.status)
    elif filters.open_only:
        query = query.where(col(FaultReport.status).in_(sorted(OPEN)))
    if filters.category:
        query = query.where(col(FaultReport.category).startswith(filters.category.split(".")[0]))
    if filters.urgent_only:
        query = query.where(col(FaultReport.urgent).is_(True))
    if filters.min_age_days > 0:
        query = query.where(FaultReport.created_at <= now - dt.timedelta(days=filters.min_age_days))
    rows = session.exec(
        query.order_by(col(FaultReport.urgent).desc(), col(FaultReport.created_at))
    ).all()
    reports = [r for r, _, _ in rows]
    cards = [
        card_of(r, now=now, language=language, address=f"{street}, {number}")
        for r, street, number in rows[:QUEUE_LIMIT]
    ]
    return Queue(
        cards=cards,
        total=len(reports),
        by_status=dict(Counter(r.status for r in reports)),
        by_category=dict(Counter(r.category.split(".")[0] for r in reports)),
        overdue=sum(is_overdue(r, now) for r in reports),
        urgent=sum(r.urgent for r in reports),
    )


def staff_report(
    *, session: Session, actor: Actor, now: dt.datetime, language: str, fault_id: int
) -> FaultDetail:
    """A report with internal notes, for staff who handle faults. Raises NotFound."""
    require(actor, HANDLE)
    report = get_fault_for(session=session, actor=actor, fault_id=fault_id)
    return detail_of(session, report, now=now, language=language, for_staff=True)


def handlers(*, session: Session, actor: Actor) -> list[dict[str, str]]:
    """Staff who may be assigned a report: ``{"id", "name"}`` rows."""
    require(actor, HANDLE)
    rows = session.exec(
        select(UserAccount)
        .where(col(UserAccount.role).in_(("maintenance", "customer_service", "admin")))
        .where(col(UserAccount.is_active).is_(True))
        .order_by(col(UserAccount.display_name))
    ).all()
    return [{"id": str(a.id), "name": a.display_name or a.email} for a in rows]


def handle_report(
    *,
    session: Session,
    actor: Actor,
    now: dt.datetime,
    fault_id: int,
    new_status: str = "",
    comment: str = "",
    note: str = "",
    assign_to_id: int | None = None,
) -> FormResult:
    """One staff action: optionally assign, change status, comment publicly, note internally.

    The status change must be allowed by the state machine; rejecting or cancelling
    needs a public comment (the reason). Assigning a received report moves it to assigned.
    """
    require(actor, HANDLE)
    report = get_fault_for(session=session, actor=actor, fault_id=fault_id)
    comment, note = (comment or "").strip(), (note or "").strip()
    if len(comment) > MAX_TEXT:
        return FormResult.refused(params={"max": MAX_TEXT}, comment=TEXT_LONG)
    if len(note) > MAX_TEXT:
        return FormResult.refused(params={"max": MAX_TEXT}, note=TEXT_LONG)
    if assign_to_id is not None and assign_to_id not in {
        int(h["id"]) for h in handlers(session=session, actor=actor)
    }:
        return FormResult.refused(assign_to=ILLEGAL_TRANSITION)
    if new_status and new_status != report.status:
        if new_status not in STATUS_LABELS or not allowed(report.status, new_status, by_staff=True):
            return FormResult.refused(status=ILLEGAL_TRANSITION)
        if new_status in NEEDS_REASON and not comment:
            return FormResult.refused(comment=REASON_REQUIRED)
    else:
        new_status = ""
    if assign_to_id is not None and assign_to_id != report.assigned_to_id:
        report.assigned_to_id = assign_to_id
        if not new_status and report.status == RECEIVED:
            new_status = ASSIGNED
    elif not new_status and not comment and not note:
        return FormResult.refused(NOTHING_TO_SAVE)
    public: FaultEvent | None = None
    if new_status:
        public = _event(report, actor, now, "status", comment, old=report.status, new=new_status)
        report.status = new_status
    elif comment:
        public = _event(report, actor, now, "comment", comment)
    if public is not None:
        session.add(public)
    if note:
        session.add(_event(report, actor, now, "note", note, public=False))
    report.updated_at = now
    report.version += 1
    session.add(report)
    session.flush()
    if public is not None:
        notify_reporter(session, report, public, now=now)
    return FormResult.done()


def _event(
    report: FaultReport,
    actor: Actor,
    now: dt.datetime,
    kind: str,
    text: str,
    *,
    old: str = "",
    new: str = "",
    public: bool = True,
) -> FaultEvent:
    assert report.id is not None
    return FaultEvent(
        report_id=report.id,
        kind=kind,
        old_status=old,
        new_status=new,
        text=text,
        public=public,
        by_staff=True,
        author_account_id=actor.account_id,
        created_at=now,
    )
