"""A statement: a lease's entries month by month with the running balance.

Pure arithmetic on integer cents (``Period``/``Statement``); the overview and the PDF/CSV
downloads format it. Windows are whole months; 24 months a view, earlier years by moving
the window's last month.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session

from heka_app.models import RentLedgerEntry
from heka_app.services.rent.ledger import (
    add_months,
    balance_before,
    entries_between,
    month_start,
)

WINDOW_MONTHS = 24


@dataclasses.dataclass(frozen=True)
class Line:
    """One entry with the balance after it."""

    entry: RentLedgerEntry
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
    first, last = month_start(first), month_start(last)
    end = min(add_months(last, 1) - dt.timedelta(days=1), until)
    opening = balance_before(session, lease_id, day=first)
    entries = entries_between(session, lease_id, start=first, end=end) if first <= end else []
    by_month: dict[dt.date, list[RentLedgerEntry]] = {}
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
    return Statement(first, last, opening, tuple(months))
