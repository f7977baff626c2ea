"""Resident register import errors in JSON and in-memory data: line numbers, overlaps."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from heka_app.models import Lease
from heka_app.services.common.payment_references import make_reference
from heka_app.services.erp_import.importer import import_register_data, import_register_file
from tests.services.erp_import.helpers import SAMPLE_JSON, is_empty, sample_data, snapshot


def record_line(text: str, *markers: str) -> int:
    """Line of the ``{`` opening the record whose first key's line holds the last marker.

    Earlier markers narrow the search (e.g. a lease, then one of its charges). The
    sample is dumped with indent=2, so each record's ``{`` is alone on the line above.
    """
    position = -1
    for marker in markers:
        position = text.index(marker, position + 1)
    line = text.count("\n", 0, position)  # the marker's line minus one, 1-based
    assert text.splitlines()[line - 1].strip() == "{"
    return line


def _set(data: dict, dotted: str, value) -> None:
    *parents, last = (int(k) if k.isdigit() else k for k in dotted.split("."))
    for key in parents:
        data = data[key]
    data[last] = value


# (dotted path to change, new value, text locating the record's first line, field, reason)
JSON_CASES = [
    (
        "leases.3.apartment_code",
        "9999-X-1",
        "HEKA-2026-0004",
        "apartment_code",
        "unknown apartment",
    ),
    ("apartments.0.property_code", "P9999", '"1001-A-1"', "property_code", "unknown property"),
    ("apartments.2.building_code", "C", '"1001-B-5"', "building_code", "unknown building 'C'"),
    ("properties.1.area_office_code", "X", '"P1002"', "area_office_code", "unknown area office"),
    (
        "leases.4.contract_number",
        "HEKA-2019-0001",
        ("HEKA-2019-0001",) * 2,
        "contract_number",
        "duplicate contract number, first on line",
    ),
    (
        "leases.4.payment_reference",
        "10011900011",
        ("HEKA-2023-0005",),
        "payment_reference",
        "duplicate payment reference",
    ),
    ("leases.0.charges.1.kind", "cleaning", '"cleaning"', "kind", "unknown charge kind"),
    (
        "leases.1.charges.0.amount_cents",
        -5,
        ("HEKA-2021-0002", '"rent"'),
        "amount_cents",
        "negative charge -5",
    ),
    (
        "leases.4.residents.1.identity_code",
        "210920A952X",
        "210920A952X",
        "identity_code",
        "invalid identity code",
    ),
    ("leases.3.residents.0.role", "co_resident", "HEKA-2026-0004", "residents", "needs a primary"),
    ("leases.1.end_on", "2026-06-30", "HEKA-2021-0002", "end_on", "unknown field"),
    ("leases.2.starts_on", "1.7.2026", "HEKA-2026-0003", "starts_on", "expected YYYY-MM-DD"),
    ("apartments.1.floor", "", '"1001-A-2"', "floor", "missing required field"),
]


@pytest.mark.parametrize(("path", "value", "markers", "field", "fragment"), JSON_CASES)
def test_json_error_is_reported_on_the_line_of_its_record(
    session, engine, tmp_path, path, value, markers, field, fragment
):
    data = sample_data()
    _set(data, path, value)
    markers = (markers,) if isinstance(markers, str) else markers
    text = json.dumps(data, ensure_ascii=False, indent=2)
    (tmp_path / "register.json").write_text(text, encoding="utf-8")

    report = import_register_file(
        tmp_path / "register.json", session=session, allow_test_codes=True
    )
    session.commit()

    assert [(e.line, e.field) for e in report.errors] == [(record_line(text, *markers), field)]
    assert fragment in report.errors[0].reason
    assert is_empty(engine)


def _lease(contract: str, apartment: str, starts: str, ends: str | None = None) -> dict:
    return {
        "contract_number": contract,
        "apartment_code": apartment,
        "signed_on": "2020-01-01",
        "starts_on": starts,
        "ends_on": ends,
        "payment_reference": make_reference(contract.replace("-", "")[-8:]),
        "residents": [
            {
                "identity_code": "010501E9032",
                "first_name": "Oskari",
                "last_name": "Nieminen",
                "role": "primary",
            },
        ],
    }


def test_overlap_with_leases_already_in_the_database(session, engine):
    assert import_register_file(SAMPLE_JSON, session=session, allow_test_codes=True).ok
    session.commit()
    before = snapshot(engine)

    # 1001-A-2 has HEKA-2021-0002 (ended 2026-06-30) and HEKA-2026-0003 (open) in the DB.
    report = import_register_data(
        {"leases": [_lease("HEKA-2026-0100", "1001-A-2", "2026-06-15")]},
        session=session,
        allow_test_codes=True,
    )
    session.commit()

    assert [(e.line, e.record, e.field) for e in report.errors] == [
        (None, "leases[0]", "starts_on"),
        (None, "leases[0]", "starts_on"),
    ]
    reasons = sorted(e.reason for e in report.errors)
    assert "'HEKA-2021-0002' (2021-03-01 - 2026-06-30)" in reasons[0]
    assert "'HEKA-2026-0003' (2026-07-01 - open)" in reasons[1]
    assert all("already in the database" in r for r in reasons)
    assert str(report.errors[0]).startswith("leases[0]: starts_on: overlaps")
    assert snapshot(engine) == before


def test_lease_may_start_the_day_after_the_previous_one_ends(session):
    assert import_register_file(SAMPLE_JSON, session=session, allow_test_codes=True).ok
    first = {"leases": [_lease("HEKA-2024-0200", "1001-B-6", "2024-01-01", "2024-12-31")]}
    assert import_register_data(first, session=session, allow_test_codes=True).ok

    touching = {"leases": [_lease("HEKA-2024-0201", "1001-B-6", "2024-12-31")]}
    report = import_register_data(touching, session=session, allow_test_codes=True)
    assert "overlaps lease 'HEKA-2024-0200'" in report.errors[0].reason

    after = {"leases": [_lease("HEKA-2025-0202", "1001-B-6", "2025-01-01")]}
    assert import_register_data(after, session=session, allow_test_codes=True).ok
    numbers = session.exec(select(Lease.contract_number).order_by(Lease.contract_number)).all()
    assert "HEKA-2024-0201" not in numbers and "HEKA-2025-0202" in numbers


def test_restated_lease_replaces_its_database_version_in_the_overlap_check(session):
    assert import_register_file(SAMPLE_JSON, session=session, allow_test_codes=True).ok
    data = sample_data()
    # HEKA-2026-0003 moves to start later and an earlier lease ends later: still no overlap
    # once the file's own dates are used instead of the database's.
    data["leases"][1]["ends_on"] = data["leases"][1]["residents"][0]["moved_out_on"] = "2026-07-31"
    data["leases"][2]["starts_on"] = "2026-08-01"

    report = import_register_data(data, session=session, allow_test_codes=True)

    assert report.ok, report.lines()
    assert report.leases.updated == 2


def test_json_lines_of_nested_records(session, tmp_path):
    text = (
        '{"leases": [\n'
        '  {"contract_number": "A-1", "apartment_code": "1001-A-1",\n'
        '   "signed_on": "2026-01-01", "starts_on": "2026-02-01",\n'
        '   "payment_reference": "123453", "residents": [\n'
        '     {"identity_code": "010594Y9032", "first_name": "Aino",\n'
        '      "last_name": "Virtanen", "role": "primary"},\n'
        '     {"identity_code": "not-a-code", "first_name": "X", "last_name": "Y",\n'
        '      "role": "lodger"}],\n'
        '   "charges": [{"kind": "rent", "amount_cents": "many"}]}\n'
        "]}\n"
    )
    path = tmp_path / "lines.json"
    path.write_text(text, encoding="utf-8")

    report = import_register_file(path, session=session, allow_test_codes=True)

    assert [(e.line, e.field) for e in report.errors] == [
        (2, "apartment_code"),
        (7, "identity_code"),
        (7, "role"),
        (9, "amount_cents"),
    ]
    assert report.errors[1].record == "leases[0].residents[1]"
    assert "not-a-code" not in str(report.errors[1])  # identity codes are never echoed


def test_invalid_json_reports_its_line(tmp_path, session):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "leases": [\n    {"contract_number": "A-1"\n    "x": 1}\n  ]\n}\n')

    report = import_register_file(path, session=session)

    assert [(e.line, e.field) for e in report.errors] == [(4, "(file)")]
    assert "invalid JSON" in report.errors[0].reason
