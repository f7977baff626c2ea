"""The rent overview of one lease: balance, what is due, overdue items, a 24-month
statement with running balance, the chart's numbers and how to pay. Formatted in the
session's language; amounts are computed in integer cents and shown by Babel."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import Session

from heka_app.i18n import N_
from heka_app.i18n.catalogs import gettext
from heka_app.i18n.formatting import format_date, format_money
from heka_app.services.auth.actor import Actor
from heka_app.services.common.clock import helsinki_today
from heka_app.services.messages.payment_plans import plan_text
from heka_app.services.rent.access import lease_facts_for
from heka_app.services.rent.labels import entry_label, month_label
from heka_app.services.rent.ledger import add_months, month_start
from heka_app.services.rent.money import to_euros
from heka_app.services.rent.payment import PaymentDetails, barcode_svg, payment_details
from heka_app.services.rent.statement import WINDOW_MONTHS, overview_snapshot, window

PAID_UP = "paid_up"
DEBT = "debt"
CREDIT = "credit"
SENTENCES = {
    PAID_UP: N_("Your rent is paid up."),
    DEBT: N_("You have unpaid rent of {amount}."),
    CREDIT: N_("You have a credit of {amount}: it is deducted from your next payment."),
}
# Rent monitoring reads the same overview about someone else's lease.
STAFF_SENTENCES = {
    PAID_UP: N_("The rent of this lease is paid up."),
    DEBT: N_("This lease has unpaid rent of {amount}."),
    CREDIT: N_("This lease has a credit of {amount}."),
}


@dataclasses.dataclass(frozen=True)
class OverdueRow:
    """An unpaid charge past its due date."""

    label: str
    due: str
    amount: str
    days: int


@dataclasses.dataclass(frozen=True)
class StatementRow:
    """One line of the statement; ``charge``/``paid`` are "" where they do not apply."""

    date: str
    label: str
    charge: str
    paid: str
    balance: str


@dataclasses.dataclass(frozen=True)
class StatementMonth:
    """A month of the statement with its totals (also the chart's table)."""

    key: str  # "2026-11"
    label: str
    short: str  # for the chart's axis
    rows: tuple[StatementRow, ...]
    charges: str
    paid: str
    closing: str
    charges_euros: int  # whole euros for the chart only; the table shows the exact sums
    paid_euros: int


@dataclasses.dataclass(frozen=True)
class RentOverview:
    """Everything /rent shows. ``payment`` carries the barcodes for ``pay_cents``."""

    contract_number: str
    status: str
    sentence: str
    balance: str
    next_due_amount: str
    next_due_date: str
    overdue: tuple[OverdueRow, ...]
    overdue_total: str
    months: tuple[StatementMonth, ...]  # newest first
    period: str  # "May 2025 – April 2027"
    period_end: str  # "2026-11": the window's last month
    earlier_end: str  # "" when nothing is earlier
    later_end: str  # "" when the window reaches this month
    pay_amount: str
    pay_due: str
    payment: PaymentDetails
    barcode_svg: str
    barcode_no_amount_svg: str
    # The messages issue adds the payment plan rent monitoring agreed; it is shown here.
    payment_plan: str = ""


def _whole_euros(cents: int) -> int:
    return int(to_euros(cents).quantize(Decimal(1), ROUND_HALF_UP))


def _statement_month(month, language: str, with_rows: bool) -> StatementMonth:
    rows = tuple(
        StatementRow(
            date=format_date(line.entry.booked_on, language, "short"),
            label=entry_label(line.entry, language),
            charge=format_money(line.charge_cents, language) if line.charge_cents else "",
            paid=format_money(line.paid_cents, language) if line.paid_cents else "",
            balance=format_money(line.balance_cents, language),
        )
        for line in (month.lines if with_rows else ())
    )
    charges, paid = month.charges_cents, month.paid_cents  # each a sum over the lines
    return StatementMonth(
        key=month.month.strftime("%Y-%m"),
        label=month_label(month.month, language),
        short=month_label(month.month, language, "LLL yy"),
        rows=tuple(reversed(rows)),
        charges=format_money(charges, language),
        paid=format_money(paid, language),
        closing=format_money(month.opening_cents + charges - paid, language),
        charges_euros=_whole_euros(charges),
        paid_euros=_whole_euros(paid),
    )


def parse_month(value: str | None) -> dt.date | None:
    """``"2026-11"`` as its first day; None for anything else (ignored, never an error)."""
    try:
        return dt.datetime.strptime(value or "", "%Y-%m").date()
    except ValueError:
        return None


def rent_overview(
    *,
    session: Session,
    actor: Actor,
    now: dt.datetime,
    language: str,
    lease_id: int | None = None,
    period_end: str = "",
    rows_months: int = WINDOW_MONTHS,
) -> RentOverview:
    """The overview of the actor's own lease (or, for rent monitoring, ``lease_id``).

    Args:
        period_end: The statement's last month ``"YYYY-MM"``; "" or invalid = this month.
        rows_months: Only the newest this many months carry their rows (older ones: ``()``,
            their totals as always). The page shows three months' rows and more on request:
            formatting all 24 months' rows was a quarter of the overview's CPU (issue 15).

    Raises:
        NotAllowed: The actor may not see rent (co-residents, other staff, ...).
        NotFound: Not the actor's lease, or no such lease.
    """
    lease = lease_facts_for(session=session, actor=actor, lease_id=lease_id)
    lid = lease.id
    today = helsinki_today(now)
    this_month = month_start(today)
    end = min(parse_month(period_end) or this_month, this_month)
    first, last = window(end)
    snapshot = overview_snapshot(session, lid, today=today, first=first, last=last)
    balance, items, due = snapshot.balance_cents, snapshot.open_items, snapshot.next_due
    statement = snapshot.statement
    overdue = [item for item in items if item.due_on < today]
    status = DEBT if balance > 0 else CREDIT if balance < 0 else PAID_UP
    amount = format_money(abs(balance), language)
    earliest = month_start(snapshot.first_booked or today)

    pay_cents = balance if balance > 0 else (due.cents if due else 0)
    pay_due = None if overdue or due is None else due.due_on
    payment = payment_details(reference=lease.payment_reference, cents=pay_cents, due_on=pay_due)
    return RentOverview(
        contract_number=lease.contract_number,
        status=status,
        sentence=gettext(
            language, (STAFF_SENTENCES if actor.is_staff else SENTENCES)[status], amount=amount
        ),
        balance=format_money(balance, language),
        next_due_amount=format_money(due.cents, language) if due else "",
        next_due_date=format_date(due.due_on, language) if due else "",
        overdue=tuple(
            OverdueRow(
                label=entry_label(item.entry, language),
                due=format_date(item.due_on, language),
                amount=format_money(item.open_cents, language),
                days=(today - item.due_on).days,
            )
            for item in overdue
        ),
        overdue_total=format_money(sum(i.open_cents for i in overdue), language),
        months=tuple(
            _statement_month(m, language, n < rows_months)
            for n, m in enumerate(reversed(statement.months))
        ),
        period=f"{month_label(first, language)} – {month_label(last, language)}",
        period_end=last.strftime("%Y-%m"),
        earlier_end=add_months(first, -1).strftime("%Y-%m") if earliest < first else "",
        later_end=(
            min(add_months(last, WINDOW_MONTHS), this_month).strftime("%Y-%m")
            if last < this_month
            else ""
        ),
        pay_amount=format_money(pay_cents, language),
        pay_due=format_date(pay_due, language) if pay_due else "",
        payment=payment,
        barcode_svg=barcode_svg(payment.barcode),
        barcode_no_amount_svg=barcode_svg(payment.barcode_no_amount),
        payment_plan=plan_text(session, lid, language),
    )
