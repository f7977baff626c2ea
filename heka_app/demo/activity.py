"""Demo activity on the leases: the rent ledger and fault reports.

Owned by :mod:`heka_app.demo.dataset`. The ledger covers the last twelve months
(or since the lease started) of every active lease: charges booked on the 1st and due
on the 2nd, payments mostly on time, a few leases in debt and a few in credit.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from sqlmodel import Session

from heka_app.demo.people import DemoLease, add_months
from heka_app.models import FaultReport, RentLedgerEntry
from heka_app.models.faults import FAULT_STATUSES
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


_FAULTS = {
    "plumbing": (
        "Keittiön hanasta tippuu vettä jatkuvasti, vaikka hana on kiinni.",
        "Kylpyhuoneen lattiakaivo vetää huonosti ja siitä tulee pahaa hajua.",
        "WC-istuimen säiliöstä valuu vettä pönttöön koko ajan.",
    ),
    "electricity": (
        "Eteisen kattovalaisimen pistorasia ei toimi, lamppu on vaihdettu.",
        "Kylpyhuoneen peilikaapin valo vilkkuu ja sammuu itsestään.",
        "Keittiön pistorasia ei toimi. Sulakkeet on tarkistettu.",
    ),
    "heating": (
        "Makuuhuoneen patteri on kylmä, vaikka termostaatti on täysillä.",
        "Olohuoneen patterista kuuluu kovaa kohinaa ja naksutusta.",
        "Asunnossa on vain noin 18 astetta, vaikka kaikki patterit ovat päällä.",
    ),
    "doors_locks": (
        "Asunnon ulko-oven lukko jumittaa, avain kääntyy todella vaikeasti.",
        "Parvekkeen oven tiiviste on irronnut ja ovesta vetää.",
        "Porraskäytävän ulko-ovi ei mene kunnolla kiinni.",
    ),
    "appliances": (
        "Jääkaappi ei kylmennä kunnolla, lämpötila on yli 10 astetta.",
        "Liesituuletin pitää kovaa ääntä ja imee huonosti.",
        "Uunin alalämpö ei toimi.",
    ),
    "common_areas": (
        "Yhteissaunan kiuas ei lämpene.",
        "Pesutuvan kuivausrumpu ei käynnisty.",
        "Pihan kulkureitin valaisin on rikki, piha on illalla pimeä.",
        "Porraskäytävän valo palaa jatkuvasti, myös päivällä.",
    ),
    "other": (
        "Kylpyhuoneen ilmanvaihtoventtiili ei vedä, peili huurtuu pitkään.",
        "Makuuhuoneen ikkunan tuuletusikkunan kahva on irronnut.",
        "Parvekelasitus on löystynyt ja kolisee tuulella.",
    ),
}
_FAULT_COUNT = 24


def create_faults(
    *, session: Session, rng: random.Random, leases: list[DemoLease], today: dt.date, demo_lease
) -> int:
    """Add fault reports on active leases (two on the demo tenant's home), and flush.

    Args:
        session: Database session (flushed, not committed).
        rng: The demo's seeded random generator.
        leases: All demo leases; reports go to homes with an active lease.
        today: Reports are made 1-90 days before this day.
        demo_lease: The demo tenant's lease, which gets an open and a fixed report.

    Returns:
        How many reports were added.
    """
    active = [d for d in leases if d.status == "active" and d.lease is not demo_lease.lease]
    targets = [demo_lease, demo_lease, *rng.sample(active, _FAULT_COUNT - 2)]
    days_ago = [3, 40, *sorted(rng.randint(1, 90) for _ in range(_FAULT_COUNT - 2))]
    reports = []
    for index, (demo, ago) in enumerate(zip(targets, days_ago, strict=True)):
        category = rng.choice(tuple(_FAULTS))
        # Every status appears; otherwise recent reports are open and old ones closed.
        if index < len(FAULT_STATUSES):
            status = ("in_progress", "done", "received", "waiting", "cancelled")[index]
        elif ago <= 7:
            status = rng.choice(("received", "received", "in_progress", "waiting"))
        elif ago <= 30:
            status = rng.choice(("in_progress", "waiting", "done", "done"))
        else:
            status = rng.choice(("done", "done", "done", "cancelled"))
        primaries = [p for p, link in demo.residents if link.role == "primary"]
        reporter = rng.choice(primaries) if primaries and rng.random() < 0.9 else None
        # Aware UTC, as SQLModel's UTCDateTime columns require; 05-16 UTC is 7-19 in Helsinki.
        day = today - dt.timedelta(days=ago)
        created = dt.datetime.combine(day, dt.time(5), tzinfo=dt.UTC)
        created += dt.timedelta(minutes=rng.randint(0, 11 * 60))
        updated = created
        if status != "received":
            updated += dt.timedelta(hours=rng.randint(1, max(1, (ago - 1) * 24)))
        reports.append(
            FaultReport(
                submission_id=uuid.UUID(int=rng.getrandbits(128), version=4).hex,
                apartment_id=demo.lease.apartment_id,
                reported_by_id=reporter.id if reporter else None,
                category=category,
                description=rng.choice(_FAULTS[category]),
                permission_to_enter=rng.random() < 0.6,
                status=status,
                created_at=created,
                updated_at=updated,
            )
        )
    session.add_all(reports)
    session.flush()
    return len(reports)
