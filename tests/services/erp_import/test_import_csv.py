"""Resident register import from CSV: each bad row on its physical line, nothing written."""

from __future__ import annotations

import pytest

from heka_app.services.erp_import.importer import import_register_data, import_register_file
from tests.services.erp_import.helpers import (
    ERRORS_CSV,
    SAMPLE_JSON,
    csv_rows,
    sample_data,
    snapshot,
    write_csv,
)


@pytest.fixture
def offices_only(session):
    """A database with the sample's two area offices, which CSV files refer to."""
    assert import_register_data({"area_offices": sample_data()["area_offices"]}, session=session).ok
    session.commit()
    return session


def test_error_sample_reports_each_bad_row_and_writes_nothing(session, engine):
    assert import_register_file(SAMPLE_JSON, session=session, allow_test_codes=True).ok
    session.commit()
    before = snapshot(engine)

    report = import_register_file(ERRORS_CSV, session=session, allow_test_codes=True)
    session.commit()

    expected = [
        (3, "identity_code", "invalid identity code"),
        (4, "starts_on", "bad date '2024-02-30'"),
        (5, "starts_on", "before it is signed"),
        (6, "payment_reference", "wrong check digit"),
        (7, "role", "unknown resident role 'tenant'"),
        (8, "charge_rent_cents", "negative charge"),
        (9, "charge_cleaning_cents", "unknown charge kind 'cleaning'"),
        (10, "starts_on", "overlaps lease 'HEKA-2019-0001' (line 2)"),
        (11, "ends_on", "before it starts"),
        (12, "first_name", "missing required field"),
        (13, "area_office_code", "unknown area office 'HEKA-POHJOINEN'"),
    ]
    assert [(e.line, e.field) for e in report.errors] == [(ln, f) for ln, f, _ in expected]
    for error, (_, _, fragment) in zip(report.errors, expected, strict=True):
        assert fragment in error.reason
    assert not report.ok
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    ("row", "column", "value", "fragment"),
    [
        (1, "identity_code", "120388-9042", "invalid identity code"),
        (4, "signed_on", "2026-13-01", "bad date"),
        (5, "starts_on", "2026-11-01", "before it is signed (2026-11-20)"),
        (3, "ends_on", "2021-02-28", "before it starts"),
        (4, "payment_reference", "10012600036", "wrong check digit"),
        (5, "role", "tenant", "unknown resident role"),
        (5, "charge_water_cents", "-2300", "negative charge"),
        (5, "first_name", "", "missing required field"),
        (6, "area_m2", "lots", "not a number"),
        # The old lease ends on 2026-06-30, its last day: starting that day overlaps.
        (4, "starts_on", "2026-06-30", "overlaps lease 'HEKA-2021-0002' (line 5)"),
        (5, "area_office_code", "HEKA-KAAKKO", "differs from line 2 for the same property"),
    ],
)
def test_csv_error_is_reported_on_its_line(
    offices_only, engine, tmp_path, row, column, value, fragment
):
    rows = csv_rows()
    rows[row][column] = value
    path = write_csv(tmp_path / "register.csv", rows)

    report = import_register_file(path, session=offices_only, allow_test_codes=True)
    offices_only.commit()

    assert [(e.line, e.field) for e in report.errors] == [(row + 2, column)]
    assert fragment in report.errors[0].reason
    assert len(snapshot(engine)["property"]) == 0


def test_csv_header_problems_are_on_line_1(tmp_path, offices_only):
    rows = [{("floors" if k == "floor" else k): v for k, v in row.items()} for row in csv_rows()]
    report = import_register_file(write_csv(tmp_path / "r.csv", rows), session=offices_only)

    assert [(e.line, e.field, e.reason) for e in report.errors] == [
        (1, "floors", "unknown column"),
        (1, "floor", "missing required column"),
    ]


def test_semicolon_csv_and_quoted_line_breaks(tmp_path, offices_only, engine):
    rows = csv_rows()
    rows[6]["apartment_type"] = "2h+k\n"  # a quoted line break: row 7 spans two lines
    rows[7]["role"] = "tenant"
    path = write_csv(tmp_path / "r.csv", rows, delimiter=";")

    report = import_register_file(path, session=offices_only, allow_test_codes=True)

    # Header line 1, rows from line 2; row 7 takes lines 8-9, so row 8 starts on line 10.
    assert [(e.line, e.field) for e in report.errors] == [(10, "role")]
    rows[7]["role"] = "primary"
    write_csv(path, rows, delimiter=";")
    assert import_register_file(path, session=offices_only, allow_test_codes=True).ok
