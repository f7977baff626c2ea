"""Phone numbers and refund IBANs as users type them: published examples, bad checksums,
odd payloads."""

from __future__ import annotations

import pytest

from heka_app.services.accounts.contact_formats import (
    IBAN_INVALID,
    IBAN_NOT_SEPA,
    PHONE_INVALID,
    bic_of,
    check_iban,
    check_phone,
    iban_for_display,
    mask_iban,
    phone_for_display,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("040 123 4567", "+358401234567"),
        ("0401234567", "+358401234567"),
        ("+358 40 123 4567", "+358401234567"),
        ("00358401234567", "+358401234567"),
        ("09 310 32011", "+358931032011"),  # a Helsinki landline
        ("+46 70 123 45 67", "+46701234567"),  # Swedish mobile
        ("+44 20 7946 0958", "+442079460958"),
        ("  050-555 1234 ", "+358505551234"),
    ],
)
def test_phone_numbers_are_stored_in_e164(typed, stored):
    assert check_phone(typed).value == stored
    assert check_phone(typed).error == ""


@pytest.mark.parametrize(
    "typed",
    ["040 12", "12345678901234567890", "abc", "+999 123", "040 123 4567 x" * 10, None, 7, ["x"]],
)
def test_bad_phone_numbers_are_refused_with_the_message(typed):
    assert check_phone(typed).error == PHONE_INVALID
    assert check_phone(typed).value == ""


def test_an_empty_phone_clears_the_number():
    assert check_phone("   ") == check_phone("")
    assert check_phone("").value == "" and check_phone("").error == ""


def test_phone_is_shown_in_international_groups():
    assert phone_for_display("+358401234567") == "+358 40 1234567"
    assert phone_for_display("") == ""


@pytest.mark.parametrize(
    ("typed", "stored", "bic"),
    [
        ("FI21 1234 5600 0007 85", "FI2112345600000785", "NDEAFIHH"),  # Finance Finland example
        ("fi2112345600000785", "FI2112345600000785", "NDEAFIHH"),
        ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "COBADEFFXXX"),  # ECBS
        ("SE45 5000 0000 0583 9825 7466", "SE4550000000058398257466", "ESSESESS"),
    ],
)
def test_published_ibans_pass_and_their_bic_is_derived(typed, stored, bic):
    assert check_iban(typed).value == stored
    assert bic_of(stored) == bic


@pytest.mark.parametrize(
    "typed",
    [
        "FI21 1234 5600 0007 86",  # last digit changed: bad national and IBAN checksums
        "FI22 1234 5600 0007 85",  # check digits changed
        "FI21 1234 5600 0007",  # too short for Finland
        "XX21 1234 5600 0007 85",  # no such country
        "1234 5600 0007 85",
        "FI21 1234 5600 0007 85 <script>",
        "F" * 100,
        None,
        12,
    ],
)
def test_bad_ibans_are_refused(typed):
    assert check_iban(typed).error == IBAN_INVALID


def test_an_iban_outside_the_sepa_area_is_refused():
    assert check_iban("BR15 0000 0000 0000 1093 2840 814P 2").error == IBAN_NOT_SEPA


def test_iban_display_and_mask():
    assert iban_for_display("FI2112345600000785") == "FI21 1234 5600 0007 85"
    assert mask_iban("FI2112345600000785") == "FI** **** 0785"
    assert mask_iban("") == "" and bic_of("") == ""
