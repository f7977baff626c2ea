"""``heka import-ledger``: idempotent by row id, errors by line, all or nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlmodel import select

from heka_app.cli import main
from heka_app.models import Lease, RentLedgerEntry
from heka_app.services.rent.ledger_import import import_ledger_file
from tests.factories import make_lease

HEADER = "row_id;contract_number;type;charge_kind;period;due_on;booked_on;amount;reference;payer"


@pytest.fixture
def lease(session, now) -> Lease:
    lease = make_lease(session, now=now)
    session.commit()
    return lease


def _csv(tmp_path, lease, *rows, name="ledger.csv"):
    lines = [
        HEADER,
        *(row.format(c=lease.contract_number, r=lease.payment_reference) for row in rows),
    ]
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = (
    "R1;{c};charge;rent;2026-11;2026-11-02;2026-11-01;612,50;;",
    "R2;{c};charge;water;2026-11;2026-11-02;2026-11-01;19,00;;",
    "R3;{c};payment;;;;2.11.2026;631,50;{r};Testi Testinen",
    "R4;{c};charge;interest;2026-11;2026-11-30;2026-11-15;1,23;;",
)


def _entries(session):
    session.expire_all()
    return {e.erp_row_id: e for e in session.exec(select(RentLedgerEntry)).all()}


def test_csv_import_writes_cents_with_the_ledgers_sign(session, tmp_path, lease):
    report = import_ledger_file(_csv(tmp_path, lease, *GOOD), session=session)
    session.commit()
    assert report.ok and (report.entries.created, report.entries.updated) == (4, 0)
    rows = _entries(session)
    assert rows["R1"].amount_cents == 61250 and rows["R1"].period == dt.date(2026, 11, 1)
    assert rows["R3"].amount_cents == -63150 and rows["R3"].booked_on == dt.date(2026, 11, 2)
    assert rows["R3"].payer == "Testi Testinen" and rows["R3"].reference == lease.payment_reference
    assert rows["R4"].charge_kind == "interest" and rows["R4"].amount_cents == 123


def test_same_file_twice_changes_nothing_and_a_corrected_row_updates(session, tmp_path, lease):
    path = _csv(tmp_path, lease, *GOOD)
    import_ledger_file(path, session=session)
    session.commit()
    again = import_ledger_file(path, session=session)
    assert (again.entries.created, again.entries.updated, again.entries.unchanged) == (0, 0, 4)
    fixed = _csv(tmp_path, lease, GOOD[0].replace("612,50", "615,00"), name="fixed.csv")
    report = import_ledger_file(fixed, session=session)
    session.commit()
    assert (report.entries.created, report.entries.updated) == (0, 1)
    assert _entries(session)["R1"].amount_cents == 61500 and len(_entries(session)) == 4


def test_errors_by_line_and_nothing_written(session, tmp_path, lease):
    path = _csv(
        tmp_path,
        lease,
        GOOD[0],
        "R2;{c};charge;laundry;2026-11;2026-11-02;2026-11-01;10;;",
        "R3;HK-NOPE;payment;;;;2026-11-02;10,00;;",
        "R4;{c};payment;;;;2026-13-02;-5;123456;",
        "R1;{c};credit;;;;2026-11-02;1,005;;",
    )
    report = import_ledger_file(path, session=session)
    session.commit()
    assert not report.ok and _entries(session) == {}
    found = {(e.line, e.field) for e in report.errors}
    assert found == {
        (3, "charge_kind"),
        (4, "contract_number"),
        (5, "booked_on"),
        (5, "amount"),
        (5, "reference"),
        (6, "amount"),
    }
    assert report.lines()[0].endswith("6 errors, nothing written.")


def test_json_amounts_are_decimals_and_lines_are_kept(session, tmp_path, lease):
    entries = [
        {"row_id": "J1", "contract_number": lease.contract_number, "type": "charge",
         "charge_kind": "rent", "period": "2026-11", "due_on": "2026-11-02",
         "booked_on": "2026-11-01", "amount": 612.10},
        {"row_id": "J2", "contract_number": lease.contract_number, "type": "payment",
         "booked_on": "2026-11-02", "amount": "abc"},
    ]  # fmt: skip
    path = tmp_path / "ledger.json"
    path.write_text(json.dumps({"entries": entries}, indent=1), encoding="utf-8")
    report = import_ledger_file(path, session=session)
    assert [(e.field, e.line) for e in report.errors] == [("amount", 13)]
    entries[1]["amount"] = 612.10
    path.write_text(json.dumps({"entries": entries}, indent=1), encoding="utf-8")
    assert import_ledger_file(path, session=session).ok
    session.commit()
    assert _entries(session)["J1"].amount_cents == 61210  # not 61209 from a float


def test_the_command_prints_a_summary(session, tmp_path, lease, capsys):
    path = _csv(tmp_path, lease, *GOOD)
    assert main(["import-ledger", str(path)]) == 0
    assert "4 created, 0 updated, 0 unchanged" in capsys.readouterr().out
    bad = _csv(tmp_path, lease, "R9;{c};charge;rent;;;2026-11-01;1;;", name="bad.csv")
    assert main(["import-ledger", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "line 2: period: a charge needs it" in out and "nothing written" in out
