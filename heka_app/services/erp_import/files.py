"""Reading register export files (JSON and CSV) into the in-memory record shape.

Owns the two file formats and their line numbers. Both give the shape that
``import_register_data`` takes: ``{"area_offices": [...], "properties": [...],
"apartments": [...], "leases": [...]}``; every object read is a ``SourceRecord`` that
knows the line where it starts. See docs/register-import.md for the columns.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import json.decoder
import json.scanner
import re
from pathlib import Path
from typing import Any

from heka_app.services.erp_import.import_types import RowError, SourceRecord


class _LineTrackingDecoder(json.JSONDecoder):
    """Wraps every JSON object in a SourceRecord holding the line of its ``{``.

    The standard library reports no positions, but its pure-Python scanner calls the
    decoder's ``parse_object`` with the offset of each object, so we hook in there (the
    C scanner takes no hooks; the Python one is fast enough for register exports).
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

        def parse_object(s_and_end, strict, scan_once, object_hook, pairs_hook, memo=None):
            # JSONObject and py_make_scanner are undocumented, so typeshed omits them.
            obj, end = json.decoder.JSONObject(  # type: ignore[attr-defined]
                s_and_end, strict, scan_once, object_hook, pairs_hook, memo
            )
            brace = s_and_end[1] - 1
            return SourceRecord(obj, bisect.bisect_right(line_starts, brace)), end

        self.parse_object = parse_object
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]


def read_json(text: str) -> tuple[Any, list[RowError]]:
    """Parse JSON text, keeping each object's starting line.

    Returns:
        The data, and a one-item error list if the text is not valid JSON.
    """
    try:
        return _LineTrackingDecoder(text).decode(text), []
    except json.JSONDecodeError as exc:
        return None, [RowError(exc.lineno, "(file)", f"invalid JSON: {exc.msg}")]


# CSV column -> field, per record. Area offices are referenced by code only.
PROPERTY_COLUMNS = {
    "property_code": "code",
    "property_name": "name",
    "property_street_address": "street_address",
    "property_postal_code": "postal_code",
    "property_city": "city",
    "property_year_built": "year_built",
    "area_office_code": "area_office_code",
    **{n: n for n in ("manager_name", "manager_phone", "manager_email")},
    **{n: n for n in ("maintenance_company", "maintenance_phone", "emergency_phone")},
}
BUILDING_COLUMNS = {"building_code": "code", "building_street_address": "street_address"}
APARTMENT_COLUMNS = {
    "apartment_code": "code",
    "property_code": "property_code",
    "building_code": "building_code",
    "apartment_number": "number",
    **{n: n for n in ("floor", "rooms", "area_m2", "apartment_type")},
}
LEASE_COLUMNS = {
    "contract_number": "contract_number",
    "apartment_code": "apartment_code",
    **{n: n for n in ("signed_on", "starts_on", "ends_on", "payment_reference")},
}
RESIDENT_COLUMNS = {
    n: n
    for n in ("identity_code", "first_name", "last_name", "role", "moved_in_on", "moved_out_on")
}
_CHARGE_COLUMN = re.compile(r"charge_(\w+)_cents")
_OPTIONAL = {
    "property_year_built",
    "apartment_type",
    "ends_on",
    "moved_in_on",
    "moved_out_on",
    *(c for c in PROPERTY_COLUMNS if c.startswith(("manager", "maintenance", "emergency"))),
}
_GROUPS = (PROPERTY_COLUMNS, BUILDING_COLUMNS, APARTMENT_COLUMNS, LEASE_COLUMNS, RESIDENT_COLUMNS)
ALL_COLUMNS = {c for group in _GROUPS for c in group}
REQUIRED_COLUMNS = ALL_COLUMNS - _OPTIONAL


