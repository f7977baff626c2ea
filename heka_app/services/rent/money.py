"""Money as ``Decimal`` euros outside the database and integer cents inside it: never float."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

MAX_CENTS = 99_999_999  # 999 999.99 €, the most a bank barcode can carry


class InvalidAmount(ValueError):
    """Not an amount of euros with at most two decimals."""


def parse_euros(raw: str | int | Decimal) -> Decimal:
    """``"1 234,50"``, ``"1234.50"``, ``Decimal("12.5")`` or ``12`` as a Decimal of euros.

    Raises:
        InvalidAmount: Not a number, more than two decimals, or a float was given.
    """
    if isinstance(raw, float | bool):
        raise InvalidAmount("amounts are never floats")
    if isinstance(raw, int | Decimal):
        value = Decimal(raw)
    else:
        text = str(raw).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
        try:
            value = Decimal(text)
        except InvalidOperation as exc:
            raise InvalidAmount(f"not an amount: {raw!r}") from exc
    if not value.is_finite():
        raise InvalidAmount(f"not an amount: {raw!r}")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and value != value.quantize(Decimal("0.01")):
        raise InvalidAmount("at most two decimals")
    return value.quantize(Decimal("0.01"))


def to_cents(euros: Decimal) -> int:
    """Whole cents of an amount with at most two decimals."""
    return int(euros.quantize(Decimal("0.01")) * 100)


def to_euros(cents: int) -> Decimal:
    """Euros of a whole number of cents, exactly."""
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))
