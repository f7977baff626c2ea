"""Check what was typed into a service request against its definition.

Every value arrives as whatever the client sent (a string, a bool, anything); nothing here
raises for bad input: the answer is the cleaned values or a msgid per field.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from heka_app.i18n import N_
from heka_app.services.common.identity_codes import InvalidIdentityCode, normalize_identity_code
from heka_app.services.service_requests import definitions as d
from heka_app.settings import get_settings

FIELD_REQUIRED = N_("Fill in this field.")
CHOOSE_ONE = N_("Choose one of the options.")
TOO_SHORT = N_("Write at least {low} characters.")
TOO_LONG = N_("This can be at most {high} characters.")
NUMBER_RANGE = N_("Enter a whole number from {low} to {high}.")
DATE_INVALID = N_("Enter a date, e.g. 24.12.2026.")
DATE_NOT_FUTURE = N_("The date cannot be in the past.")
DATE_NOT_PAST = N_("The date cannot be in the future.")
TIME_INVALID = N_("Enter a time, e.g. 22.30.")
PLATE_INVALID = N_("Enter a registration number, e.g. ABC-123.")
TOO_MANY_FILES = N_("You can add at most {high} files.")
IDENTITY_CODE_INVALID = N_("Check the personal identity code, e.g. 131052-308T.")

_PLATE = re.compile(r"^([A-ZÅÄÖ]{1,3})-?([0-9]{1,3})$")
_FI_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_TIME = re.compile(r"^(\d{1,2})[.:](\d{2})$")


@dataclasses.dataclass(frozen=True)
class Checked:
    """Cleaned values (strings, JSON-ready) and attachment tokens, or errors (msgids) with
    the ``params`` of each field's message."""

    values: dict[str, str]
    tokens: tuple[str, ...]
    errors: dict[str, str]
    params: dict[str, dict[str, int | str]]


def _text(raw: Any) -> str:
    if isinstance(raw, bool) or raw is None:
        return ""
    return str(raw).strip() if isinstance(raw, (str, int)) else ""


def parse_date(value: str) -> dt.date | None:
    """ISO ``2026-12-24`` (the date input) or Finnish ``24.12.2026``; None otherwise."""
    m = _FI_DATE.match(value)
    try:
        if m:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if len(value) == 10:
            return dt.date.fromisoformat(value)
    except ValueError:
        return None
    return None


def _identity_code(value: str) -> tuple[str, str]:
    allow_test = get_settings().allow_test_identity_codes
    try:
        return normalize_identity_code(value, allow_test_codes=allow_test), ""
    except InvalidIdentityCode:
        return "", IDENTITY_CODE_INVALID


def _one(
    spec: d.FieldSpec, raw: Any, today: dt.date, choices: tuple[tuple[str, str], ...]
) -> tuple[str, str]:
    """(clean value, "") or ("", msgid)."""
    if spec.kind == d.YES_NO and isinstance(raw, bool):
        raw = "yes" if raw else "no"
    value = _text(raw)
    if not value:
        return "", FIELD_REQUIRED if spec.required else ""
    if spec.kind in (d.CHOICE, d.YES_NO):
        choices = d.YES_NO_CHOICES if spec.kind == d.YES_NO else choices or spec.choices
        return (value, "") if value in dict(choices) else ("", CHOOSE_ONE)
    if spec.kind == d.IDENTITY_CODE:
        return _identity_code(value[:20])
    if spec.kind == d.NUMBER:
        ok = value.isascii() and value.isdigit() and spec.low <= int(value) <= spec.high
        return (str(int(value)), "") if ok else ("", NUMBER_RANGE)
    if spec.kind == d.DATE:
        day = parse_date(value)
        if day is None:
            return "", DATE_INVALID
        if spec.when == "future" and day < today:
            return "", DATE_NOT_FUTURE
        if spec.when == "past" and day > today:
            return "", DATE_NOT_PAST
        return day.isoformat(), ""
    if spec.kind == d.TIME:
        m = _TIME.match(value)
        if not m or int(m[1]) > 23 or int(m[2]) > 59:
            return "", TIME_INVALID
        return f"{int(m[1]):02d}:{m[2]}", ""
    if spec.kind == d.PLATE:
        m = _PLATE.match(value.upper().replace(" ", ""))
        return (f"{m[1]}-{m[2]}", "") if m else ("", PLATE_INVALID)
    if len(value) < spec.low:
        return "", TOO_SHORT
    if len(value) > spec.high:
        return "", TOO_LONG
    return value, ""


def check(
    definition: d.RequestType,
    raw: Mapping[str, Any],
    *,
    today: dt.date,
    tokens: Mapping[str, Any] | None = None,
    choices: Mapping[str, tuple[tuple[str, str], ...]] | None = None,
) -> Checked:
    """Check ``raw`` (field name to what was typed) and ``tokens`` (attachment field name
    to a list of upload tokens) against ``definition``. Unknown fields are ignored, and
    so are computed ones (the service fills those). ``choices`` are the sender's own
    options of fields with ``choices_from`` (none given: nothing can be chosen)."""
    raw = raw if isinstance(raw, Mapping) else {}
    tokens = tokens if isinstance(tokens, Mapping) else {}
    values: dict[str, str] = {}
    files: list[str] = []
    errors: dict[str, str] = {}
    params: dict[str, dict[str, int | str]] = {}
    choices = choices or {}
    for spec in definition.fields:
        if spec.kind == d.COMPUTED:
            continue
        if spec.kind == d.ATTACHMENT:
            given = tokens.get(spec.name) or ()
            if not isinstance(given, (list, tuple)):
                given = []
            given = [t for t in given if isinstance(t, str)]
            if len(given) > spec.high:
                errors[spec.name], params[spec.name] = TOO_MANY_FILES, {"high": spec.high}
            elif spec.required and not given:
                errors[spec.name] = FIELD_REQUIRED
            files += given
            continue
        own = choices.get(spec.name, ()) if spec.choices_from else ()
        if spec.choices_from and not own:
            own = (("", ""),)  # an empty list of one's own: nothing matches
        value, error = _one(spec, raw.get(spec.name), today, own)
        if error:
            errors[spec.name] = error
            params[spec.name] = {"low": spec.low, "high": spec.high}
        elif value:
            values[spec.name] = value
    if errors:
        return Checked({}, (), errors, params)
    return Checked(values, tuple(dict.fromkeys(files)), {}, {})
