"""How to pay: Heka's account, the lease's references and the bank barcode.

The virtual barcode (virtuaaliviivakoodi) follows Finance Finland's bank barcode guide:
54 digits, version 4 (domestic reference) or 5 (RF reference); see
../shared/notes/FINNISH_FORMATS.md. The printed/scannable bank barcode is Code 128 of
those digits (charset C), drawn as SVG here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from xml.sax.saxutils import escape

from barcode.codex import Code128
from barcode.writer import SVGWriter
from schwifty import IBAN

from heka_app.services.common.payment_references import (
    format_reference,
    normalize_reference,
    rf_reference,
)
from heka_app.services.rent.money import MAX_CENTS

# Heka's rent account (validated by schwifty at import: a typo fails loudly at start).
HEKA_IBAN = IBAN("FI21 1234 5600 0007 85")
HEKA_BIC = str(HEKA_IBAN.bic) if HEKA_IBAN.bic else "NDEAFIHH"
HEKA_RECIPIENT = "Helsingin kaupungin asunnot Oy (Heka)"
MEMO_SIZE = 1024  # leases' barcodes and payment details remembered (see below)


class BarcodeError(ValueError):
    """The barcode cannot carry these values (non-Finnish IBAN, amount too large...)."""


@dataclasses.dataclass(frozen=True)
class PaymentDetails:
    """What a tenant needs to pay: all strings, ready to show."""

    recipient: str
    iban: str  # grouped by four
    bic: str
    reference: str  # grouped by five
    rf_reference: str  # grouped by four
    barcode: str  # 54 digits (version 4)
    barcode_rf: str  # 54 digits (version 5)
    barcode_no_amount: str  # 54 digits, amount zero: the tenant types the sum


def _iban_digits(iban: IBAN) -> str:
    compact = iban.compact
    if iban.country_code != "FI" or len(compact) != 18:
        raise BarcodeError("the virtual barcode carries Finnish IBANs only")
    return compact[2:]


def _amount_digits(cents: int) -> str:
    if not 0 <= cents <= MAX_CENTS:
        raise BarcodeError("amount must be 0-999999.99 euros")
    return f"{cents:08d}"


def _date_digits(due_on: dt.date | None) -> str:
    return due_on.strftime("%y%m%d") if due_on else "000000"


def virtual_barcode(
    *, iban: IBAN, reference: str, cents: int, due_on: dt.date | None, rf: bool = False
) -> str:
    """The 54-digit virtual barcode; ``cents`` 0 and ``due_on`` None mean "none".

    Args:
        iban: A Finnish IBAN.
        reference: The domestic reference (with its check digit).
        cents: Amount in cents (0 = the payer types it).
        due_on: Due date, or None.
        rf: Version 5 (the RF form of the same reference) instead of version 4.

    Raises:
        BarcodeError: The values do not fit the barcode.
    """
    ref = normalize_reference(reference)
    head = _iban_digits(iban) + _amount_digits(cents)
    if rf:
        rf_ref = rf_reference(ref)
        body = rf_ref[2:4] + rf_ref[4:].rjust(21, "0")
        return "5" + head + body + _date_digits(due_on)
    return "4" + head + "000" + ref.rjust(20, "0") + _date_digits(due_on)


def group(text: str, size: int = 4) -> str:
    """``FI2112345600000785`` as ``FI21 1234 5600 0007 85``."""
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


# Memoized, as barcode_svg below: a pure function of its arguments, asked again with the
# same ones on every /rent visit of a lease until its balance changes (issue 15).
@functools.lru_cache(maxsize=MEMO_SIZE)
def payment_details(*, reference: str, cents: int, due_on: dt.date | None) -> PaymentDetails:
    """Heka's account and the lease's references, with barcodes for ``cents`` by ``due_on``."""
    ref = normalize_reference(reference)
    return PaymentDetails(
        recipient=HEKA_RECIPIENT,
        iban=group(HEKA_IBAN.compact),
        bic=HEKA_BIC,
        reference=format_reference(ref),
        rf_reference=group(rf_reference(ref)),
        barcode=virtual_barcode(iban=HEKA_IBAN, reference=ref, cents=cents, due_on=due_on),
        barcode_rf=virtual_barcode(
            iban=HEKA_IBAN, reference=ref, cents=cents, due_on=due_on, rf=True
        ),
        barcode_no_amount=virtual_barcode(iban=HEKA_IBAN, reference=ref, cents=0, due_on=None),
    )


# Code128 makes a writer of its own unless given one, and python-barcode's SVGWriter is a
# reference cycle (its callbacks are its own bound methods): every barcode left one for the
# cyclic collector (issue 15: GC passes). ``build()`` never uses the writer, so one shared
# instance serves every call.
_UNUSED_WRITER = SVGWriter()


def barcode_modules(digits: str) -> str:
    """The bars of Code 128 (charset C for the 54 digits) as ``"1"``/``"0"`` modules."""
    if len(digits) != 54 or not digits.isdigit():
        raise BarcodeError("a bank barcode has 54 digits")
    return Code128(digits, writer=_UNUSED_WRITER).build()[0]


_DARK = re.compile("1+")


# Memoized (issue 15): the page draws two barcodes a visit, the no-amount one the same for
# a lease forever and the other until its balance changes; Code 128 and the path were ~7 %
# of /rent's CPU. The same digits always draw the same SVG, and a hit shares one string
# between the tabs that show it. At most MEMO_SIZE SVGs of ~1.6 KB.
@functools.lru_cache(maxsize=MEMO_SIZE)
def barcode_svg(digits: str, *, module_px: int = 2, height_px: int = 80) -> str:
    """The bank barcode as a self-contained SVG (quiet zones of ten modules each side).

    The guide asks for bars at least 0.25 mm wide and a 6.4 mm quiet zone; at two CSS
    pixels a module the code is ~130 mm wide on a typical screen, readable by banking apps.
    The bars are one path (``M x 0 h w v height h -w z`` each): ~1.6 KB instead of ~4.1 KB of
    ``<rect>``s, kept in every /rent tab's server state and sent to its browser.
    """
    modules = barcode_modules(digits)
    quiet = 10
    width = (len(modules) + 2 * quiet) * module_px
    # Each run of dark modules found by the regex engine, not a Python loop over every
    # module (the rent page draws two barcodes a visit: issue 15).
    bars = "".join(
        f"M{(quiet + bar.start()) * module_px} 0h{w}v{height_px}h-{w}z"
        for bar in _DARK.finditer(modules)
        for w in ((bar.end() - bar.start()) * module_px,)
    )
    label = escape(digits)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height_px}" '
        f'width="{width}" height="{height_px}" role="img" aria-label="{label}">'
        f'<rect width="{width}" height="{height_px}" fill="#fff"/>'
        f'<path fill="#000" d="{bars}"/></svg>'
    )
