"""Domestic payment references (viitenumero) and RF creditor references."""

from __future__ import annotations

import pytest
from stdnum import iso11649

from heka_app.services.common.payment_references import (
    InvalidReference,
    format_reference,
    make_reference,
    normalize_reference,
    reference_check_digit,
    rf_reference,
)


def test_published_example_check_digit():
    assert reference_check_digit("12345") == "3"
    assert make_reference("12345") == "123453"


@pytest.mark.parametrize("raw", ["123453", "1 23453", "  123 453 ", "000123453"])
def test_normalize_strips_spaces_and_leading_zeros(raw):
    assert normalize_reference(raw) == "123453"


@pytest.mark.parametrize("base", ["100", "1001190001", "1234567890123456789"])
def test_made_references_are_valid(base):
    reference = make_reference(base)
    assert normalize_reference(reference) == reference


@pytest.mark.parametrize("raw", ["123454", "123450", "10011900012"])
def test_wrong_check_digit_is_rejected(raw):
    with pytest.raises(InvalidReference, match="check digit"):
        normalize_reference(raw)


@pytest.mark.parametrize("raw", ["", "123", "12a453", "123456789012345678901", None])
def test_malformed_reference_is_rejected(raw):
    with pytest.raises(InvalidReference):
        normalize_reference(raw)


@pytest.mark.parametrize("base", ["12", "12345678901234567890", "12a4"])
def test_check_digit_needs_3_to_19_digits(base):
    with pytest.raises(InvalidReference):
        reference_check_digit(base)


def test_rf_reference_of_published_example():
    assert rf_reference("1234561") == "RF341234561"
    assert iso11649.is_valid(rf_reference(make_reference("1001190001")))


@pytest.mark.parametrize(
    ("reference", "printed"),
    [
        ("1234561", "12 34561"),
        ("123453", "1 23453"),
        ("12345", "12345"),
        ("12345678901234567", "12 34567 89012 34567"),
    ],
)
def test_format_groups_of_five_from_the_right(reference, printed):
    assert format_reference(reference) == printed
