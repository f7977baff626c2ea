"""Demo activity on the leases: the rent ledger (fault reports: demo/faults.py).

Owned by :mod:`heka_app.demo.dataset`. The ledger covers the last twelve months
(or since the lease started) of every active lease: charges booked on the 1st and due
on the 2nd, payments mostly on time, a few leases in debt and a few in credit.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlmodel import Session

from heka_app.demo.people import DemoLease, add_months
from heka_app.models import RentLedgerEntry
from heka_app.services.common.payment_references import format_reference

_CHARGE_LABELS = {"rent": "Vuokra", "water": "Vesimaksu", "sauna": "Saunavuoro",
                  "parking": "Autopaikka", "other": "Muu maksu"}  # fmt: skip
_DEBT_LEASES = 6
_OVERPAID_LEASES = 2
_WATER_CREDIT_LEASES = 3


def _payment_profiles(leases: list[DemoLease], rng: random.Random, today: dt.date, skip_id):
    # Debt and credit need some history: only leases that started at least 6 months ago.
    cutoff = add_months(today.replace(day=1), -6)
    candidates = [
        d.lease.id
        for d in leases
        if d.status == "active" and d.lease.starts_on <= cutoff and d.lease.id != skip_id
    ]
    rng.shuffle(candidates)
    profiles = {}
    for name, count in (
        ("debt", _DEBT_LEASES),
        ("overpaid", _OVERPAID_LEASES),
        ("credit", _WATER_CREDIT_LEASES),
    ):
        for _ in range(count):
            profiles[candidates.pop()] = name
    return profiles


def create_ledger(
    *, session: Session, rng: random.Random, leases: list[DemoLease], today: dt.date, skip_id
) -> int:
    """Add ledger entries for every active lease, and flush.

    Args:
        session: Database session (flushed, not committed).
        rng: The demo's seeded random generator.
        leases: All demo leases; only active ones get entries.
        today: Nothing is booked after this day.
        skip_id: A lease kept out of the debt and credit cases (the demo tenant's).

    Returns:
        How many entries were added.
    """
    profiles = _payment_profiles(leases, rng, today, skip_id)
    this_month = today.replace(day=1)
    entries: list[RentLedgerEntry] = []
    for demo in leases:
        if demo.status != "active":
            continue
        lease = demo.lease
        profile = profiles.get(lease.id, "late" if rng.random() < 0.15 else "regular")
        first = max(lease.starts_on.replace(day=1), add_months(this_month, -11))
        months = []
        while first <= this_month:
            months.append(first)
            first = add_months(first, 1)
        past = [m for m in months if m + dt.timedelta(days=1) < today]
        missed: set[dt.date] = set()
        if profile == "debt":  # one to three of the last four months unpaid
            recent = past[-4:]
            missed = set(rng.sample(recent, k=min(len(recent), rng.randint(1, 3))))
        partial = rng.choice(sorted(missed)) if missed and rng.random() < 0.5 else None
        doubled = rng.choice(past[-6:]) if profile == "overpaid" else None
        total = sum(demo.charges.values())
        reference = format_reference(lease.payment_reference)
        for month in months:
            due = month + dt.timedelta(days=1)
            for kind, cents in demo.charges.items():
                entries.append(
                    RentLedgerEntry(
                        lease_id=lease.id,
                        kind="charge",
                        booked_on=month,
                        due_on=due,
                        amount_cents=cents,
                        description=f"{_CHARGE_LABELS[kind]} {month.month}/{month.year}",
                        charge_kind=kind,
                        period=month,
                    )
                )
            if month in missed and month != partial:
                continue
            delay = rng.choice((-1, -1, 0, 0, 0, 0, 1))
            if profile == "late" and rng.random() < 0.3:
                delay = rng.randint(3, 14)
            paid_on = due + dt.timedelta(days=delay)
            if paid_on > today:
                continue
            amount = total // 2 if month == partial else total * (2 if month == doubled else 1)
            entries.append(
                RentLedgerEntry(
                    lease_id=lease.id,
                    kind="payment",
                    booked_on=paid_on,
                    amount_cents=-amount,
                    description=f"Maksu, viite {reference}",
                    reference=lease.payment_reference,
                )
            )
        if profile == "credit":
            booked = add_months(this_month, -2) + dt.timedelta(days=14)
            entries.append(
                RentLedgerEntry(
                    lease_id=lease.id,
                    kind="credit",
                    booked_on=booked,
                    amount_cents=-rng.randint(15, 60) * 100,
                    description=f"Hyvitys: vesimaksujen tasaus {booked.year - 1}",
                )
            )
    session.add_all(entries)
    session.flush()
    return len(entries)