class _CsvMerger:
    """Turns flat rows into nested records, one per natural key; repeats must agree."""

    def __init__(self, charge_columns: dict[str, str]) -> None:
        self.charge_columns = charge_columns
        self.errors: list[RowError] = []
        self.records: dict[tuple, tuple[SourceRecord, dict[str, str]]] = {}
        self.data: dict[str, list] = {"properties": [], "apartments": [], "leases": []}

    def _merge(
        self,
        kind: str,
        key: tuple,
        row: dict,
        line: int,
        columns: dict,
        section: list,
        compare_also: tuple = (),
    ) -> SourceRecord:
        values = {c: row.get(c, "") for c in (*columns, *compare_also)}
        found = self.records.get((kind, key)) if all(key) else None
        if found is None:
            record = SourceRecord(
                {field: values[c] for c, field in columns.items()},
                line,
                {field: c for c, field in columns.items()},
            )
            section.append(record)
            if all(key):
                self.records[(kind, key)] = (record, values)
            return record
        record, first_values = found
        for column, value in values.items():
            if first_values[column] != value:
                reason = f"differs from line {record.line} for the same {kind} {key[-1]!r}"
                self.errors.append(RowError(line, column, reason))
        return record

    def add_row(self, row: dict[str, str], line: int) -> None:
        """Merge one CSV row (one resident of a lease, or a vacant apartment)."""
        prop_key = (row.get("property_code", ""),)
        prop = self._merge(
            "property", prop_key, row, line, PROPERTY_COLUMNS, self.data["properties"]
        )
        buildings = prop.setdefault("buildings", [])
        building_key = (*prop_key, row.get("building_code", ""))
        self._merge("building", building_key, row, line, BUILDING_COLUMNS, buildings)
        apartment_key = (row.get("apartment_code", ""),)
        self._merge(
            "apartment", apartment_key, row, line, APARTMENT_COLUMNS, self.data["apartments"]
        )
        lease_columns = (*LEASE_COLUMNS, *RESIDENT_COLUMNS, *self.charge_columns)
        if not any(row.get(c) for c in lease_columns if c != "apartment_code"):
            return  # a vacant apartment: no lease on this row
        lease_key = (row.get("contract_number", ""),)
        before = len(self.data["leases"])
        lease = self._merge(
            "lease",
            lease_key,
            row,
            line,
            LEASE_COLUMNS,
            self.data["leases"],
            tuple(self.charge_columns),
        )
        if len(self.data["leases"]) > before:  # first row of this lease: its charges
            lease["charges"] = [
                SourceRecord(
                    {"kind": kind, "amount_cents": row[c]},
                    line,
                    dict.fromkeys(("kind", "amount_cents"), c),
                )
                for c, kind in self.charge_columns.items()
                if row.get(c)
            ]
            lease["residents"] = []
        resident = SourceRecord(
            {field: row.get(c, "") for c, field in RESIDENT_COLUMNS.items()},
            line,
            {field: c for c, field in RESIDENT_COLUMNS.items()},
        )
        lease["residents"].append(resident)


def read_csv(text: str) -> tuple[Any, list[RowError]]:
    """Parse a flat CSV export (one row per resident of a lease) into records.

    The delimiter is ``,`` or, if the header has more of them, ``;`` (Finnish Excel).
    Line numbers are physical lines: the header is line 1 and a row with a quoted line
    break counts from the line where it starts.

    Returns:
        The records (None if the header is unusable) and the errors found while
        reading: header problems and rows whose repeated columns disagree.
    """
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [cell.strip() for cell in next(reader, [])]
    errors = []
    charge_columns = {}
    for index, column in enumerate(header):
        match = _CHARGE_COLUMN.fullmatch(column)
        if column in header[:index]:
            errors.append(RowError(1, column, "column given twice"))
        elif match:
            charge_columns[column] = match.group(1)
        elif column not in ALL_COLUMNS:
            errors.append(RowError(1, column, "unknown column"))
    for column in sorted(REQUIRED_COLUMNS - set(header)):
        errors.append(RowError(1, column, "missing required column"))
    if errors:
        return None, errors  # the rows cannot be read reliably
    merger = _CsvMerger(charge_columns)
    line = reader.line_num + 1
    try:
        for cells in reader:
            if len(cells) != len(header) and any(cell.strip() for cell in cells):
                reason = f"has {len(cells)} cells but the header has {len(header)}"
                merger.errors.append(RowError(line, "(row)", reason))
            elif any(cell.strip() for cell in cells):
                merger.add_row({h: c.strip() for h, c in zip(header, cells, strict=True)}, line)
            line = reader.line_num + 1
    except csv.Error as exc:
        merger.errors.append(RowError(line, "(file)", f"invalid CSV: {exc}"))
    return merger.data, merger.errors


def read_register_file(path: Path) -> tuple[Any, list[RowError]]:
    """Read a ``.json`` or ``.csv`` register export.

    Returns:
        The records in the shape ``import_register_data`` takes (None if the file
        could not be read at all) and the errors found while reading.
    """
    try:
        # utf-8-sig: spreadsheet programs put a byte order mark in front of CSV files.
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        return None, [RowError(None, "(file)", f"cannot read {path}: {exc.strerror or exc}")]
    except UnicodeDecodeError:
        return None, [RowError(None, "(file)", "not UTF-8 text")]
    suffix = path.suffix.lower()
    if suffix == ".json":
        return read_json(text)
    if suffix == ".csv":
        return read_csv(text)
    return None, [RowError(None, "(file)", f"unknown file type {suffix!r}, expected .json or .csv")]
