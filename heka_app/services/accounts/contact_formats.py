"""Checking what a user types as a phone number or a refund bank account.

Phone numbers go through libphonenumber (``phonenumbers``): national Finnish forms
(``040 123 4567``) and international ones (``+46 70 123 45 67``) are accepted, stored in
E.164 (``+358401234567``). IBANs through schwifty: checksum, country format and the BIC
from its bank registry. Errors are msgids for the form.
"""

from __future__ import annotations

import dataclasses

import phonenumbers
from schwifty import IBAN
from schwifty.exceptions import SchwiftyException

from heka_app.i18n import N_

PHONE_INVALID = N_("Enter a phone number, e.g. 040 123 4567 or +46 70 123 4567.")
IBAN_INVALID = N_("Check the account number: it is not a valid IBAN, e.g. FI21 1234 5600 0007 85.")
IBAN_NOT_SEPA = N_("Refunds can only be paid to an account in the SEPA area.")
_MAX_TYPED = 64  # longer input is not a number, and is never parsed


@dataclasses.dataclass(frozen=True)
class Checked:
    """The stored form of a value (``""``: cleared), or the msgid of why it was refused."""

    value: str = ""
    error: str = ""


def check_phone(raw: object) -> Checked:
    """``raw`` as an E.164 number; an empty entry clears the number."""
    text = raw.strip() if isinstance(raw, str) else ""
    if not text and isinstance(raw, str):
        return Checked()
    if not text or len(text) > _MAX_TYPED:
        return Checked(error=PHONE_INVALID)
    try:
        number = phonenumbers.parse(text, "FI")
    except phonenumbers.NumberParseException:
        return Checked(error=PHONE_INVALID)
    if not phonenumbers.is_valid_number(number):
        return Checked(error=PHONE_INVALID)
    return Checked(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def phone_for_display(e164: str) -> str:
    """``+358401234567`` -> ``+358 40 1234567`` (empty stays empty)."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def check_iban(raw: object) -> Checked:
    """``raw`` as a compact upper-case IBAN in the SEPA area; empty clears it."""
    text = raw.strip() if isinstance(raw, str) else ""
    if not text and isinstance(raw, str):
        return Checked()
    if not text or len(text) > _MAX_TYPED:
        return Checked(error=IBAN_INVALID)
    try:
        iban = IBAN(text)
    except SchwiftyException:
        return Checked(error=IBAN_INVALID)
    if not iban.in_sepa_zone:
        return Checked(error=IBAN_NOT_SEPA)
    return Checked(iban.compact)


def iban_for_display(compact: str) -> str:
    """Groups of four: ``FI21 1234 5600 0007 85``."""
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def bic_of(compact: str) -> str:
    """The BIC of the IBAN's bank from schwifty's registry ("" when it is not known)."""
    if not compact:
        return ""
    try:
        bic = IBAN(compact).bic
    except SchwiftyException:
        return ""
    return str(bic) if bic else ""


def mask_iban(compact: str) -> str:
    """For the audit log and staff: the country and the last four characters."""
    return f"{compact[:2]}** **** {compact[-4:]}" if compact else ""
