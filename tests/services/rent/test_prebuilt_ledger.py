"""The ledger's prebuilt reads (issue 15, round 4) answer what the ORM queries they replaced
answered (kept below as the reference), for ledgers of every shape: none, paid up, in
debt past one batch of charges, in credit, with bookings after today, without monthly
charges; and the front page's rent item and /rent's snapshot read the same as before."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import col, func, select

from heka_app.models import LeaseCharge, RentLedgerEntry
from heka_app.services.rent import ledger
from heka_app.services.rent.attention import rent_attention
from heka_app.services.rent.ledger import Entry, add_months, cover
from heka_app.services.rent.statement import overview_snapshot, window
from tests.factories import build_world
from tests.services.rent.helpers import actor, charge, monthly, pay

TODAY = dt.date(2026, 11, 28)


def _balance(session, lease_id, on):
    return int(
        session.exec(
            select(func.coalesce(func.sum(RentLedgerEntry.amount_cents), 0)).where(
                RentLedgerEntry.lease_id == lease_id, col(RentLedgerEntry.booked_on) <= on
            )
        ).one()
    )


def _latest(session, lease_id, on):
    return session.exec(
        select(func.max(RentLedgerEntry.booked_on)).where(
            RentLedgerEntry.lease_id == lease_id,
            RentLedgerEntry.kind == "charge",
            col(RentLedgerEntry.booked_on) <= on,
        )
    ).one()


def _first(session, lease_id):
    return session.exec(
        select(func.min(RentLedgerEntry.booked_on)).where(RentLedgerEntry.lease_id == lease_id)
    ).one()


def _monthly(session, lease_id):
    return int(
        session.exec(
            select(func.coalesce(func.sum(LeaseCharge.amount_cents), 0)).where(
                LeaseCharge.lease_id == lease_id
            )
        ).one()
    )


def _open_items(session, lease_id, on, balance):
    """open_items as it was: the ORM query built per batch."""
    items, remaining, offset = [], balance, 0
    columns = [col(getattr(RentLedgerEntry, name)) for name in Entry.__dataclass_fields__]
    while remaining > 0:
        query = (
            select(*columns)
            .where(
                col(RentLedgerEntry.lease_id) == lease_id,
                col(RentLedgerEntry.booked_on) <= on,
                col(RentLedgerEntry.kind) == "charge",
            )
            .order_by(col(RentLedgerEntry.booked_on).desc(), col(RentLedgerEntry.id).desc())
            .offset(offset)
            .limit(24)
        )
        rows = [Entry(*row) for row in session.exec(query)]
        if not rows:
            break
        found, remaining = cover(rows, remaining)
        items.extend(found)
        offset += 24
    return sorted(items, key=lambda item: (item.due_on, item.entry.id))


def _ledgers(session, world):
    """The primary tenant's lease in six shapes, one after the other."""
    lease = world.leases["home"]
    yield "empty", lease
    session.add(LeaseCharge(lease_id=lease, kind="water", amount_cents=2400))
    session.flush()
    yield "no rent yet, water charged monthly", lease
    monthly(session, lease, dt.date(2024, 1, 1), 34, 61250)  # paid up to October 2026
    yield "paid up", lease
    for n in range(30):  # 30 unpaid months: past the 24-charge batch
        charge(session, lease, add_months(dt.date(2024, 1, 1), n), 1000 + n, kind="interest")
    yield "debt past one batch", lease
    pay(session, lease, dt.date(2026, 11, 20), 100_000)
    yield "credit", lease
    charge(session, lease, dt.date(2026, 12, 1), 61250)  # booked after today
    pay(session, lease, dt.date(2027, 1, 5), 5000)
    yield "bookings after today", lease


@pytest.mark.parametrize("day", [TODAY, dt.date(2026, 12, 3), dt.date(2025, 6, 1)])
def test_each_read_answers_what_the_orm_query_did(session, now, day):
    world = build_world(session, now)
    for shape, lease in _ledgers(session, world):
        balance = _balance(session, lease, day)
        assert ledger.balance_cents(session, lease, on=day) == balance, shape
        assert ledger.latest_charge_day(session, lease, on=day) == _latest(session, lease, day)
        assert ledger.first_booking(session, lease) == _first(session, lease), shape
        assert ledger.monthly_charges_cents(session, lease) == _monthly(session, lease), shape
        summary = ledger.summary(session, lease, on=day)
        assert summary == ledger.Summary(
            balance, _latest(session, lease, day), _monthly(session, lease)
        ), shape
        reference = _open_items(session, lease, day, balance)
        assert ledger.open_items(session, lease, on=day, balance=balance) == reference, shape


def _old_next_due(session, lease, today, balance, items):
    """next_due as the front page called it: the newest charge and the monthly charges read
    by two more statements."""
    coming = [item for item in items if item.due_on >= today]
    if coming:
        return ledger.NextDue(
            sum(i.open_cents for i in coming), min(i.due_on for i in coming), True
        )
    latest = _latest(session, lease, today)
    month = add_months(latest, 1) if latest else today.replace(day=1)
    while month.replace(day=ledger.DUE_DAY) < today:
        month = add_months(month, 1)
    monthly_cents = _monthly(session, lease)
    if monthly_cents <= 0:
        return None
    credit = -balance if balance < 0 else 0
    return ledger.NextDue(max(monthly_cents - credit, 0), month.replace(day=ledger.DUE_DAY), False)


# December 1st: a charge booked that day and a credit that covers it (the newest charge's
# day then decides that the next due is January's, not December's).
@pytest.mark.parametrize("today", [TODAY, dt.date(2026, 12, 1)])
def test_front_page_item_and_rent_snapshot_read_as_before(session, now, today):
    world = build_world(session, now)
    primary = actor(session, world.accounts["primary"], now)
    later = dt.datetime.combine(today, now.timetz())
    dues, tones = set(), set()
    for shape, lease in _ledgers(session, world):
        balance = _balance(session, lease, today)
        items = _open_items(session, lease, today, balance)
        due = _old_next_due(session, lease, today, balance, items)
        known = ledger.summary(session, lease, on=today)
        assert (
            ledger.next_due(session, lease, today=today, balance=balance, items=items, known=known)
            == due
        ), shape
        for end in (today.replace(day=1), dt.date(2025, 3, 1)):  # reaching today, and not
            first, last = window(end)
            snapshot = overview_snapshot(session, lease, today=today, first=first, last=last)
            assert (snapshot.balance_cents, snapshot.open_items) == (balance, items), shape
            assert snapshot.next_due == due, (shape, end)
            assert snapshot.first_booked == _first(session, lease), shape
        for language in ("fi", "sv", "en"):
            (item,) = rent_attention(session, primary, later, language)
            tones.add(item.tone)
        dues.add(due and (due.due_on, due.booked))
    assert tones == {"success", "danger", "warning"}
    assert (dt.date(2027, 1, 2), False) in dues or today == TODAY  # the case named above
