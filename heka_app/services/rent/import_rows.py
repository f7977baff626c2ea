"""Reading and checking the ERP's ledger export, row by row (no database access).

One record per ledger row, the same fields in CSV columns and JSON keys:
``row_id, contract_number, type (charge|payment|credit), charge_kind, period (YYYY-MM),
due_on, booked_on, amount (euros, "612,50" or "612.50", positive), reference, payer,
description``. JSON numbers are read as Decimal, never float.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json.scanner
from decimal import Decimal
from pathlib import Path
from typing import Any

from heka_app.models.ledger import LEDGER_CHARGE_KINDS, LEDGER_KINDS
from heka_app.services.common.payment_references import InvalidReference, normalize_reference
from heka_app.services.erp_import.files import _LineTrackingDecoder
from heka_app.services.erp_import.import_types import RowError, SourceRecord
from heka_app.services.rent.money import InvalidAmount, parse_euros, to_cents

COLUMNS = (
    "row_id",
    "contract_number",
    "type",
    "charge_kind",
    "period",
    "due_on",
    "booked_on",
    "amount",
    "reference",
    "payer",
    "description",
)
REQUIRED = {"row_id", "contract_number", "type", "booked_on", "amount"}


@dataclasses.dataclass(frozen=True)
class LedgerRow:
    """A checked row, ready to write. ``amount_cents`` has the ledger's sign."""

    line: int | None
    row_id: str
    contract_number: str
    kind: str
    charge_kind: str | None
    period: dt.date | None
    due_on: dt.date | None
    booked_on: dt.date
    amount_cents: int
    reference: str
    payer: str
    description: str


def _date(text: str) -> dt.date:
    text = text.strip()
    if "." in text:  # 2.11.2026, as Finnish spreadsheets write it
        return dt.datetime.strptime(text, "%d.%m.%Y").date()
    return dt.date.fromisoformat(text)


def read_ledger_text(text: str, suffix: str) -> tuple[list[SourceRecord], list[RowError]]:
    """Records from ``.csv`` (``,`` or ``;``) or ``.json`` text, each knowing its line."""
    if suffix == ".json":
        decoder = _LineTrackingDecoder(text)
        decoder.parse_float = Decimal
        decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
        try:
            data: Any = decoder.decode(text)
        except ValueError as exc:
            return [], [RowError(getattr(exc, "lineno", None), "(file)", f"invalid JSON: {exc}")]
        items = data.get("entries") if isinstance(data, dict) else data
        if not isinstance(items, list):
            return [], [RowError(1, "(file)", 'expected a list or {"entries": [...]}')]
        good = [item for item in items if isinstance(item, SourceRecord)]
        if len(good) < len(items):
            return good, [RowError(1, "(file)", "an entry is not an object")]
        return good, []
    if suffix != ".csv":
        reason = f"unknown file type {suffix!r}, expected .json or .csv"
        return [], [RowError(None, "(file)", reason)]
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [cell.strip() for cell in next(reader, [])]
    errors = [RowError(1, c, "unknown column") for c in header if c not in COLUMNS]
    errors += [RowError(1, c, "missing required column") for c in sorted(REQUIRED - set(header))]
    if errors:
        return [], errors
    records = []
    line = reader.line_num + 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                if len(cells) != len(header):
                    reason = f"has {len(cells)} cells but the header has {len(header)}"
                    errors.append(RowError(line, "(row)", reason))
                else:
                    records.append(SourceRecord(dict(zip(header, cells, strict=True)), line))
            line = reader.line_num + 1
    except csv.Error as exc:
        errors.append(RowError(line, "(file)", f"invalid CSV: {exc}"))
    return records, errors


def read_ledger_file(path: Path) -> tuple[list[SourceRecord], list[RowError]]:
    """Records of a ``.csv`` or ``.json`` export file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        return [], [RowError(None, "(file)", f"cannot read {path}: {exc.strerror or exc}")]
    except UnicodeDecodeError:
        return [], [RowError(None, "(file)", "not UTF-8 text")]
    return read_ledger_text(text, path.suffix.lower())


def check_row(record: SourceRecord, errors: list[RowError]) -> LedgerRow | None:
    """A checked row, or None after adding what is wrong with it to ``errors``."""
    line = record.line
    before = len(errors)

    def text(name: str) -> str:
        value = record.get(name)
        return "" if value is None else str(value).strip()

    def fail(name: str, reason: str) -> None:
        errors.append(RowError(line, name, reason))

    for name in REQUIRED:
        if not text(name):
            fail(name, "missing")
    kind = text("type")
    if kind and kind not in LEDGER_KINDS:
        fail("type", f"must be one of {', '.join(LEDGER_KINDS)}")
    dates: dict[str, dt.date | None] = {}
    for name in ("booked_on", "due_on"):
        try:
            dates[name] = _date(text(name)) if text(name) else None
        except ValueError:
            fail(name, "not a date (YYYY-MM-DD or D.M.YYYY)")
    period = None
    if text("period"):
        try:
            period = dt.datetime.strptime(text("period")[:7], "%Y-%m").date()
        except ValueError:
            fail("period", "not a month (YYYY-MM)")
    cents = 0
    if text("amount"):
        raw = record.get("amount")
        try:
            cents = to_cents(parse_euros(raw if isinstance(raw, int | Decimal) else text("amount")))
        except InvalidAmount as exc:
            fail("amount", str(exc))
        else:
            if cents <= 0:
                fail("amount", "must be more than zero (the type gives the sign)")
    charge_kind = text("charge_kind") or None
    if kind == "charge":
        if charge_kind not in LEDGER_CHARGE_KINDS:
            fail("charge_kind", f"a charge needs one of {', '.join(LEDGER_CHARGE_KINDS)}")
        for name, value in (("period", period), ("due_on", dates.get("due_on"))):
            if value is None and text(name) == "":
                fail(name, "a charge needs it")
    elif charge_kind:
        fail("charge_kind", "only charges have a charge kind")
    reference = text("reference")
    if reference:
        try:
            reference = normalize_reference(reference)
        except InvalidReference as exc:
            fail("reference", f"not a payment reference: {exc}")
    for name, limit in (("row_id", 40), ("payer", 120), ("description", 200)):
        if len(text(name)) > limit:
            fail(name, f"longer than {limit} characters")
    if len(errors) > before:
        return None
    booked_on = dates["booked_on"]
    assert booked_on is not None  # noqa: S101 - required, checked above
    return LedgerRow(
        line=line,
        row_id=text("row_id"),
        contract_number=text("contract_number"),
        kind=kind,
        charge_kind=charge_kind if kind == "charge" else None,
        period=period,
        due_on=dates.get("due_on"),
        booked_on=booked_on,
        amount_cents=cents if kind == "charge" else -cents,
        reference=reference,
        payer=text("payer"),
        description=text("description"),
    )
