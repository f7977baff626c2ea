"""Finnish domestic payment references (viitenumero) and RF creditor references.

The domestic check digit (weights 7, 3, 1 from the right) is in no maintained library,
so it is written here and tested against the published example; RF references use
python-stdnum's ISO 11649 implementation.
"""

from __future__ import annotations

from stdnum import iso11649

_WEIGHTS = (7, 3, 1)


class InvalidReference(ValueError):
    """Not a valid domestic payment reference."""


def reference_check_digit(base: str) -> str:
    """Check digit for 3-19 base digits: ``reference_check_digit("12345") == "3"``."""
    if not base.isdigit() or not 3 <= len(base) <= 19:
        raise InvalidReference("base must be 3-19 digits")
    total = sum(int(d) * _WEIGHTS[i % 3] for i, d in enumerate(reversed(base)))
    return str((10 - total % 10) % 10)


def make_reference(base: str) -> str:
    """The full reference: base digits plus check digit."""
    return base + reference_check_digit(base)


def normalize_reference(raw: str) -> str:
    """Strip spaces and leading zeros; validate length and check digit.

    Raises:
        InvalidReference: If the reference is malformed or its check digit is wrong.
    """
    digits = (raw or "").replace(" ", "").lstrip("0")
    if not digits.isdigit() or not 4 <= len(digits) <= 20:
        raise InvalidReference("a reference has 4-20 digits")
    if reference_check_digit(digits[:-1]) != digits[-1]:
        raise InvalidReference("wrong check digit")
    return digits


def format_reference(reference: str) -> str:
    """Groups of five from the right, as printed on invoices: ``12 34561``."""
    groups: list[str] = []
    rest = reference
    while rest:
        groups.insert(0, rest[-5:])
        rest = rest[:-5]
    return " ".join(groups)


def rf_reference(reference: str) -> str:
    """The RF creditor reference (ISO 11649) of a domestic reference, compact form."""
    numeric = "".join(str(int(ch, 36)) for ch in reference + "RF00")
    check = 98 - int(numeric) % 97
    return iso11649.validate(f"RF{check:02d}{reference}")
