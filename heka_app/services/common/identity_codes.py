"""Finnish personal identity codes (henkilötunnus): validation, birth date, age, masking.

Checksum and century signs are python-stdnum's (it knows the 2023 signs Y X W V U and
B C D E F); this module adds what stdnum does not: the birth date, age and masking.
"""

from __future__ import annotations

import datetime as dt

from stdnum import exceptions as stdnum_errors
from stdnum.fi import hetu

_CENTURY = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900}
_CENTURY.update(dict.fromkeys("ABCDEF", 2000))


class InvalidIdentityCode(ValueError):
    """The text is not a valid personal identity code."""


def normalize_identity_code(raw: str, *, allow_test_codes: bool) -> str:
    """Validate and return the code in canonical upper-case form.

    Args:
        raw: What the user or the register gave (spaces and case are forgiven).
        allow_test_codes: Accept 900-999 individual numbers (DVV test persons).

    Returns:
        The canonical code, e.g. ``010594Y9032``.

    Raises:
        InvalidIdentityCode: If the code is malformed, has a wrong checksum or an
            impossible date, or is a test code where those are not allowed.
    """
    try:
        return hetu.validate((raw or "").strip(), allow_temporary=allow_test_codes)
    except stdnum_errors.ValidationError as exc:
        raise InvalidIdentityCode(str(exc)) from exc


def birth_date_of(code: str) -> dt.date:
    """The birth date encoded in a valid code (day, month, year and century sign)."""
    code = code.upper()
    return dt.date(_CENTURY[code[6]] + int(code[4:6]), int(code[2:4]), int(code[0:2]))


def age_on(code: str, day: dt.date) -> int:
    """Age in whole years on ``day``."""
    born = birth_date_of(code)
    had_birthday = (day.month, day.day) >= (born.month, born.day)
    return day.year - born.year - (0 if had_birthday else 1)


def mask_identity_code(code: str) -> str:
    """Show only the date part and century sign: ``131052-****``."""
    return code[:7] + "****" if len(code) == 11 else "****"
