"""Field parsing of resident register records.

Owns which fields each register record (area office, property, building, apartment,
lease, resident, charge) has, which are required and how each value is parsed. Checks
here need no database; checks across records and against the database are in
``register_checks``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from sqlmodel import SQLModel

from heka_app.models import Apartment, AreaOffice, Building, Lease, Person, Property
from heka_app.models.leases import CHARGE_KINDS, RESIDENT_ROLES
from heka_app.services.common.clock import helsinki_today
from heka_app.services.common.identity_codes import (
    InvalidIdentityCode,
    birth_date_of,
    normalize_identity_code,
)
from heka_app.services.common.payment_references import InvalidReference, normalize_reference
from heka_app.services.common.tables import table_of

Parser = Callable[[Any], Any]


@dataclasses.dataclass(frozen=True)
class Spec:
    """A field: its name, parser, and the value used when it is left empty."""

    name: str
    parse: Parser
    required: bool = True
    default: Any = None


def _text(model: type[SQLModel], column: str) -> Parser:
    # Limits come from the table so Postgres never truncates or rejects a value.
    limit = getattr(table_of(model).c[column].type, "length", None)  # String columns have one

    def parse(raw: Any) -> str:
        if not isinstance(raw, str):
            raise ValueError("must be text")
        value = raw.strip()
        if limit and len(value) > limit:
            raise ValueError(f"longer than {limit} characters")
        return value

    return parse


def _integer(low: int, high: int) -> Parser:
    def parse(raw: Any) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int | str):
            raise ValueError("must be a whole number")
        try:
            value = int(raw.strip()) if isinstance(raw, str) else raw
        except ValueError:
            raise ValueError(f"{raw!r} is not a whole number") from None
        if not low <= value <= high:
            raise ValueError(f"{value} is not between {low} and {high}")
        return value

    return parse


def _area(raw: Any) -> float:
    try:
        # Finnish exports write decimals with a comma.
        value = float(raw.strip().replace(",", ".")) if isinstance(raw, str) else float(raw)
    except (TypeError, ValueError):
        raise ValueError(f"{raw!r} is not a number of square metres") from None
    if isinstance(raw, bool) or not 1 <= value <= 1000:
        raise ValueError(f"{raw!r} is not between 1 and 1000 square metres")
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(raw: Any) -> dt.date:
    text = raw.strip() if isinstance(raw, str) else ""
    try:
        if _ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise ValueError(f"bad date {raw!r}, expected YYYY-MM-DD")


def _amount(raw: Any) -> int:
    value = _integer(-(10**9), 10**9)(raw)
    if value < 0:
        raise ValueError(f"negative charge {value}")
    return value


def _choice(label: str, allowed: tuple[str, ...]) -> Parser:
    def parse(raw: Any) -> str:
        value = raw.strip() if isinstance(raw, str) else raw
        if value not in allowed:
            raise ValueError(f"unknown {label} {raw!r}, expected one of {', '.join(allowed)}")
        return value

    return parse


_HOURS_ITEM = re.compile(r"[1-7](-[1-7])? \d{1,2}:\d{2}-\d{1,2}:\d{2}")


def _opening_hours(raw: Any) -> str:
    value = _text(AreaOffice, "opening_hours")(raw)
    # The public pages format this; a malformed value would break every page footer.
    if not all(_HOURS_ITEM.fullmatch(item.strip()) for item in value.split(";")):
        raise ValueError(f"{value!r} is not like '1-4 09:00-15:00;5 09:00-12:00'")
    return value


def _reference(raw: Any) -> str:
    try:
        return normalize_reference(raw if isinstance(raw, str) else str(raw))
    except InvalidReference as exc:
        raise ValueError(f"invalid payment reference {raw!r}: {exc}") from None


def identity_code_parser(allow_test_codes: bool) -> Parser:
    """A parser for identity codes whose errors never repeat the code itself."""

    def parse(raw: Any) -> str:
        if not isinstance(raw, str):
            raise ValueError("invalid identity code: must be text")
        try:
            code = normalize_identity_code(raw, allow_test_codes=allow_test_codes)
        except InvalidIdentityCode:
            pass
        else:
            # The checksum leaves the century out, so 131052A308T (born 2052) passes it.
            if birth_date_of(code) > helsinki_today():
                raise ValueError("invalid identity code: birth date in the future")
            return code
        if not allow_test_codes:
            try:
                normalize_identity_code(raw, allow_test_codes=True)
            except InvalidIdentityCode:
                pass
            else:
                raise ValueError(
                    "test identity code (individual number 900-999) not allowed here"
                ) from None
        raise ValueError("invalid identity code (format, date or check character)")

    return parse


def _optional(name: str, parse: Parser, default: Any = "") -> Spec:
    return Spec(name, parse, required=False, default=default)


AREA_OFFICE = (
    *(Spec(n, _text(AreaOffice, n)) for n in ("code", "name", "street_address")),
    *(Spec(n, _text(AreaOffice, n)) for n in ("postal_code", "city")),
    _optional("phone", _text(AreaOffice, "phone")),
    _optional("email", _text(AreaOffice, "email")),
    _optional("opening_hours", _opening_hours),
)
_PROPERTY_CONTACTS = (
    "manager_name",
    "manager_phone",
    "manager_email",
    "maintenance_company",
    "maintenance_phone",
    "emergency_phone",
)
PROPERTY = (
    *(Spec(n, _text(Property, n)) for n in ("code", "name", "street_address")),
    *(Spec(n, _text(Property, n)) for n in ("postal_code", "city")),
    Spec("area_office_code", _text(AreaOffice, "code")),
    _optional("year_built", _integer(1800, 2100), None),
    *(_optional(n, _text(Property, n)) for n in _PROPERTY_CONTACTS),
)
BUILDING = (
    Spec("code", _text(Building, "code")),
    Spec("street_address", _text(Building, "street_address")),
)
APARTMENT = (
    Spec("code", _text(Apartment, "code")),
    Spec("property_code", _text(Property, "code")),
    Spec("building_code", _text(Building, "code")),
    Spec("number", _text(Apartment, "number")),
    Spec("floor", _integer(-5, 100)),
    Spec("rooms", _integer(1, 50)),
    Spec("area_m2", _area),
    _optional("apartment_type", _text(Apartment, "apartment_type")),
)
LEASE = (
    Spec("contract_number", _text(Lease, "contract_number")),
    Spec("apartment_code", _text(Apartment, "code")),
    Spec("signed_on", _date),
    Spec("starts_on", _date),
    _optional("ends_on", _date, None),
    Spec("payment_reference", _reference),
)
CHARGE = (Spec("kind", _choice("charge kind", CHARGE_KINDS)), Spec("amount_cents", _amount))


def resident_specs(allow_test_codes: bool) -> tuple[Spec, ...]:
    """Resident fields; the identity code rule depends on the environment."""
    return (
        Spec("identity_code", identity_code_parser(allow_test_codes)),
        Spec("first_name", _text(Person, "first_name")),
        Spec("last_name", _text(Person, "last_name")),
        Spec("role", _choice("resident role", RESIDENT_ROLES)),
        # Empty means from the start of the lease.
        _optional("moved_in_on", _date, None),
        _optional("moved_out_on", _date, None),
    )
