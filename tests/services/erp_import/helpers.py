"""Shared data and helpers of the register import tests (sample files, table snapshots)."""

from __future__ import annotations

import csv
import io
import json

from sqlmodel import Session, select

from heka_app.models import (
    Apartment,
    AreaOffice,
    Building,
    Lease,
    LeaseCharge,
    LeaseResident,
    Person,
    Property,
)
from heka_app.settings import PROJECT_ROOT

DATA = PROJECT_ROOT / "data"
SAMPLE_JSON = DATA / "sample_register.json"
SAMPLE_CSV = DATA / "sample_register.csv"
ERRORS_CSV = DATA / "sample_register_errors.csv"
TABLES = (AreaOffice, Property, Building, Apartment, Person, Lease, LeaseResident, LeaseCharge)
# Records in the sample files, by ImportReport entity.
SAMPLE_TOTALS = {
    "area_offices": 2,
    "properties": 2,
    "buildings": 3,
    "apartments": 6,
    "persons": 8,
    "leases": 5,
    "lease_residents": 8,
    "lease_charges": 14,
}


def snapshot(engine) -> dict[str, list]:
    """Every row of every register table, read through a fresh session."""
    with Session(engine) as fresh:
        return {
            model.__tablename__: sorted(
                (row.model_dump() for row in fresh.exec(select(model))), key=repr
            )
            for model in TABLES
        }


def is_empty(engine) -> bool:
    """True if no register table has a row."""
    return all(rows == [] for rows in snapshot(engine).values())


def sample_data() -> dict:
    """The sample JSON as plain dicts, to change before importing."""
    return json.loads(SAMPLE_JSON.read_text(encoding="utf-8"))


def csv_rows() -> list[dict[str, str]]:
    """The sample CSV's rows; index i is on line i + 2."""
    return list(csv.DictReader(io.StringIO(SAMPLE_CSV.read_text(encoding="utf-8"))))


def write_csv(path, rows: list[dict[str, str]], delimiter: str = ","):
    """Write rows with their keys as the header; returns ``path``."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path
