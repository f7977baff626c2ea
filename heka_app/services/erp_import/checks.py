"""Checks of a register import across records and against the database.

Owns: duplicates in the file, references to area offices, properties, buildings and
apartments (in the file or already in the database), payment references and apartment
numbers that are taken, people named differently on different leases, and leases that
overlap on one apartment. Reads the database; never writes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlmodel import Session, col, select

from heka_app.models import Apartment, AreaOffice, Building, Lease, Property
from heka_app.services.erp_import.import_types import ErrorSink, Parsed
from heka_app.services.erp_import.records import ParsedRegister

_CHUNK = 500  # keeps IN (...) lists well under every database's parameter limit


def chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    """Distinct non-empty values in lists of at most 500."""
    distinct = sorted({v for v in values if v is not None}, key=str)
    for start in range(0, len(distinct), _CHUNK):
        yield distinct[start : start + _CHUNK]


def fetch_rows(session: Session, make_query: Callable[[list], Any], values: Iterable) -> list:
    """Run ``make_query(chunk)`` for each chunk of ``values`` and join the results."""
    return [row for chunk in chunks(values) for row in session.exec(make_query(chunk)).all()]


def check_register(reg: ParsedRegister, *, session: Session, sink: ErrorSink) -> None:
    """Report every cross-record problem of ``reg`` to ``sink``."""
    leases = [p.lease for p in reg.leases]
    _duplicates(reg.area_offices, lambda r: r.get("code"), "code", "area office code", sink)
    _duplicates(reg.properties, lambda r: r.get("code"), "code", "property code", sink)
    _duplicates(
        reg.buildings, lambda r: _key(r, "property_code", "code"), "code", "building code", sink
    )
    _duplicates(reg.apartments, lambda r: r.get("code"), "code", "apartment code", sink)
    _duplicates(
        reg.apartments,
        lambda r: _key(r, "property_code", "building_code", "number"),
        "number",
        "apartment number in this building",
        sink,
    )
    _duplicates(
        leases, lambda r: r.get("contract_number"), "contract_number", "contract number", sink
    )
    _duplicates(
        leases, lambda r: r.get("payment_reference"), "payment_reference", "payment reference", sink
    )
    _check_references(reg, session, sink)
    _check_taken(reg, session, sink)
    _check_people(reg, sink)
    _check_overlaps(leases, session, sink)


def _key(record: Parsed, *names: str) -> tuple | None:
    values = tuple(record.get(n) for n in names)
    return None if None in values else values


def _duplicates(records, key_of, field: str, label: str, sink: ErrorSink) -> None:
    sink.add_repeats(records, key_of, field, f"duplicate {label}, first on {{first}}")


def _check_references(reg: ParsedRegister, session: Session, sink: ErrorSink) -> None:
    # Codes of every record in the file count, even one with errors of its own, so a
    # bad field is reported once and not again as an "unknown" reference elsewhere.
    office_refs = {p.get("area_office_code") for p in reg.properties}
    offices = {r.get("code") for r in reg.area_offices} | set(
        fetch_rows(
            session,
            lambda c: select(AreaOffice.code).where(col(AreaOffice.code).in_(c)),
            office_refs,
        )
    )
    for prop in reg.properties:
        code = prop.get("area_office_code")
        if code is not None and code not in offices:
            sink.add(prop.where, "area_office_code", f"unknown area office {code!r}")

    property_refs = {a.get("property_code") for a in reg.apartments}
    properties = {p.get("code") for p in reg.properties} | set(
        fetch_rows(
            session, lambda c: select(Property.code).where(col(Property.code).in_(c)), property_refs
        )
    )
    buildings = {_key(b, "property_code", "code") for b in reg.buildings} | set(
        fetch_rows(
            session,
            lambda c: (
                select(Property.code, Building.code)
                .join(Property, col(Building.property_id) == Property.id)
                .where(col(Property.code).in_(c))
            ),
            property_refs,
        )
    )
    for apartment in reg.apartments:
        prop, building = apartment.get("property_code"), apartment.get("building_code")
        if prop is not None and prop not in properties:
            sink.add(apartment.where, "property_code", f"unknown property {prop!r}")
        elif prop is not None and building is not None and (prop, building) not in buildings:
            reason = f"unknown building {building!r} of property {prop!r}"
            sink.add(apartment.where, "building_code", reason)

    apartment_refs = {p.lease.get("apartment_code") for p in reg.leases}
    apartments = {a.get("code") for a in reg.apartments} | set(
        fetch_rows(
            session,
            lambda c: select(Apartment.code).where(col(Apartment.code).in_(c)),
            apartment_refs,
        )
    )
    for parsed in reg.leases:
        code = parsed.lease.get("apartment_code")
        if code is not None and code not in apartments:
            sink.add(parsed.lease.where, "apartment_code", f"unknown apartment {code!r}")


def _check_taken(reg: ParsedRegister, session: Session, sink: ErrorSink) -> None:
    """Unique values the database already gives to another record."""
    leases = [p.lease for p in reg.leases]
    holders = dict(
        fetch_rows(
            session,
            lambda c: select(Lease.payment_reference, Lease.contract_number).where(
                col(Lease.payment_reference).in_(c)
            ),
            (lease.get("payment_reference") for lease in leases),
        )
    )
    for lease in leases:
        holder = holders.get(lease.get("payment_reference"))
        if holder is not None and holder != lease.get("contract_number"):
            reason = f"payment reference already belongs to lease {holder!r}"
            sink.add(lease.where, "payment_reference", reason)

    numbers = {
        (prop, building, number): code
        for code, number, building, prop in fetch_rows(
            session,
            lambda c: (
                select(Apartment.code, Apartment.number, Building.code, Property.code)
                .join(Building, col(Apartment.building_id) == Building.id)
                .join(Property, col(Building.property_id) == Property.id)
                .where(col(Property.code).in_(c))
            ),
            (a.get("property_code") for a in reg.apartments),
        )
    }
    for apartment in reg.apartments:
        key = _key(apartment, "property_code", "building_code", "number")
        holder = numbers.get(key) if key is not None else None
        if holder is not None and holder != apartment.get("code"):
            reason = f"apartment number already used by apartment {holder!r} in this building"
            sink.add(apartment.where, "number", reason)


def _check_people(reg: ParsedRegister, sink: ErrorSink) -> None:
    """One identity code, one name: the register should never disagree with itself."""
    first: dict[str, Parsed] = {}
    for parsed in reg.leases:
        for resident in parsed.residents:
            code = resident.get("identity_code")
            if code is None:
                continue
            seen = first.setdefault(code, resident)
            for field in ("first_name", "last_name"):
                both = seen.get(field) is not None and resident.get(field) is not None
                if seen is not resident and both and seen.get(field) != resident.get(field):
                    reason = f"differs for the same person on {seen.where.describe()}"
                    sink.add(resident.where, field, reason)


def _span(starts: dt.date, ends: dt.date | None) -> str:
    return f"{starts} - {ends or 'open'}"


def _check_overlaps(leases: list[Parsed], session: Session, sink: ErrorSink) -> None:
    """Two leases of one apartment may not share a day (``ends_on`` is the last day)."""
    dated = [
        lease
        for lease in leases
        if lease.get("apartment_code")
        and lease.get("starts_on")
        and lease.get("contract_number")
        and "ends_on" in lease.fields  # a bad end date must not read as "open-ended"
    ]
    in_file = {lease.get("contract_number") for lease in leases}
    existing: dict[str, list[tuple]] = {}
    for code, contract, starts, ends in fetch_rows(
        session,
        lambda c: (
            select(Apartment.code, Lease.contract_number, col(Lease.starts_on), col(Lease.ends_on))
            .join(Apartment, col(Lease.apartment_id) == Apartment.id)
            .where(col(Apartment.code).in_(c))
        ),
        (lease.get("apartment_code") for lease in dated),
    ):
        # Database leases that the file restates are replaced by the file's version.
        if contract not in in_file:
            existing.setdefault(code, []).append((contract, starts, ends))
    earlier: dict[str, list[Parsed]] = {}
    for lease in dated:
        code, starts, ends = (
            lease.get("apartment_code"),
            lease.get("starts_on"),
            lease.get("ends_on"),
        )
        for contract, other_starts, other_ends in existing.get(code, []):
            if _overlap(starts, ends, other_starts, other_ends):
                reason = (
                    f"overlaps lease {contract!r} ({_span(other_starts, other_ends)}) of "
                    f"apartment {code!r} already in the database"
                )
                sink.add(lease.where, "starts_on", reason)
        for other in earlier.setdefault(code, []):
            if _overlap(starts, ends, other.get("starts_on"), other.get("ends_on")):
                reason = (
                    f"overlaps lease {other.get('contract_number')!r} "
                    f"({other.where.describe()}) of apartment {code!r}"
                )
                sink.add(lease.where, "starts_on", reason)
        earlier[code].append(lease)


def _overlap(a_start: dt.date, a_end: dt.date | None, b_start: dt.date, b_end) -> bool:
    return (b_end is None or a_start <= b_end) and (a_end is None or b_start <= a_end)
