"""The shape of a register import: sections, nested buildings, residents and charges.

Owns walking the records (as read from JSON or CSV, or given in memory) into parsed
records, and the checks within one lease: date order, a primary resident, no person
or charge kind twice.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from heka_app.services.erp_import.import_types import ErrorSink, Parsed, Where
from heka_app.services.erp_import.rows import (
    APARTMENT,
    AREA_OFFICE,
    BUILDING,
    CHARGE,
    LEASE,
    PROPERTY,
    Spec,
    resident_specs,
)

SECTIONS = ("area_offices", "properties", "apartments", "leases")


@dataclasses.dataclass(frozen=True)
class ParsedLease:
    """A lease with the people on it and its monthly charges."""

    lease: Parsed
    residents: tuple[Parsed, ...]
    charges: tuple[Parsed, ...]


@dataclasses.dataclass(frozen=True)
class ParsedRegister:
    """Every record of one import; buildings carry their ``property_code``."""

    area_offices: tuple[Parsed, ...] = ()
    properties: tuple[Parsed, ...] = ()
    buildings: tuple[Parsed, ...] = ()
    apartments: tuple[Parsed, ...] = ()
    leases: tuple[ParsedLease, ...] = ()


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def parse_record(
    item: Any, where: Where, specs: tuple[Spec, ...], sink: ErrorSink, nested: tuple = ()
) -> Parsed:
    """Parse one record by its field specs, reporting unknown, missing and bad fields.

    Args:
        item: The record as read (a mapping).
        where: Its location, for errors.
        specs: Its fields.
        sink: Where errors go.
        nested: Keys holding nested lists, which the caller parses.

    Returns:
        The record; fields that failed are left out and ``ok`` is False.
    """
    if not isinstance(item, Mapping):
        sink.add(where, "(record)", "must be an object")
        return Parsed(where, {}, ok=False)
    ok = True
    known = {spec.name for spec in specs} | set(nested)
    # Strict on purpose: a misspelt key ("end_on") would otherwise be dropped silently.
    for key in item:
        if key not in known:
            sink.add(where, str(key), "unknown field")
            ok = False
    fields: dict[str, Any] = {}
    for spec in specs:
        raw = item.get(spec.name)
        if _blank(raw):
            if spec.required:
                sink.add(where, spec.name, "missing required field")
                ok = False
            else:
                fields[spec.name] = spec.default
            continue
        try:
            fields[spec.name] = spec.parse(raw)
        except ValueError as exc:
            sink.add(where, spec.name, str(exc))
            ok = False
    return Parsed(where, fields, ok)


def _list(container: Any, key: str, where: Where, sink: ErrorSink) -> list:
    if not isinstance(container, Mapping):
        return []
    value = container.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        sink.add(where, key, "must be a list")
        return []
    return value


def _parse_list(items: list, path: str, specs: tuple[Spec, ...], sink: ErrorSink, nested=()):
    return [
        (item, parse_record(item, Where.of(item, f"{path}[{i}]"), specs, sink, nested))
        for i, item in enumerate(items)
    ]


def parse_register(records: Any, *, allow_test_codes: bool, sink: ErrorSink) -> ParsedRegister:
    """Parse every record and check each lease on its own.

    Args:
        records: A mapping with the lists ``area_offices``, ``properties`` (each with
            ``buildings``), ``apartments`` and ``leases`` (each with ``residents`` and
            ``charges``); missing lists count as empty.
        allow_test_codes: Accept DVV test identity codes (900-999).
        sink: Where errors go.

    Returns:
        The parsed records, including those with errors (``ok`` False).
    """
    top = Where.of(records, "")
    if not isinstance(records, Mapping):
        sink.add(top, "(file)", "must be an object with the lists " + ", ".join(SECTIONS))
        return ParsedRegister()
    for key in records:
        if key not in SECTIONS:
            sink.add(top, str(key), "unknown section")
    offices = _parse_list(
        _list(records, "area_offices", top, sink), "area_offices", AREA_OFFICE, sink
    )
    properties, buildings = [], []
    raw_properties = _list(records, "properties", top, sink)
    for i, (item, prop) in enumerate(
        _parse_list(raw_properties, "properties", PROPERTY, sink, ("buildings",))
    ):
        properties.append(prop)
        raw = _list(item, "buildings", prop.where, sink)
        for _, building in _parse_list(raw, f"properties[{i}].buildings", BUILDING, sink):
            building.fields["property_code"] = prop.get("code")
            buildings.append(building)
    apartments = _parse_list(_list(records, "apartments", top, sink), "apartments", APARTMENT, sink)
    leases = []
    residents_spec = resident_specs(allow_test_codes)
    raw_leases = _list(records, "leases", top, sink)
    for i, (item, lease) in enumerate(
        _parse_list(raw_leases, "leases", LEASE, sink, ("residents", "charges"))
    ):
        path = f"leases[{i}]"
        people = _list(item, "residents", lease.where, sink)
        charges = _list(item, "charges", lease.where, sink)
        parsed = ParsedLease(
            lease,
            tuple(p for _, p in _parse_list(people, f"{path}.residents", residents_spec, sink)),
            tuple(c for _, c in _parse_list(charges, f"{path}.charges", CHARGE, sink)),
        )
        _check_lease(parsed, sink)
        leases.append(parsed)
    return ParsedRegister(
        area_offices=tuple(p for _, p in offices),
        properties=tuple(properties),
        buildings=tuple(buildings),
        apartments=tuple(p for _, p in apartments),
        leases=tuple(leases),
    )


def _check_lease(parsed: ParsedLease, sink: ErrorSink) -> None:
    lease = parsed.lease
    signed, starts, ends = lease.get("signed_on"), lease.get("starts_on"), lease.get("ends_on")
    if signed and starts and starts < signed:
        sink.add(
            lease.where, "starts_on", f"lease starts ({starts}) before it is signed ({signed})"
        )
    if starts and ends and ends < starts:
        sink.add(lease.where, "ends_on", f"lease ends ({ends}) before it starts ({starts})")
    if not parsed.residents and lease.ok:
        sink.add(lease.where, "residents", "a lease needs at least one resident")
    roles = [r.get("role") for r in parsed.residents]
    # Only when every role parsed: an "unknown role" error already explains the rest.
    if roles and None not in roles and "primary" not in roles:
        sink.add(lease.where, "residents", "a lease needs a primary resident")
    for resident in parsed.residents:
        if resident.get("moved_in_on") is None and "moved_in_on" in resident.fields:
            resident.fields["moved_in_on"] = starts
        moved_in, moved_out = resident.get("moved_in_on"), resident.get("moved_out_on")
        if moved_in and moved_out and moved_out < moved_in:
            sink.add(resident.where, "moved_out_on", "moved out before moving in")
    sink.add_repeats(
        parsed.residents,
        lambda r: r.get("identity_code"),
        "identity_code",
        "the same person is already on this lease ({first})",
    )
    sink.add_repeats(
        parsed.charges, lambda c: c.get("kind"), "kind", "charge kind {key!r} given twice ({first})"
    )
