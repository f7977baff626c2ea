"""``heka import-ledger FILE``: the ERP's rent ledger into ``rent_ledger_entry``.

Same shape as the register import (services/erp_import): read the file, check every
row, and only if nothing is wrong write them all; errors by line; a summary at the end.
Rows are matched by the ERP's row id, so the same file twice changes nothing and a
corrected row updates its entry. Flushed, never committed: the caller commits.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from sqlmodel import Session, col, select

from heka_app.models import Lease, RentLedgerEntry
from heka_app.services.erp_import.import_types import EntityCounts, RowError, SourceRecord
from heka_app.services.rent.import_rows import LedgerRow, check_row, read_ledger_file

_CHUNK = 500
_FIELDS = (
    "kind",
    "charge_kind",
    "period",
    "due_on",
    "booked_on",
    "amount_cents",
    "reference",
    "payer",
    "description",
)


@dataclasses.dataclass(frozen=True)
class LedgerImportReport:
    """What an import did, or why it did nothing (``errors``)."""

    errors: tuple[RowError, ...] = ()
    source: str = ""
    dry_run: bool = False
    entries: EntityCounts = EntityCounts()

    @property
    def ok(self) -> bool:
        """No errors: the rows were (or in a dry run could be) written."""
        return not self.errors

    def lines(self) -> list[str]:
        """Human-readable English lines for the command line."""
        source = f" of {self.source}" if self.source else ""
        if not self.ok:
            plural = "error" if len(self.errors) == 1 else "errors"
            head = f"Ledger import{source} failed: {len(self.errors)} {plural}, nothing written."
            return [head, *(f"  {error}" for error in self.errors)]
        done = "checked (dry run, nothing written)" if self.dry_run else "done"
        c = self.entries
        return [
            f"Ledger import{source} {done}:",
            f"  ledger entries: {c.created} created, {c.updated} updated, {c.unchanged} unchanged",
        ]


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _lease_ids(session: Session, numbers: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(numbers)):
        rows = session.exec(
            select(Lease.contract_number, Lease.id).where(col(Lease.contract_number).in_(chunk))
        ).all()
        found.update({number: lease_id for number, lease_id in rows if lease_id is not None})
    return found


def _existing(session: Session, row_ids: list[str]) -> dict[str, RentLedgerEntry]:
    found: dict[str, RentLedgerEntry] = {}
    for chunk in _chunks(row_ids):
        rows = session.exec(
            select(RentLedgerEntry).where(col(RentLedgerEntry.erp_row_id).in_(chunk))
        ).all()
        found.update({row.erp_row_id: row for row in rows if row.erp_row_id})
    return found


def import_ledger_records(
    records: list[SourceRecord],
    *,
    session: Session,
    dry_run: bool = False,
    source: str = "",
    read_errors: Iterable[RowError] = (),
) -> LedgerImportReport:
    """Check every record and, only if all are valid, create or update their entries."""
    errors = list(read_errors)
    rows: list[LedgerRow] = []
    first_line: dict[str, int | None] = {}
    for record in records:
        row = check_row(record, errors)
        if row is None:
            continue
        if row.row_id in first_line:
            where = first_line[row.row_id]
            errors.append(RowError(row.line, "row_id", f"repeats the row id of line {where}"))
            continue
        first_line[row.row_id] = row.line
        rows.append(row)
    leases = _lease_ids(session, {row.contract_number for row in rows})
    for row in rows:
        if row.contract_number not in leases:
            errors.append(RowError(row.line, "contract_number", "no such lease in the register"))
    if errors:
        ordered = sorted(errors, key=lambda e: (e.line is None, e.line or 0))
        return LedgerImportReport(tuple(ordered), source, dry_run)
    existing = _existing(session, [row.row_id for row in rows])
    created = updated = unchanged = 0
    for row in rows:
        values = {name: getattr(row, name) for name in _FIELDS}
        values["lease_id"] = leases[row.contract_number]
        entry = existing.get(row.row_id)
        if entry is None:
            created += 1
            if not dry_run:
                session.add(RentLedgerEntry(erp_row_id=row.row_id, **values))
        elif any(getattr(entry, name) != value for name, value in values.items()):
            updated += 1
            if not dry_run:
                for name, value in values.items():
                    setattr(entry, name, value)
                session.add(entry)
        else:
            unchanged += 1
    if not dry_run:
        session.flush()
    counts = EntityCounts(created, updated, unchanged)
    return LedgerImportReport(source=source, dry_run=dry_run, entries=counts)


def import_ledger_file(
    path: Path, *, session: Session, dry_run: bool = False
) -> LedgerImportReport:
    """Import a ``.csv`` or ``.json`` ledger export (see services/rent/import_rows.py)."""
    records, read_errors = read_ledger_file(Path(path))
    if read_errors and not records:
        return LedgerImportReport(tuple(read_errors), str(path), dry_run)
    return import_ledger_records(
        records, session=session, dry_run=dry_run, source=str(path), read_errors=read_errors
    )
