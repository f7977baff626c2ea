"""Reading one lease's ledger: balance, open charges, next due, a statement window.

Payments and credits settle the oldest charges first, so when the balance is B > 0 the
unpaid charges are the newest ones adding up to B: the open items are found by walking
charges back from the newest, a few rows, whatever the ledger's age. Every query is by
``(lease_id, booked_on)`` (index ``ix_rent_ledger_lease_booked``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import bindparam, case
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, func

from heka_app.models import LeaseCharge, RentLedgerEntry

DUE_DAY = 2  # rent is due monthly in advance, by the 2nd (FINNISH_FORMATS.md)
_BATCH = 24


@dataclasses.dataclass(frozen=True)
class Entry:
    """One ledger line as the overview reads it (plain values, no ORM object)."""

    id: int
    kind: str
    charge_kind: str | None
    period: dt.date | None
    booked_on: dt.date
    due_on: dt.date | None
    amount_cents: int


_ENTRY_COLUMNS = tuple(col(getattr(RentLedgerEntry, name)) for name in Entry.__dataclass_fields__)


# Built once (issue 15: the front page and /rent read the ledger on every visit): building
# SQLAlchemy expressions costs more than the indexed reads themselves.
_amount, _booked = col(RentLedgerEntry.amount_cents), col(RentLedgerEntry.booked_on)
_OF_LEASE = col(RentLedgerEntry.lease_id) == bindparam("lease_id")
_CHARGE = col(RentLedgerEntry.kind) == "charge"
_UP_TO = _booked <= bindparam("on")
_BALANCE = sa_select(func.coalesce(func.sum(_amount), 0)).where(_OF_LEASE, _UP_TO)
_LATEST_CHARGE = sa_select(func.max(_booked)).where(_OF_LEASE, _CHARGE, _UP_TO)
_FIRST_BOOKING = sa_select(func.min(_booked)).where(_OF_LEASE)
_CHARGES_NEWEST_FIRST = (
    sa_select(*_ENTRY_COLUMNS)
    .where(_OF_LEASE, _UP_TO, _CHARGE)
    .order_by(_booked.desc(), col(RentLedgerEntry.id).desc())
    .limit(bindparam("limit"))
    .offset(bindparam("offset"))
)


def monthly_statement():
    """The lease's monthly charges together (``lease_id`` a bind parameter)."""
    return sa_select(func.coalesce(func.sum(col(LeaseCharge.amount_cents)), 0)).where(
        col(LeaseCharge.lease_id) == bindparam("lease_id")
    )


_MONTHLY = monthly_statement()
# The front page's rent item in one statement: the balance, the newest charge's day and the
# monthly charges (three statements before).
_SUMMARY = sa_select(
    func.coalesce(func.sum(_amount), 0),
    func.max(case((_CHARGE, _booked))),
    _MONTHLY.scalar_subquery(),
).where(_OF_LEASE, _UP_TO)


def day_of(value) -> dt.date | None:
    """A MIN()/MAX() of booking days as a date (SQLite hands back text)."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


@dataclasses.dataclass(frozen=True)
class OpenItem:
    """A charge not (fully) paid: ``open_cents`` of its ``amount_cents`` remain."""

    entry: Entry
    open_cents: int

    @property
    def due_on(self) -> dt.date:
        """The charge's due date (its booking day if the ERP gave none)."""
        return self.entry.due_on or self.entry.booked_on


@dataclasses.dataclass(frozen=True)
class NextDue:
    """What to pay next and by when; ``booked`` False when projected from the lease."""

    cents: int
    due_on: dt.date
    booked: bool


def month_start(day: dt.date) -> dt.date:
    """The first day of ``day``'s month."""
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def balance_cents(session: Session, lease_id: int, *, on: dt.date) -> int:
    """Charges minus payments and credits booked up to ``on``: > 0 debt, < 0 credit."""
    params = {"lease_id": lease_id, "on": on}
    return int(session.connection().execute(_BALANCE, params).scalar_one())


def balance_before(session: Session, lease_id: int, *, day: dt.date) -> int:
    """The balance carried into ``day`` (everything booked before it)."""
    return balance_cents(session, lease_id, on=day - dt.timedelta(days=1))


def cover(charges_newest_first: list[Entry], balance: int) -> tuple[list[OpenItem], int]:
    """The open items ``balance`` covers among these charges, and what is left over."""
    items: list[OpenItem] = []
    remaining = balance
    for entry in charges_newest_first:
        if remaining <= 0:
            break
        share = min(entry.amount_cents, remaining)
        if share > 0:
            items.append(OpenItem(entry, share))
            remaining -= share
    return items, remaining


