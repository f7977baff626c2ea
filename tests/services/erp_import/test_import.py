"""Resident register import: sample files, idempotency, updates, dry run and the CLI."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

from sqlmodel import Session, select

from heka_app.cli import main
from heka_app.models import (
    Apartment,
    AreaOffice,
    Lease,
    LeaseCharge,
    LeaseResident,
    Person,
    Property,
)
from heka_app.services.common.payment_references import make_reference
from heka_app.services.erp_import import importer as register_import
from heka_app.services.erp_import.importer import import_register_data, import_register_file
from heka_app.settings import get_settings
from tests.services.erp_import.helpers import (
    ERRORS_CSV,
    SAMPLE_CSV,
    SAMPLE_JSON,
    SAMPLE_TOTALS,
    is_empty,
    sample_data,
    snapshot,
)


def created(report) -> dict[str, int]:
    return {name: counts.created for name, counts in report.counts()}


def test_sample_json_creates_the_register(session, engine):
    report = import_register_file(SAMPLE_JSON, session=session, allow_test_codes=True)
    session.commit()

    assert report.ok, report.lines()
    assert created(report) == SAMPLE_TOTALS
    assert {k: len(v) for k, v in snapshot(engine).items()} == {
        "area_office": 2,
        "property": 2,
        "building": 3,
        "apartment": 6,
        "person": 8,
        "lease": 5,
        "lease_resident": 8,
        "lease_charge": 14,
    }
    ended = session.exec(select(Lease).where(Lease.contract_number == "HEKA-2021-0002")).one()
    assert ended.ends_on == dt.date(2026, 6, 30)
    assert session.get(Apartment, ended.apartment_id).code == "1001-A-2"
    child = session.exec(select(Person).where(Person.identity_code == "020516C903K")).one()
    assert child.birth_date == dt.date(2016, 5, 2)
    role = session.exec(select(LeaseResident.role).where(LeaseResident.person_id == child.id))
    assert role.one() == "co_resident"
    kontula = session.exec(select(Property).where(Property.code == "P1001")).one()
    assert session.get(AreaOffice, kontula.area_office_id).code == "HEKA-ITA"
    rent = session.exec(
        select(LeaseCharge.amount_cents)
        .join(Lease, LeaseCharge.lease_id == Lease.id)
        .where(Lease.contract_number == "HEKA-2023-0005", LeaseCharge.kind == "rent")
    ).one()
    assert rent == 91200


def test_second_import_changes_nothing(session, engine):
    import_register_file(SAMPLE_JSON, session=session, allow_test_codes=True)
    session.commit()
    before = snapshot(engine)

    again = import_register_file(SAMPLE_JSON, session=session, allow_test_codes=True)
    session.commit()

    assert again.ok and not again.changed
    assert {name: c.unchanged for name, c in again.counts()} == SAMPLE_TOTALS
    assert snapshot(engine) == before


def test_csv_gives_the_same_register_as_json(session, engine):
    import_register_file(SAMPLE_JSON, session=session, allow_test_codes=True)
    session.commit()
    before = snapshot(engine)

    report = import_register_file(SAMPLE_CSV, session=session, allow_test_codes=True)
    session.commit()

    assert report.ok, report.lines()
    assert not report.changed
    # The CSV has no area office rows: it only refers to them by code.
    assert {name: c.unchanged for name, c in report.counts()} == {
        **SAMPLE_TOTALS,
        "area_offices": 0,
    }
    assert snapshot(engine) == before


def test_csv_creates_everything_when_area_offices_exist(session, engine):
    offices = {"area_offices": sample_data()["area_offices"]}
    assert import_register_data(offices, session=session).ok
    session.commit()

    report = import_register_file(SAMPLE_CSV, session=session, allow_test_codes=True)
    session.commit()

    assert report.ok, report.lines()
    assert created(report) == {**SAMPLE_TOTALS, "area_offices": 0}
    assert len(snapshot(engine)["lease_resident"]) == 8


def test_dry_run_counts_but_writes_nothing(session, engine):
    report = import_register_file(SAMPLE_JSON, session=session, dry_run=True, allow_test_codes=True)
    session.commit()

    assert report.ok and report.dry_run
    assert created(report) == SAMPLE_TOTALS
    assert is_empty(engine)
    assert "dry run, nothing written" in report.lines()[0]


def test_changed_values_are_updated_and_the_rest_left_alone(session, engine):
    import_register_file(SAMPLE_JSON, session=session, allow_test_codes=True)
    session.commit()
    before = snapshot(engine)
    data = sample_data()
    lease = data["leases"][2]  # HEKA-2026-0003, Leena Mäkinen
    lease["ends_on"] = "2027-03-31"
    lease["charges"][0]["amount_cents"] = 101500
    lease["residents"][0]["last_name"] = "Mäkinen-Lahti"

    report = import_register_data(data, session=session, allow_test_codes=True)
    session.commit()

    assert report.ok, report.lines()
    assert (report.leases.updated, report.lease_charges.updated, report.persons.updated) == (
        1,
        1,
        1,
    )
    assert report.lease_residents.updated == 0
    assert report.leases.unchanged == 4
    after = snapshot(engine)
    changed = {table for table in after if after[table] != before[table]}
    assert changed == {"lease", "lease_charge", "person"}
    with Session(engine) as fresh:
        lease_row = fresh.exec(select(Lease).where(Lease.contract_number == "HEKA-2026-0003")).one()
        assert lease_row.ends_on == dt.date(2027, 3, 31)
        person = fresh.exec(select(Person).where(Person.identity_code == "070385-927S")).one()
        assert person.last_name == "Mäkinen-Lahti"


def test_dry_run_of_an_update_leaves_the_row_as_it_was(session, engine):
    import_register_file(SAMPLE_JSON, session=session, allow_test_codes=True)
    session.commit()
    before = snapshot(engine)
    data = sample_data()
    data["apartments"][0]["area_m2"] = 49.0

    report = import_register_data(data, session=session, dry_run=True, allow_test_codes=True)
    session.commit()

    assert report.ok and report.apartments.updated == 1 and report.changed
    assert snapshot(engine) == before


def test_records_missing_from_the_file_are_kept(session, engine):
    import_register_file(SAMPLE_JSON, session=session, allow_test_codes=True)
    session.commit()
    data = sample_data()
    data["leases"] = data["leases"][:1]
    data["leases"][0]["residents"] = data["leases"][0]["residents"][:1]

    report = import_register_data(data, session=session, allow_test_codes=True)
    session.commit()

    assert report.ok and not report.changed
    rows = snapshot(engine)
    assert (len(rows["lease"]), len(rows["lease_resident"])) == (5, 8)


def test_person_on_two_leases_is_one_person(session, engine):
    data = sample_data()
    second = copy.deepcopy(data["leases"][3])  # Oskari Nieminen's lease on 1001-B-5
    second.update(
        contract_number="HEKA-2026-0099",
        apartment_code="1001-B-6",
        payment_reference=make_reference("1001260099"),
    )
    data["leases"].append(second)

    report = import_register_data(data, session=session, allow_test_codes=True)
    session.commit()

    assert report.ok, report.lines()
    assert (report.persons.created, report.lease_residents.created) == (8, 9)
    assert len(snapshot(engine)["person"]) == 8


def test_setting_decides_test_codes_when_not_given(session, engine, monkeypatch):
    strict = dataclasses.replace(get_settings(), allow_test_identity_codes=False)
    monkeypatch.setattr(register_import, "get_settings", lambda: strict)

    report = import_register_file(SAMPLE_JSON, session=session)

    assert not report.ok
    assert len(report.errors) == 8  # one per resident of the sample
    assert all("test identity code" in e.reason for e in report.errors)
    assert is_empty(engine)


def test_cli_imports_and_reports(engine, capsys):
    assert main(["import-register", str(SAMPLE_JSON), "--dry-run"]) == 0
    assert is_empty(engine)

    assert main(["import-register", str(SAMPLE_JSON)]) == 0
    assert len(snapshot(engine)["lease"]) == 5
    assert "leases: 5 created, 0 updated, 0 unchanged" in capsys.readouterr().out

    before = snapshot(engine)
    assert main(["import-register", str(ERRORS_CSV)]) == 1
    out = capsys.readouterr().out
    assert "failed: 11 errors, nothing written" in out
    assert "line 3: identity_code: invalid identity code" in out
    assert snapshot(engine) == before
