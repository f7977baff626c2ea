"""Finnish personal identity codes, checked against published and DVV test examples."""

from __future__ import annotations

import datetime as dt

import pytest

from heka_app.services.common.identity_codes import (
    InvalidIdentityCode,
    age_on,
    birth_date_of,
    mask_identity_code,
    normalize_identity_code,
)

# The check character table of the published algorithm (DVV): remainder mod 31.
_CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
DVV_TEST_PERSONS = ("010594Y9032", "020516C903K", "010501E9032")


def _with_check_char(date_part: str, sign: str, individual: str) -> str:
    return f"{date_part}{sign}{individual}{_CHECK_CHARS[int(date_part + individual) % 31]}"


def test_published_example_is_valid():
    assert normalize_identity_code("131052-308T", allow_test_codes=False) == "131052-308T"


def test_case_and_surrounding_spaces_are_forgiven():
    assert normalize_identity_code("  131052-308t ", allow_test_codes=False) == "131052-308T"


@pytest.mark.parametrize("code", DVV_TEST_PERSONS)
def test_dvv_test_persons_are_valid_when_test_codes_are_allowed(code):
    assert normalize_identity_code(code, allow_test_codes=True) == code


@pytest.mark.parametrize("code", [*DVV_TEST_PERSONS, "010190-999W", "010190Y999W"])
def test_test_codes_are_rejected_when_not_allowed(code):
    with pytest.raises(InvalidIdentityCode):
        normalize_identity_code(code, allow_test_codes=False)


def test_new_and_old_century_signs_are_different_people():
    old = normalize_identity_code("010190-999W", allow_test_codes=True)
    new = normalize_identity_code("010190Y999W", allow_test_codes=True)
    # Same birth date and individual number, but the 2023 signs make a distinct code.
    assert old != new
    assert birth_date_of(old) == birth_date_of(new) == dt.date(1990, 1, 1)


@pytest.mark.parametrize(
    "code", ["131052-308U", "131052-308", "131052-308TT", "131052Z308T", "", "hello"]
)
def test_wrong_check_character_or_shape_is_rejected(code):
    with pytest.raises(InvalidIdentityCode):
        normalize_identity_code(code, allow_test_codes=True)


def test_impossible_date_is_rejected_even_with_a_correct_check_character():
    code = _with_check_char("300290", "-", "123")  # 30 February 1990
    with pytest.raises(InvalidIdentityCode):
        normalize_identity_code(code, allow_test_codes=True)


def test_check_character_helper_reproduces_published_examples():
    assert _with_check_char("131052", "-", "308") == "131052-308T"
    assert _with_check_char("020516", "C", "903") == "020516C903K"


@pytest.mark.parametrize(
    ("code", "born"),
    [
        ("131052-308T", dt.date(1952, 10, 13)),
        ("010594Y9032", dt.date(1994, 5, 1)),
        ("020516C903K", dt.date(2016, 5, 2)),
        ("010501E9032", dt.date(2001, 5, 1)),
    ],
)
def test_birth_date_uses_the_century_sign(code, born):
    assert birth_date_of(code) == born


def test_age_changes_on_the_birthday():
    assert age_on("020516C903K", dt.date(2026, 5, 1)) == 9
    assert age_on("020516C903K", dt.date(2026, 5, 2)) == 10


def test_masking_keeps_only_the_date_part():
    assert mask_identity_code("131052-308T") == "131052-****"
    assert mask_identity_code("garbage") == "****"