def _sorted(items: list[OpenItem]) -> list[OpenItem]:
    return sorted(items, key=lambda item: (item.due_on, item.entry.id))


def open_items(session: Session, lease_id: int, *, on: dt.date, balance: int) -> list[OpenItem]:
    """The charges ``balance`` (> 0) still covers, oldest first."""
    items: list[OpenItem] = []
    remaining = balance
    offset = 0
    while remaining > 0:
        params = {"lease_id": lease_id, "on": on, "limit": _BATCH, "offset": offset}
        rows = [Entry(*row) for row in session.connection().execute(_CHARGES_NEWEST_FIRST, params)]
        if not rows:
            break
        found, remaining = cover(rows, remaining)
        items.extend(found)
        offset += _BATCH
    return _sorted(items)


def monthly_charges_cents(session: Session, lease_id: int) -> int:
    """The lease's monthly charges now (rent, water, sauna, parking...) together."""
    return int(session.connection().execute(_MONTHLY, {"lease_id": lease_id}).scalar_one())


def latest_charge_day(session: Session, lease_id: int, *, on: dt.date) -> dt.date | None:
    """The booking day of the newest charge up to ``on``."""
    params = {"lease_id": lease_id, "on": on}
    return day_of(session.connection().execute(_LATEST_CHARGE, params).scalar_one())


@dataclasses.dataclass(frozen=True)
class Summary:
    """What the front page's rent item reads first: the balance, the newest charge's
    booking day and the lease's monthly charges, up to a day."""

    balance_cents: int
    latest_charge: dt.date | None
    monthly_cents: int


def summary(session: Session, lease_id: int, *, on: dt.date) -> Summary:
    """``balance_cents``, ``latest_charge_day`` and ``monthly_charges_cents`` in one read."""
    row = session.connection().execute(_SUMMARY, {"lease_id": lease_id, "on": on}).one()
    return Summary(int(row[0]), day_of(row[1]), int(row[2]))


def next_due(
    session: Session,
    lease_id: int,
    *,
    today: dt.date,
    balance: int,
    items: list[OpenItem],
    latest: dt.date | None = None,
    known: Summary | None = None,
) -> NextDue | None:
    """The next payment: open charges not yet overdue, else next month's charges less
    any credit. None when nothing is charged monthly. ``latest``: the newest charge's
    booking day if the caller knows it; ``known``: the lease's summary up to ``today``
    (then nothing more is read)."""
    coming = [item for item in items if item.due_on >= today]
    if coming:
        return NextDue(sum(i.open_cents for i in coming), min(i.due_on for i in coming), True)
    if known is not None:
        latest = known.latest_charge
    elif latest is None:
        latest = latest_charge_day(session, lease_id, on=today)
    month = add_months(latest, 1) if latest else month_start(today)
    while month.replace(day=DUE_DAY) < today:
        month = add_months(month, 1)
    monthly = known.monthly_cents if known else monthly_charges_cents(session, lease_id)
    if monthly <= 0:
        return None
    credit = -balance if balance < 0 else 0
    return NextDue(max(monthly - credit, 0), month.replace(day=DUE_DAY), False)


# The statement's window (built once, as the reads above).
_WINDOW = (
    sa_select(*_ENTRY_COLUMNS)
    .where(
        col(RentLedgerEntry.lease_id) == bindparam("lease_id"),
        col(RentLedgerEntry.booked_on) >= bindparam("start"),
        col(RentLedgerEntry.booked_on) <= bindparam("end"),
    )
    # Charges before payments on the same day; then the ERP's order.
    .order_by(
        col(RentLedgerEntry.booked_on),
        col(RentLedgerEntry.amount_cents) < 0,
        col(RentLedgerEntry.id),
    )
)


def entries_between(
    session: Session, lease_id: int, *, start: dt.date, end: dt.date
) -> list[Entry]:
    """Entries booked from ``start`` to ``end`` (inclusive), in booking order."""
    rows = session.connection().execute(_WINDOW, {"lease_id": lease_id, "start": start, "end": end})
    return [Entry(*row) for row in rows]


def first_booking(session: Session, lease_id: int) -> dt.date | None:
    """The earliest booking day of the lease (where the statement's years begin)."""
    return day_of(session.connection().execute(_FIRST_BOOKING, {"lease_id": lease_id}).scalar_one())
