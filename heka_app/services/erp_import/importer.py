"""Import of Heka's resident register (ERP export): the public API and the writing.

Owns ``import_register_file`` / ``import_register_data`` and ``ImportReport``. The
ERP is the source of truth for area offices, properties, buildings, apartments,
leases, people, lease residents and charges: every record is matched by its natural
key and created or updated. Nothing missing from the file is deleted. Everything is
validated first (``register_rows``, ``register_records``, ``register_checks``); if
anything is wrong nothing is written. Writes are flushed, never committed: the
caller's ``session_scope`` commits.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlmodel import Session

from heka_app.services.erp_import.apply import ENTITIES, apply_register
from heka_app.services.erp_import.checks import check_register
from heka_app.services.erp_import.files import read_register_file
from heka_app.services.erp_import.import_types import EntityCounts, ErrorSink, RowError
from heka_app.services.erp_import.records import parse_register
from heka_app.settings import get_settings

__all__ = [
    "EntityCounts",
    "ImportReport",
    "RowError",
    "import_register_data",
    "import_register_file",
]

ENTITY_LABELS = {name: name.replace("_", " ") for name in ENTITIES}


@dataclasses.dataclass(frozen=True)
class ImportReport:
    """What an import did, or would do in a dry run, or why it did nothing.

    Attributes:
        errors: Every problem found, by line; empty when the import is ok.
        dry_run: True if nothing was written on purpose.
        source: The file name, for messages.
        area_offices ... lease_charges: Created, updated and unchanged counts.
    """

    errors: tuple[RowError, ...] = ()
    dry_run: bool = False
    source: str = ""
    area_offices: EntityCounts = EntityCounts()
    properties: EntityCounts = EntityCounts()
    buildings: EntityCounts = EntityCounts()
    apartments: EntityCounts = EntityCounts()
    persons: EntityCounts = EntityCounts()
    leases: EntityCounts = EntityCounts()
    lease_residents: EntityCounts = EntityCounts()
    lease_charges: EntityCounts = EntityCounts()

    @property
    def ok(self) -> bool:
        """True if there were no errors (and so the import was, or could be, applied)."""
        return not self.errors

    @property
    def changed(self) -> bool:
        """True if anything was (or in a dry run would be) created or updated."""
        return any(c.created or c.updated for _, c in self.counts())

    def counts(self) -> tuple[tuple[str, EntityCounts], ...]:
        """``(entity, counts)`` pairs in import order, e.g. ``("leases", ...)``."""
        return tuple((name, getattr(self, name)) for name in ENTITY_LABELS)

    def lines(self) -> list[str]:
        """Human-readable English lines for the command line."""
        source = f" of {self.source}" if self.source else ""
        if not self.ok:
            plural = "error" if len(self.errors) == 1 else "errors"
            head = f"Register import{source} failed: {len(self.errors)} {plural}, nothing written."
            return [head, *(f"  {error}" for error in self.errors)]
        if self.dry_run:
            head = f"Register import{source} checked (dry run, nothing written):"
        else:
            head = f"Register import{source} done:"
        body = [
            f"  {ENTITY_LABELS[name]}: {c.created} created, {c.updated} updated, "
            f"{c.unchanged} unchanged"
            for name, c in self.counts()
        ]
        return [head, *body]


def _sorted(errors: list[RowError]) -> tuple[RowError, ...]:
    # File order; in-memory records (no line) keep the order they were found in.
    return tuple(sorted(errors, key=lambda e: (e.line is None, e.line or 0)))


def _import(
    records: Any,
    *,
    session: Session,
    dry_run: bool,
    allow_test_codes: bool | None,
    source: str,
    read_errors: list[RowError],
) -> ImportReport:
    if allow_test_codes is None:
        allow_test_codes = get_settings().allow_test_identity_codes
    sink = ErrorSink()
    sink.errors.extend(read_errors)
    parsed = parse_register(records, allow_test_codes=allow_test_codes, sink=sink)
    check_register(parsed, session=session, sink=sink)
    if sink.errors:
        # Nothing has been added to the session yet: validation only reads.
        return ImportReport(errors=_sorted(sink.errors), dry_run=dry_run, source=source)
    # Keyed by ENTITIES, the names of ImportReport's count fields (mypy cannot see that).
    counts: dict[str, Any] = apply_register(parsed, session=session, dry_run=dry_run)
    return ImportReport(dry_run=dry_run, source=source, **counts)


def import_register_data(
    records: Mapping[str, Any],
    *,
    session: Session,
    dry_run: bool = False,
    allow_test_codes: bool | None = None,
) -> ImportReport:
    """Validate register records and, only if every one is valid, write them all.

    Args:
        records: ``{"area_offices": [...], "properties": [...], "apartments": [...],
            "leases": [...]}`` as described in docs/register-import.md. Plain dicts
            are located by path in errors (``leases[3]``); ``SourceRecord`` dicts
            (as read from a file) by line.
        session: The session to write through; flushed, not committed.
        dry_run: Validate and count, but write nothing.
        allow_test_codes: Accept DVV test identity codes (individual number 900-999);
            None means the ``allow_test_identity_codes`` setting.

    Returns:
        The report. If ``report.ok`` is False, nothing was added to the session.
    """
    return _import(
        records,
        session=session,
        dry_run=dry_run,
        allow_test_codes=allow_test_codes,
        source="",
        read_errors=[],
    )


def import_register_file(
    path: Path,
    *,
    session: Session,
    dry_run: bool = False,
    allow_test_codes: bool | None = None,
) -> ImportReport:
    """Import a ``.json`` or ``.csv`` register export (see docs/register-import.md).

    Args:
        path: The export file.
        session: The session to write through; flushed, not committed.
        dry_run: Validate and count, but write nothing.
        allow_test_codes: Accept DVV test identity codes; None means the setting.

    Returns:
        The report; errors carry the line of the file where the bad record starts.
    """
    records, read_errors = read_register_file(Path(path))
    if records is None:
        return ImportReport(errors=_sorted(read_errors), dry_run=dry_run, source=str(path))
    return _import(
        records,
        session=session,
        dry_run=dry_run,
        allow_test_codes=allow_test_codes,
        source=str(path),
        read_errors=read_errors,
    )
