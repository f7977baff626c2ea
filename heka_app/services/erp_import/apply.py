"""Writing a validated register import: create or update each record by natural key.

Owns the natural keys (area office, property and apartment code; building code within
its property; contract number; identity code; a person on a lease; a charge kind on a
lease) and the created / updated / unchanged counts. Runs only after every check has
passed. Flushes after each level so children get their parents' ids; never commits
and never deletes.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, SQLModel, col, select

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
from heka_app.services.common.identity_codes import birth_date_of
from heka_app.services.erp_import.checks import fetch_rows
from heka_app.services.erp_import.import_types import EntityCounts
from heka_app.services.erp_import.records import ParsedRegister

ENTITIES = (
    "area_offices",
    "properties",
    "buildings",
    "apartments",
    "persons",
    "leases",
    "lease_residents",
    "lease_charges",
)
_CREATED, _UPDATED, _UNCHANGED = range(3)


class _Writer:
    """Upserts by natural key; in a dry run it only compares and counts."""

    def __init__(self, session: Session, dry_run: bool) -> None:
        self.session = session
        self.dry_run = dry_run
        self.counts = {name: [0, 0, 0] for name in ENTITIES}
        self.seen: set[tuple[str, Any]] = set()

    def upsert(
        self, entity: str, existing: dict, key: Any, model: type[SQLModel], values: dict
    ) -> Any:
        """The record of ``key`` with ``values``: created, updated or left as it is.

        ``existing`` maps keys to database objects and gains the ones created here, so
        a person on two leases is created once (and counted once).
        """
        obj = existing.get(key)
        if (entity, key) in self.seen:
            return obj
        self.seen.add((entity, key))
        if obj is None:
            obj = existing[key] = model(**values)
            status = _CREATED
            if not self.dry_run:
                self.session.add(obj)
        else:
            changed = {k: v for k, v in values.items() if getattr(obj, k) != v}
            status = _UPDATED if changed else _UNCHANGED
            # In a dry run the object must stay clean: the caller's commit would save it.
            if changed and not self.dry_run:
                for name, value in changed.items():
                    setattr(obj, name, value)
        self.counts[entity][status] += 1
        return obj

    def flush(self) -> None:
        """Send pending writes so new parents have ids for their children."""
        if not self.dry_run:
            self.session.flush()


def _by_code(session: Session, model: type[SQLModel], column: Any, codes: set) -> dict:
    rows = fetch_rows(session, lambda chunk: select(model).where(col(column).in_(chunk)), codes)
    return {getattr(row, column.key): row for row in rows}


def _without(fields: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if k not in names}


def apply_register(
    reg: ParsedRegister, *, session: Session, dry_run: bool
) -> dict[str, EntityCounts]:
    """Create or update every record of a fully valid import.

    Args:
        reg: The parsed records; every check must have passed.
        session: Flushed, not committed.
        dry_run: Compare and count only; the session is left untouched.

    Returns:
        Counts per entity name (``"leases"`` ...), as ImportReport takes them.
    """
    w = _Writer(session, dry_run)
    codes = {r.get("code") for r in reg.area_offices}
    offices = _by_code(
        session,
        AreaOffice,
        AreaOffice.code,
        codes | {p.get("area_office_code") for p in reg.properties},
    )
    for r in reg.area_offices:
        w.upsert("area_offices", offices, r.get("code"), AreaOffice, r.fields)
    w.flush()

    codes = {r.get("code") for r in reg.properties} | {
        a.get("property_code") for a in reg.apartments
    }
    properties = _by_code(session, Property, Property.code, codes)
    for r in reg.properties:
        values = _without(r.fields, "area_office_code")
        values["area_office_id"] = offices[r.get("area_office_code")].id
        w.upsert("properties", properties, r.get("code"), Property, values)
    w.flush()

    buildings = {
        (prop_code, building.code): building
        for building, prop_code in fetch_rows(
            session,
            lambda chunk: (
                select(Building, Property.code)
                .join(Property, col(Building.property_id) == Property.id)
                .where(col(Property.code).in_(chunk))
            ),
            codes,
        )
    }
    for r in reg.buildings:
        values = _without(r.fields, "property_code")
        values["property_id"] = properties[r.get("property_code")].id
        key = (r.get("property_code"), r.get("code"))
        w.upsert("buildings", buildings, key, Building, values)
    w.flush()

    codes = {r.get("code") for r in reg.apartments} | {
        p.lease.get("apartment_code") for p in reg.leases
    }
    apartments = _by_code(session, Apartment, Apartment.code, codes)
    for r in reg.apartments:
        values = _without(r.fields, "property_code", "building_code")
        values["building_id"] = buildings[(r.get("property_code"), r.get("building_code"))].id
        w.upsert("apartments", apartments, r.get("code"), Apartment, values)
    w.flush()

    contracts = {p.lease.get("contract_number") for p in reg.leases}
    leases = _by_code(session, Lease, Lease.contract_number, contracts)
    people_codes = {r.get("identity_code") for p in reg.leases for r in p.residents}
    persons = _by_code(session, Person, Person.identity_code, people_codes)
    for p in reg.leases:
        values = _without(p.lease.fields, "apartment_code")
        values["apartment_id"] = apartments[p.lease.get("apartment_code")].id
        w.upsert("leases", leases, p.lease.get("contract_number"), Lease, values)
        for r in p.residents:
            code = r.get("identity_code")
            values = {k: r.get(k) for k in ("identity_code", "first_name", "last_name")}
            values["birth_date"] = birth_date_of(code)
            w.upsert("persons", persons, code, Person, values)
    w.flush()

    residents = {
        (contract, code): resident
        for resident, contract, code in fetch_rows(
            session,
            lambda chunk: (
                select(LeaseResident, Lease.contract_number, Person.identity_code)
                .join(Lease, col(LeaseResident.lease_id) == Lease.id)
                .join(Person, col(LeaseResident.person_id) == Person.id)
                .where(col(Lease.contract_number).in_(chunk))
            ),
            contracts,
        )
    }
    charges = {
        (contract, charge.kind): charge
        for charge, contract in fetch_rows(
            session,
            lambda chunk: (
                select(LeaseCharge, Lease.contract_number)
                .join(Lease, col(LeaseCharge.lease_id) == Lease.id)
                .where(col(Lease.contract_number).in_(chunk))
            ),
            contracts,
        )
    }
    for p in reg.leases:
        contract = p.lease.get("contract_number")
        lease_id = leases[contract].id
        for r in p.residents:
            code = r.get("identity_code")
            values = {k: r.get(k) for k in ("role", "moved_in_on", "moved_out_on")}
            values.update(lease_id=lease_id, person_id=persons[code].id)
            w.upsert("lease_residents", residents, (contract, code), LeaseResident, values)
        for c in p.charges:
            values = {
                "lease_id": lease_id,
                "kind": c.get("kind"),
                "amount_cents": c.get("amount_cents"),
            }
            w.upsert("lease_charges", charges, (contract, c.get("kind")), LeaseCharge, values)
    w.flush()
    return {name: EntityCounts(*numbers) for name, numbers in w.counts.items()}
