"""Payment details: the published examples of FINNISH_FORMATS.md and the check digits."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from schwifty import IBAN

from heka_app.services.common.payment_references import (
    format_reference,
    make_reference,
    normalize_reference,
    rf_reference,
)
from heka_app.services.rent.money import InvalidAmount, parse_euros, to_cents, to_euros
from heka_app.services.rent.payment import (
    HEKA_BIC,
    HEKA_IBAN,
    BarcodeError,
    barcode_modules,
    barcode_svg,
    payment_details,
    virtual_barcode,
)

V4 = "437159030000007760000122500000000000000000011112161221"
V5 = "537159030000007760000011098000000000000000011112170101"
EXAMPLE_IBAN = IBAN("FI37 1590 3000 0007 76")


def test_published_reference_and_rf_examples():
    assert make_reference("12345") == "123453"
    assert rf_reference("1234561") == "RF341234561"
    assert format_reference("1234561") == "12 34561"


def test_published_virtual_barcode_version_4():
    code = virtual_barcode(
        iban=EXAMPLE_IBAN, reference="11112", cents=1225, due_on=dt.date(2016, 12, 21)
    )
    assert code == V4


def test_published_virtual_barcode_version_5():
    code = virtual_barcode(
        iban=EXAMPLE_IBAN, reference="11112", cents=110, due_on=dt.date(2017, 1, 1), rf=True
    )
    assert code == V5


def test_no_amount_and_no_due_date_are_zeros():
    code = virtual_barcode(iban=EXAMPLE_IBAN, reference="11112", cents=0, due_on=None)
    assert code[17:25] == "00000000" and code[48:] == "000000" and len(code) == 54


def test_barcode_refuses_what_it_cannot_carry():
    with pytest.raises(BarcodeError):
        virtual_barcode(iban=EXAMPLE_IBAN, reference="11112", cents=100_000_000, due_on=None)
    with pytest.raises(BarcodeError):
        virtual_barcode(
            iban=IBAN("DE89370400440532013000"), reference="11112", cents=1, due_on=None
        )


def test_heka_account_is_a_valid_finnish_iban_with_its_bic():
    assert HEKA_IBAN.country_code == "FI" and HEKA_BIC == "NDEAFIHH"
    details = payment_details(reference="123453", cents=61250, due_on=dt.date(2026, 12, 2))
    assert details.iban == "FI21 1234 5600 0007 85"
    assert details.reference == "1 23453"
    assert details.rf_reference.replace(" ", "") == rf_reference("123453")
    assert details.barcode[17:25] == "00061250" and details.barcode.endswith("261202")
    assert details.barcode_no_amount[17:25] == "00000000"


def test_code128_is_charset_c_with_the_right_check_symbol():
    modules = barcode_modules(V4)
    # Start C (11010011100), 27 digit pairs + check symbol of 11 modules, stop of 13.
    assert modules.startswith("11010011100") and modules.endswith("1100011101011")
    assert len(modules) == 11 * 29 + 13
    svg = barcode_svg(V4)
    assert svg.startswith("<svg") and f'aria-label="{V4}"' in svg
    assert _bars_drawn(svg, module_px=2) == "0" * 10 + modules + "0" * 10


def _bars_drawn(svg: str, *, module_px: int) -> str:
    """The modules the SVG's bars paint, read back from its path (``M x 0 h w ...``)."""
    width = int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1)) // module_px
    painted = ["0"] * width
    for x, w in re.findall(r"M(\d+) 0h(\d+)v\d+h-\d+z", svg):
        for m in range(int(x) // module_px, (int(x) + int(w)) // module_px):
            painted[m] = "1"
    return "".join(painted)


@given(st.from_regex(r"[1-9][0-9]{2,18}", fullmatch=True))
def test_every_reference_made_is_valid_and_its_rf_form_too(base):
    reference = make_reference(base)
    assert normalize_reference(format_reference(reference)) == reference
    rf = rf_reference(reference)
    numeric = "".join(str(int(ch, 36)) for ch in rf[4:] + rf[:4])
    assert int(numeric) % 97 == 1


@given(
    st.from_regex(r"[1-9][0-9]{2,18}", fullmatch=True),
    st.integers(0, 99_999_999),
    st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)),
    st.booleans(),
)
def test_virtual_barcode_fields_round_trip(base, cents, due, rf):
    reference = make_reference(base)
    code = virtual_barcode(iban=HEKA_IBAN, reference=reference, cents=cents, due_on=due, rf=rf)
    assert len(code) == 54 and code.isdigit()
    assert code[0] == ("5" if rf else "4") and code[1:17] == HEKA_IBAN.compact[2:]
    assert int(code[17:25]) == cents and code[48:] == due.strftime("%y%m%d")
    if rf:
        assert "RF" + code[25:27] + str(int(code[27:48])) == rf_reference(reference)
    else:
        assert str(int(code[25:48])) == reference


@given(st.integers(-(10**9), 10**9))
def test_cents_and_euros_round_trip_exactly(cents):
    assert to_cents(to_euros(cents)) == cents


def test_amounts_parse_as_decimal_never_float():
    assert to_cents(parse_euros("1 234,50")) == 123450
    assert to_cents(parse_euros("612.5")) == 61250
    for bad in ("12,345", "abc", "NaN", 12.5):
        with pytest.raises(InvalidAmount):
            parse_euros(bad)


@given(
    st.sampled_from(["12345672", "1232", "98765432103"]),
    st.integers(min_value=0, max_value=99_999_999),
    st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))),
)
def test_memoized_details_and_barcodes_are_what_a_fresh_call_draws(reference, cents, due_on):
    details = payment_details(reference=reference, cents=cents, due_on=due_on)
    fresh = payment_details.__wrapped__(reference=reference, cents=cents, due_on=due_on)
    assert details == fresh
    assert payment_details(reference=reference, cents=cents, due_on=due_on) is details
    for digits in (details.barcode, details.barcode_no_amount):
        assert barcode_svg(digits) == barcode_svg.__wrapped__(digits)
    assert (barcode_svg(details.barcode) == barcode_svg(details.barcode_no_amount)) == (
        details.barcode == details.barcode_no_amount
    )
