"""The rent overview's query set for one tenant, with 50,000 leases x 10 years of monthly
charges and payments (12 M ledger rows), on SQLite and PostgreSQL.

    python benchmarks/rent_overview.py --url sqlite:////tmp/rent_bench.db
    python benchmarks/rent_overview.py \\
        --url postgresql+psycopg2://postgres@127.0.0.1:5432/test_rent --schema rent_bench

The schema is the models' (the same indexes as migration 0005); the data is loaded once
(``--reload`` to rebuild). The query set is what ``rent_overview`` runs: the balance,
the open charges behind it, the next due payment and a 24-month statement with its
opening balance and running balance. Target: p95 <= 2 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402
from sqlmodel import Session, SQLModel, create_engine  # noqa: E402

import heka_app.models  # noqa: E402, F401 - registers every table
from heka_app.services.rent.ledger import add_months  # noqa: E402
from heka_app.services.rent.statement import overview_snapshot, window  # noqa: E402

TODAY = dt.date(2026, 11, 28)
RENT = 61250


def _rows(leases: int, months: int):
    """(lease_id, kind, booked_on, due_on, amount_cents, ...) for every lease and month:
    the rent charge and its payment; every 7th lease pays 5 months late."""
    first = add_months(TODAY, -(months - 1))
    for lease_id in range(1, leases + 1):
        late = lease_id % 7 == 0
        for n in range(months):
            month = add_months(first, n)
            due = month.replace(day=2)
            yield (lease_id, "charge", month, due, RENT, "rent", month)
            if not late or n < months - 5:
                yield (lease_id, "payment", due, None, -RENT, None, None)


_PLACES = (
    """INSERT INTO area_office (id, code, name, street_address, postal_code, city, phone,
    email, opening_hours) VALUES (1, 'A', 'A', 'a', '00100', 'Helsinki', '', '', '')""",
    """INSERT INTO property (id, code, name, street_address, postal_code, city,
    area_office_id, manager_name, manager_phone, manager_email, maintenance_company,
    maintenance_phone, emergency_phone)
    VALUES (1, 'P', 'P', 'p', '00100', 'Helsinki', 1, '', '', '', '', '', '')""",
    "INSERT INTO building (id, property_id, code, street_address) VALUES (1, 1, 'A', 'p')",
)
_APARTMENT = """INSERT INTO apartment (id, building_id, code, number, floor, rooms, area_m2,
    apartment_type) VALUES (:i, 1, :c, :c, 1, 2, 50, '2h')"""
_LEASE = """INSERT INTO lease (id, contract_number, apartment_id, signed_on, starts_on,
    payment_reference) VALUES (:i, :c, :i, '2016-01-01', '2016-01-01', :c)"""
_CHARGE = "INSERT INTO lease_charge (lease_id, kind, amount_cents) VALUES (:i, 'rent', :a)"
_COLUMNS = (
    "lease_id, kind, booked_on, due_on, amount_cents, charge_kind, period, description, "
    "reference, payer"
)
_COPY = f"COPY rent_ledger_entry ({_COLUMNS}) FROM STDIN"
_INSERT = f"INSERT INTO rent_ledger_entry ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, '', '', '')"


def _load(engine, leases: int, months: int) -> None:
    SQLModel.metadata.drop_all(engine)
    SQLModel.metadata.create_all(engine)
    with engine.begin() as conn:
        for statement in _PLACES:
            conn.execute(text(statement))
        ids = range(1, leases + 1)
        conn.execute(text(_APARTMENT), [{"i": i, "c": f"A{i}"} for i in ids])
        conn.execute(text(_LEASE), [{"i": i, "c": f"{i}"} for i in ids])
        conn.execute(text(_CHARGE), [{"i": i, "a": RENT} for i in ids])
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        if engine.dialect.name == "postgresql":
            buffer = io.StringIO()
            for count, row in enumerate(_rows(leases, months), start=1):
                buffer.write("\t".join("\\N" if v is None else str(v) for v in row) + "\t\t\t\n")
                if count % 500_000 == 0:
                    buffer.seek(0)
                    cur.copy_expert(_COPY, buffer)
                    buffer = io.StringIO()
            buffer.seek(0)
            cur.copy_expert(_COPY, buffer)
            raw.commit()
        else:
            cur.execute("PRAGMA journal_mode=OFF")
            cur.execute("PRAGMA synchronous=OFF")
            cur.executemany(
                _INSERT,
                (
                    (lid, kind, b.isoformat(), d and d.isoformat(), a, c, p and p.isoformat())
                    for lid, kind, b, d, a, c, p in _rows(leases, months)
                ),
            )
            raw.commit()
            cur.execute("ANALYZE")
    finally:
        raw.close()
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE rent_ledger_entry"))


def overview_queries(session: Session, lease_id: int) -> None:
    """What rent_overview asks the database for one lease (the 24 months up to today)."""
    first, last = window(TODAY)
    snapshot = overview_snapshot(session, lease_id, today=TODAY, first=first, last=last)
    assert len(snapshot.statement.months) == 24


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="sqlite:////tmp/rent_bench.db")
    parser.add_argument("--schema", default="", help="PostgreSQL schema to use (created)")
    parser.add_argument("--leases", type=int, default=50_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=1000)
    parser.add_argument("--reload", action="store_true")
    args = parser.parse_args()
    connect_args = {"options": f"-csearch_path={args.schema}"} if args.schema else {}
    engine = create_engine(args.url, connect_args=connect_args)
    if args.schema:
        with engine.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {args.schema}"))
    with engine.connect() as conn:
        try:
            rows = conn.execute(text("SELECT count(*) FROM rent_ledger_entry")).scalar_one()
        except Exception:  # noqa: BLE001 - no table yet
            rows = 0
    if args.reload or rows == 0:
        started = time.perf_counter()
        _load(engine, args.leases, args.years * 12)
        print(f"loaded in {time.perf_counter() - started:.0f} s")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT count(*) FROM rent_ledger_entry")).scalar_one()
    print(f"{engine.dialect.name}: {rows:,} ledger rows, {args.leases:,} leases")
    rng = random.Random(11)
    timings = []
    cpu = []  # this process's CPU time: shows the work when the machine is busy
    with Session(engine) as session:
        for _ in range(50):  # warm up
            overview_queries(session, rng.randint(1, args.leases))
        for _ in range(args.rounds):
            lease_id = rng.randint(1, args.leases)
            started, started_cpu = time.perf_counter(), time.thread_time()
            overview_queries(session, lease_id)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.thread_time() - started_cpu) * 1000)
            session.expunge_all()
    for name, values in (("wall", timings), ("client CPU", cpu)):
        values.sort()
        p = lambda q, v=values: v[min(len(v) - 1, int(q * len(v)))]  # noqa: E731
        print(
            f"overview query set, {args.rounds} random leases, {name}: p50 {p(0.5):.2f} ms, "
            f"p95 {p(0.95):.2f} ms, p99 {p(0.99):.2f} ms, mean {statistics.mean(values):.2f} ms"
        )
    print(f"load average during the run: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
