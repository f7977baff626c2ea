"""The household's list and the report page's prebuilt reads (issue 15: CPU per event)
give what the ORM queries they replaced gave, kept here as the reference: the list's
pages, the scoped lookup for every kind of account, and the timeline, photos and address
for tenants and staff, with internal notes, comments, photos and status changes."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlmodel import col, select

from heka_app.models import Apartment, Building, Property
from heka_app.models.faults import FaultEvent, FaultPhoto, FaultReport
from heka_app.services.auth.authorization import authorize
from heka_app.services.common.paging import paginate
from heka_app.services.common.results import NotFound
from heka_app.services.faults import handling, tenant
from heka_app.services.faults.permissions import HANDLE, REPORT
from heka_app.services.faults.photos import upload_photo
from heka_app.services.faults.reports import create_report, get_fault_for
from heka_app.services.faults.views import detail_of
from tests.services.faults.conftest import a_form
from tests.services.faults.test_photos import _jpeg


def test_the_household_list_pages_the_same(session, actor, now, reports):
    """12 reports more (some at the same moment: the id breaks the tie), pages in and
    out of range, for each household account."""
    for n in range(12):
        _report(session, actor("co_resident"), now + dt.timedelta(minutes=n // 2), 10 + n)
    for who in ("primary", "co_resident", "neighbour"):
        account = actor(who)
        query = (
            select(FaultReport)
            .where(FaultReport.apartment_id == account.apartment_id)
            .order_by(col(FaultReport.created_at).desc(), col(FaultReport.id).desc())
        )
        for page in (1, 2, 3, 0, -1, "2", True, None):
            rows, paged = paginate(session, query, page=page, size=tenant.PAGE_SIZE)
            found = tenant.list_my_reports(
                session=session, actor=account, now=now, language="sv", page=page
            )
            assert [c.id for c in found.cards] == [r.id for r in rows], (who, page)
            assert dataclasses.astuple(paged) == (
                found.page,
                found.pages,
                found.total,
                found.first,
                found.last,
            )


WHO = ("primary", "co_resident", "neighbour", "upcoming", "ended", "maintenance",
       "customer_service", "rent_monitoring")  # fmt: skip


def _orm_lookup(session, actor, fault_id):
    """get_fault_for as it was: the ORM select built on every call."""
    query = select(FaultReport).where(FaultReport.id == fault_id)
    if actor.is_staff and authorize(actor, HANDLE).allowed:
        pass
    elif authorize(actor, REPORT).allowed and actor.apartment_id is not None:
        query = query.where(FaultReport.apartment_id == actor.apartment_id)
    else:
        return None
    return session.exec(query).first()


def _orm_reads(session, report, for_staff):
    """The timeline's rows, photo tokens and address as the ORM queries read them."""
    query = select(FaultEvent).where(FaultEvent.report_id == report.id)
    if not for_staff:
        query = query.where(col(FaultEvent.public).is_(True))
    events = session.exec(query.order_by(col(FaultEvent.created_at), col(FaultEvent.id))).all()
    photos = session.exec(
        select(FaultPhoto).where(FaultPhoto.report_id == report.id).order_by(col(FaultPhoto.id))
    ).all()
    row = session.exec(
        select(Building.street_address, Apartment.number, Property.name)
        .join(Apartment, col(Apartment.building_id) == col(Building.id))
        .join(Property, col(Property.id) == col(Building.property_id))
        .where(Apartment.id == report.apartment_id)
    ).first()
    return (
        [(e.kind, e.text, e.by_staff, e.public) for e in events],
        [p.token for p in photos],
        f"{row[0]}, {row[1]}" if row else "",
    )


def _report(session, who, now, n, **changes):
    result = create_report(
        session=session, actor=who, now=now, submission_id=f"prebuilt-{n:04d}-abcdefghij",
        form=a_form(**changes),
    )  # fmt: skip
    session.commit()
    return result.report_id


@pytest.fixture
def reports(session, actor, now):
    """A bare report, one with photos, notes, comments and a status change, and the
    neighbour's."""
    primary, staff = actor("primary"), actor("maintenance")
    bare = _report(session, primary, now, 1)
    photos = tuple(upload_photo(actor=primary, data=_jpeg()).token for _ in range(2))
    busy = _report(session, primary, now, 2, photo_tokens=photos, urgent=True)
    handling.handle_report(
        session=session, actor=staff, now=now, fault_id=busy, new_status="in_progress",
        comment="On my way", note="Bring a ladder",
    )  # fmt: skip
    tenant.add_comment(
        session=session, actor=actor("co_resident"), now=now, fault_id=busy, text="Thanks"
    )
    session.commit()
    return bare, busy, _report(session, actor("neighbour"), now, 3)


def test_the_scoped_lookup_is_the_same_for_every_account(session, actor, reports):
    actors = [a for a in map(actor, WHO) if a is not None]  # "ended" may not sign in
    assert len(actors) >= 7
    for who in actors:
        for fault_id in (*reports, 10**9):
            expected = _orm_lookup(session, who, fault_id)
            try:
                found = get_fault_for(session=session, actor=who, fault_id=fault_id)
            except NotFound:
                found = None
            assert found is expected, (who, fault_id)


@pytest.mark.parametrize("for_staff", [False, True])
def test_timeline_photos_and_address_are_the_same(session, now, reports, for_staff):
    shown = 0
    for fault_id in reports:
        report = session.get(FaultReport, fault_id)
        detail = detail_of(session, report, now=now, language="fi", for_staff=for_staff)
        events, photos, address = _orm_reads(session, report, for_staff)
        assert [(e.kind, e.text, e.by_staff, e.public) for e in detail.timeline] == events
        assert (detail.photos, detail.card.address) == (photos, address)
        shown += len(events)
    # The data covers what the reads must tell apart: notes only for staff, photos.
    assert shown == (6 if for_staff else 5) and address
