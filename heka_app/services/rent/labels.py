"""How ledger entries and amounts read in the session's language."""

from __future__ import annotations

import datetime as dt
import functools

from heka_app.i18n import BABEL_LOCALES, N_, coerce_language
from heka_app.i18n.catalogs import gettext
from heka_app.i18n.formatting import cached_date
from heka_app.services.rent.ledger import Entry

CHARGE_LABELS = {
    "rent": N_("Rent"),
    "water": N_("Water charge"),
    "sauna": N_("Sauna"),
    "parking": N_("Parking"),
    "interest": N_("Late-payment interest"),
    "other": N_("Other charge"),
}
KIND_LABELS = {"charge": N_("Charge"), "payment": N_("Payment"), "credit": N_("Credit")}


@functools.lru_cache(maxsize=4096)  # ~50 per /rent visit, the same months for every tab
def month_label(month: dt.date, language: str, style: str = "LLLL yyyy") -> str:
    """``marraskuu 2026`` / ``november 2026`` / ``November 2026`` (``LLL yy`` for charts)."""
    # Memoized: every tenant's statement names the same months (one shared string each).
    return cached_date(month, style, BABEL_LOCALES[coerce_language(language)])


def entry_label(entry: Entry, language: str) -> str:
    """``Rent 11/2026``, ``Payment`` or ``Credit`` in ``language``."""
    if entry.kind == "charge":
        label = gettext(language, CHARGE_LABELS.get(entry.charge_kind or "", N_("Charge")))
        period = entry.period or entry.due_on or entry.booked_on
        return f"{label} {period.month}/{period.year}"
    return gettext(language, KIND_LABELS.get(entry.kind, N_("Payment")))
