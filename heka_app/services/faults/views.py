"""What a report looks like on a page: its card, its detail and its timeline, formatted in
the reader's language. Tenants get public events only; internal notes reach staff alone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import bindparam, select
from sqlmodel import Session, col

from heka_app.i18n.formatting import format_date
from heka_app.models import Apartment, Building, Property
from heka_app.models.faults import FaultEvent, FaultPhoto, FaultReport
from heka_app.services.common.clock import HELSINKI
from heka_app.services.faults import catalog
from heka_app.services.faults.reports import report_number
from heka_app.services.faults.transitions import (
    CLOSED,
    DONE,
    STATUS_LABELS,
    next_statuses,
    tenant_may_cancel,
)

TARGET_DAYS = 14  # non-urgent faults are overdue after this
URGENT_TARGET_DAYS = 1


@dataclasses.dataclass(frozen=True)
class FaultCard:
    """One report in a list."""

    id: int
    number: str
    status: str
    status_label: str  # msgid
    category_label: str  # msgid
    location_label: str  # msgid
    created: str
    urgent: bool
    overdue: bool
    age_days: int
    address: str = ""


@dataclasses.dataclass(frozen=True)
class TimelineEntry:
    """A status change, comment or note; ``status_label`` is a msgid or ""."""

    kind: str
    status_label: str
    text: str
    by_staff: bool
    public: bool
    when: str


@dataclasses.dataclass(frozen=True)
class FaultDetail:
    """A report opened by a tenant of its household or by staff."""

    card: FaultCard
    description: str
    permission_to_enter: bool
    reachable_at: str
    pets: str
    contact_phone: str
    photos: list[str]
    timeline: list[TimelineEntry]
    may_cancel: bool
    may_give_feedback: bool
    fixed: bool | None
    feedback: str
    version: int
    next_statuses: list[str]
    assigned_to_id: int | None


def _when(moment: dt.datetime, language: str) -> str:
    local = moment.astimezone(HELSINKI)
    return f"{format_date(local.date(), language, 'medium')} {local:%H:%M}"


def age_days(report: FaultReport, now: dt.datetime) -> int:
    """Whole days since the report was made."""
    return max(0, (now - report.created_at).days)


def is_overdue(report: FaultReport, now: dt.datetime) -> bool:
    """Open past its target (14 days, urgent 1 day)."""
    target = URGENT_TARGET_DAYS if report.urgent else TARGET_DAYS
    return report.status not in CLOSED and age_days(report, now) >= target


def card_of(
    report: FaultReport, *, now: dt.datetime, language: str, address: str = ""
) -> FaultCard:
    """The list card of ``report``."""
    assert report.id is not None
    return FaultCard(
        id=report.id,
        number=report_number(report),
        status=report.status,
        status_label=STATUS_LABELS.get(report.status, report.status),
        category_label=catalog.category_label(report.category),
        location_label=catalog.location_label(report.location),
        created=format_date(report.created_at.astimezone(HELSINKI).date(), language, "medium"),
        urgent=report.urgent,
        overdue=is_overdue(report, now),
        age_days=age_days(report, now),
        address=address,
    )


# The detail's reads, built once (issue 15: a report's page loads on every visit and each
# tick that finds it changed; building the ORM selects cost more than the indexed reads).
_ADDRESS = (
    select(col(Building.street_address), col(Apartment.number))
    .join(Apartment, col(Apartment.building_id) == col(Building.id))
    .join(Property, col(Property.id) == col(Building.property_id))
    .where(col(Apartment.id) == bindparam("apartment_id"))
)
_EVENT_COLUMNS: tuple[Any, ...] = (
    FaultEvent.kind, FaultEvent.new_status, FaultEvent.text, FaultEvent.by_staff,
    FaultEvent.public, FaultEvent.created_at,
)  # fmt: skip
_ALL_EVENTS = (
    select(*_EVENT_COLUMNS)
    .where(col(FaultEvent.report_id) == bindparam("report_id"))
    .order_by(col(FaultEvent.created_at), col(FaultEvent.id))
)
_PUBLIC_EVENTS = _ALL_EVENTS.where(col(FaultEvent.public).is_(True))
_PHOTO_TOKENS = (
    select(col(FaultPhoto.token))
    .where(col(FaultPhoto.report_id) == bindparam("report_id"))
    .order_by(col(FaultPhoto.id))
)


def address_of(session: Session, report: FaultReport) -> str:
    """``<building street address>, <apartment number>`` of the report's home."""
    ids = {"apartment_id": report.apartment_id}
    row = session.connection().execute(_ADDRESS, ids).first()
    return f"{row[0]}, {row[1]}" if row else ""


def detail_of(
    session: Session, report: FaultReport, *, now: dt.datetime, language: str, for_staff: bool
) -> FaultDetail:
    """The full view of ``report``; internal notes only when ``for_staff``."""
    assert report.id is not None
    session.flush()  # Core reads skip the ORM's autoflush (the page loads add nothing)
    connection, ids = session.connection(), {"report_id": report.id}
    events = connection.execute(_ALL_EVENTS if for_staff else _PUBLIC_EVENTS, ids).all()
    timeline = [
        TimelineEntry(
            kind=e.kind,
            status_label=STATUS_LABELS.get(e.new_status, "") if e.kind == "status" else "",
            text=e.text,
            by_staff=e.by_staff,
            public=e.public,
            when=_when(e.created_at, language),
        )
        for e in events
    ]
    return FaultDetail(
        card=card_of(report, now=now, language=language, address=address_of(session, report)),
        description=report.description,
        permission_to_enter=report.permission_to_enter,
        reachable_at=report.reachable_at,
        pets=report.pets,
        contact_phone=report.contact_phone,
        photos=list(connection.execute(_PHOTO_TOKENS, ids).scalars()),
        timeline=timeline,
        may_cancel=not for_staff and tenant_may_cancel(report.status),
        may_give_feedback=not for_staff and report.status == DONE and report.fixed is None,
        fixed=report.fixed,
        feedback=report.feedback,
        version=report.version,
        next_statuses=next_statuses(report.status, by_staff=True) if for_staff else [],
        assigned_to_id=report.assigned_to_id,
    )
