"""A statement: a lease's entries month by month with the running balance.

Pure arithmetic on integer cents (``Period``/``Statement``); the overview and the PDF/CSV
downloads format it. Windows are whole months; 24 months a view, earlier years by moving
the window's last month.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import bindparam, case
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, func

from heka_app.models import RentLedgerEntry
from heka_app.services.rent.ledger import (
    Entry,
    NextDue,
    OpenItem,
    Summary,
    add_months,
    balance_before,
    cover,
    day_of,
    entries_between,
    month_start,
    monthly_statement,
    next_due,
    open_items,
)

WINDOW_MONTHS = 24


@dataclasses.dataclass(frozen=True)
class Line:
    """One entry with the balance after it."""

    entry: Entry
    balance_cents: int

    @property
    def charge_cents(self) -> int:
        """The charge (0 for payments and credits)."""
        return max(self.entry.amount_cents, 0)

    @property
    def paid_cents(self) -> int:
        """Paid or credited, as a positive number (0 for charges)."""
        return max(-self.entry.amount_cents, 0)


@dataclasses.dataclass(frozen=True)
class Month:
    """One calendar month of the statement."""

    month: dt.date  # the first day
    opening_cents: int
    lines: tuple[Line, ...]

    @property
    def charges_cents(self) -> int:
        """Charged this month."""
        return sum(line.charge_cents for line in self.lines)

    @property
    def paid_cents(self) -> int:
        """Paid and credited this month."""
        return sum(line.paid_cents for line in self.lines)

    @property
    def closing_cents(self) -> int:
        """The balance at the end of the month."""
        return self.opening_cents + self.charges_cents - self.paid_cents


@dataclasses.dataclass(frozen=True)
class Statement:
    """Months ``first``..``last`` (inclusive), oldest first."""

    first: dt.date
    last: dt.date
    opening_cents: int
    months: tuple[Month, ...]

    @property
    def closing_cents(self) -> int:
        """The balance at the end of the period."""
        return self.months[-1].closing_cents if self.months else self.opening_cents


def window(last_month: dt.date, months: int = WINDOW_MONTHS) -> tuple[dt.date, dt.date]:
    """First and last month of the ``months`` months ending with ``last_month``."""
    last = month_start(last_month)
    return add_months(last, -(months - 1)), last


def _months(first: dt.date, last: dt.date, opening: int, entries: list[Entry]) -> tuple[Month, ...]:
    by_month: dict[dt.date, list[Entry]] = {}
    for entry in entries:
        by_month.setdefault(month_start(entry.booked_on), []).append(entry)
    months = []
    balance = opening
    month = first
    while month <= last:
        start_balance = balance
        lines = []
        for entry in by_month.get(month, []):
            balance += entry.amount_cents
            lines.append(Line(entry, balance))
        months.append(Month(month, start_balance, tuple(lines)))
        month = add_months(month, 1)
    return tuple(months)


def _last_day(first: dt.date, last: dt.date, until: dt.date) -> tuple[dt.date, dt.date, dt.date]:
    first, last = month_start(first), month_start(last)
    return first, last, min(add_months(last, 1) - dt.timedelta(days=1), until)


def build_statement(
    session: Session, lease_id: int, *, first: dt.date, last: dt.date, until: dt.date
) -> Statement:
    """The statement from month ``first`` to month ``last``, nothing booked after ``until``.

    Args:
        session: Database session.
        lease_id: The lease (already authorized by the caller).
        first: Any day of the first month.
        last: Any day of the last month.
        until: The last booking day shown (today, so future bookings stay out).
    """
    first, last, end = _last_day(first, last, until)
    opening = balance_before(session, lease_id, day=first)
    entries = entries_between(session, lease_id, start=first, end=end) if first <= end else []
    return Statement(first, last, opening, _months(first, last, opening, entries))


@dataclasses.dataclass(frozen=True)
class Snapshot:
    """What the overview needs of the database: balance, open items, next due, statement."""

    balance_cents: int
    first_booked: dt.date | None  # where the statement's earlier years end
    open_items: list[OpenItem]
    next_due: NextDue | None
    statement: Statement


def _sums():
    amount, booked = col(RentLedgerEntry.amount_cents), col(RentLedgerEntry.booked_on)
    return sa_select(
        func.coalesce(func.sum(amount), 0),
        func.coalesce(func.sum(case((booked < bindparam("first"), amount), else_=0)), 0),
        func.min(booked),
        # The newest charge and the monthly charges: the next due is then known without
        # two more statements (issue 15).
        func.max(case((col(RentLedgerEntry.kind) == "charge", booked))),
        monthly_statement().scalar_subquery(),
    ).where(col(RentLedgerEntry.lease_id) == bindparam("lease_id"), booked <= bindparam("today"))


# Built once: building SQLAlchemy expressions costs more than the indexed read itself.
_SUMS = _sums()


def overview_snapshot(
    session: Session, lease_id: int, *, today: dt.date, first: dt.date, last: dt.date
) -> Snapshot:
    """The overview's reads in as few queries as the ledger allows (usually two): the
    balance, the window's opening balance, the newest charge and the lease's monthly
    charges in one pass over the index, and the window's entries (which, when the window
    reaches today, also hold the open charges)."""
    first, last, end = _last_day(first, last, today)
    balance, opening, first_booked, latest, monthly = (
        session.connection()
        .execute(_SUMS, {"lease_id": lease_id, "today": today, "first": first})
        .one()
    )
    balance, opening = int(balance), int(opening)
    known = Summary(balance, day_of(latest), int(monthly))
    entries = entries_between(session, lease_id, start=first, end=end) if first <= end else []
    statement = Statement(first, last, opening, _months(first, last, opening, entries))
    reaches_today = end == today
    charges = [e for e in reversed(entries) if e.kind == "charge"] if reaches_today else []
    items, remaining = cover(charges, balance)
    if remaining > 0:  # older charges are open too (or the window ends before today)
        items = open_items(session, lease_id, on=today, balance=balance)
    items = sorted(items, key=lambda item: (item.due_on, item.entry.id))
    due = next_due(session, lease_id, today=today, balance=balance, items=items, known=known)
    return Snapshot(balance, day_of(first_booked), items, due, statement)
