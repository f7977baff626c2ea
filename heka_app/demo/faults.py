"""Demo fault reports on active leases, each with a realistic handling timeline.

Owned by :mod:`heka_app.demo.dataset`. Every status appears; recent reports are open and
old ones closed; two are on the demo tenant's home (one open, one fixed).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from sqlmodel import Session

from heka_app.demo.people import DemoLease
from heka_app.models import FaultReport
from heka_app.models.faults import FaultEvent

# category -> ((location, description, urgent), ...)
_FAULTS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "plumbing.tap": (
        ("room:kitchen", "Keittiön hanasta tippuu vettä jatkuvasti, vaikka hana on kiinni.", False),
    ),
    "plumbing.drain": (
        (
            "room:bathroom",
            "Kylpyhuoneen lattiakaivo vetää huonosti ja siitä tulee pahaa hajua.",
            False,
        ),
    ),
    "plumbing.toilet": (
        ("room:toilet", "WC-istuimen säiliöstä valuu vettä pönttöön koko ajan.", False),
    ),
    "plumbing.leak": (("room:kitchen", "Tiskialtaan alta vuotaa vettä kaapin pohjalle.", True),),
    "electricity.socket": (
        ("room:kitchen", "Keittiön pistorasia ei toimi. Sulakkeet on tarkistettu.", False),
        ("room:hall", "Eteisen pistorasia ei toimi, lamppu on vaihdettu.", False),
    ),
    "electricity.light": (
        ("room:bathroom", "Kylpyhuoneen peilikaapin valo vilkkuu ja sammuu itsestään.", False),
    ),
    "heating.radiator": (
        ("room:bedroom", "Makuuhuoneen patteri on kylmä, vaikka termostaatti on täysillä.", False),
        ("room:living_room", "Olohuoneen patterista kuuluu kovaa kohinaa ja naksutusta.", False),
    ),
    "heating": (
        (
            "room:other",
            "Asunnossa on vain noin 18 astetta, vaikka kaikki patterit ovat päällä.",
            False,
        ),
    ),
    "doors_locks.lock": (
        ("room:hall", "Asunnon ulko-oven lukko jumittaa, avain kääntyy todella vaikeasti.", False),
    ),
    "doors_locks.door": (
        ("common:stairwell", "Porraskäytävän ulko-ovi ei mene kunnolla kiinni.", True),
    ),
    "windows": (
        ("room:balcony", "Parvekkeen oven tiiviste on irronnut ja ovesta vetää.", False),
        ("room:bedroom", "Makuuhuoneen ikkunan tuuletusikkunan kahva on irronnut.", False),
        ("room:balcony", "Parvekelasitus on löystynyt ja kolisee tuulella.", False),
    ),
    "appliances.fridge": (
        ("room:kitchen", "Jääkaappi ei kylmennä kunnolla, lämpötila on yli 10 astetta.", False),
    ),
    "appliances.hood": (
        ("room:kitchen", "Liesituuletin pitää kovaa ääntä ja imee huonosti.", False),
    ),
    "appliances.stove": (("room:kitchen", "Uunin alalämpö ei toimi.", False),),
    "sauna": (("common:sauna", "Yhteissaunan kiuas ei lämpene.", False),),
    "laundry": (("common:laundry", "Pesutuvan kuivausrumpu ei käynnisty.", False),),
    "outdoor": (
        ("common:yard", "Pihan kulkureitin valaisin on rikki, piha on illalla pimeä.", False),
    ),
    "common_areas": (
        ("common:stairwell", "Porraskäytävän valo palaa jatkuvasti, myös päivällä.", False),
    ),
    "ventilation": (
        (
            "room:bathroom",
            "Kylpyhuoneen ilmanvaihtoventtiili ei vedä, peili huurtuu pitkään.",
            False,
        ),
    ),
}
_FAULT_COUNT = 24
# The path each final status took, and what maintenance said on the way.
_PATHS = {
    "received": ("received",),
    "assigned": ("received", "assigned"),
    "in_progress": ("received", "assigned", "in_progress"),
    "waiting": ("received", "assigned", "in_progress", "waiting"),
    "done": ("received", "assigned", "in_progress", "done"),
    "rejected": ("received", "rejected"),
    "cancelled": ("received", "cancelled"),
}
_COMMENTS = {
    "assigned": "Huoltomies käy katsomassa vian lähipäivinä.",
    "in_progress": "Vika on tarkistettu, korjaus on aloitettu.",
    "waiting": "Varaosa on tilattu, toimitus noin viikon päästä.",
    "done": "Korjattu. Kiitos ilmoituksesta!",
    "rejected": "Kyseessä on asukkaan oma laite, joka ei kuulu huollon korjattaviin.",
    "cancelled": "Asukas peruutti ilmoituksen puhelimitse: vika korjaantui itsestään.",
}
_FIRST_STATUSES = (
    "in_progress",
    "done",
    "received",
    "waiting",
    "cancelled",
    "assigned",
    "rejected",
)


def _status_for(index: int, ago: int, rng: random.Random) -> str:
    # Every status appears; otherwise recent reports are open and old ones closed.
    if index < len(_FIRST_STATUSES):
        return _FIRST_STATUSES[index]
    if ago <= 7:
        return rng.choice(("received", "assigned", "in_progress", "waiting"))
    if ago <= 30:
        return rng.choice(("in_progress", "waiting", "done", "done"))
    return rng.choice(("done", "done", "done", "cancelled"))


def _timeline(report: FaultReport, rng: random.Random, ago: int) -> list[FaultEvent]:
    path = _PATHS[report.status]
    step = max(1, (ago - 1) * 24 // len(path)) if ago > 1 else 1
    events, moment = [], report.created_at
    for index, status in enumerate(path):
        if index:
            moment += dt.timedelta(hours=rng.randint(1, step))
        events.append(
            FaultEvent(
                report_id=report.id or 0,
                kind="status",
                old_status=path[index - 1] if index else "",
                new_status=status,
                text=_COMMENTS.get(status, "") if index else "",
                by_staff=index > 0,
                created_at=moment,
            )
        )
    if report.status == "waiting":
        note = "Sisäinen: tilattu toimittajalta, tilausnumero 48213."
        events.append(
            FaultEvent(
                report_id=report.id or 0,
                kind="note",
                text=note,
                public=False,
                by_staff=True,
                created_at=moment,
            )
        )
    report.updated_at = moment
    report.version = len(events)
    return events


def create_faults(
    *, session: Session, rng: random.Random, leases: list[DemoLease], today: dt.date, demo_lease
) -> int:
    """Add fault reports with their timelines on active leases, and flush.

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
        location, description, urgent = rng.choice(_FAULTS[category])
        status = _status_for(index, ago, rng)
        primaries = [p for p, link in demo.residents if link.role == "primary"]
        reporter = rng.choice(primaries) if primaries and rng.random() < 0.9 else None
        # Aware UTC, as SQLModel's UTCDateTime columns require; 05-16 UTC is 7-19 in Helsinki.
        day = today - dt.timedelta(days=ago)
        created = dt.datetime.combine(day, dt.time(5), tzinfo=dt.UTC)
        created += dt.timedelta(minutes=rng.randint(0, 11 * 60))
        enter = rng.random() < 0.6
        reports.append(
            (
                ago,
                FaultReport(
                    submission_id=uuid.UUID(int=rng.getrandbits(128), version=4).hex,
                    apartment_id=demo.lease.apartment_id,
                    reported_by_id=reporter.id if reporter else None,
                    category=category,
                    description=description,
                    permission_to_enter=enter,
                    reachable_at="" if enter else "Arkisin klo 16 jälkeen",
                    pets=rng.choice(("", "", "", "Kissa", "Koira, pysyy makuuhuoneessa")),
                    contact_phone=f"040 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                    urgent=urgent,
                    location=location,
                    status=status,
                    created_at=created,
                    updated_at=created,
                    fixed=True if status == "done" and rng.random() < 0.5 else None,
                ),
            )
        )
    session.add_all([r for _, r in reports])
    session.flush()
    for ago, report in reports:
        session.add_all(_timeline(report, rng, ago))
    session.flush()
    return len(reports)
