"""Money, dates, numbers and opening hours formatted by Babel for fi_FI, sv_FI and en."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal

from babel.dates import format_date as babel_format_date
from babel.dates import get_day_names
from babel.numbers import format_currency, format_decimal

from heka_app.i18n import BABEL_LOCALES, coerce_language


def _locale(language: str) -> str:
    return BABEL_LOCALES[coerce_language(language)]


# Money and dates are memoized: Babel parses the locale and the pattern on every call
# (~0.3 ms for an amount), and /rent formats ~150 amounts and ~90 dates per visit, 60 %
# of that page's CPU (issue 15). The same amounts and dates recur across months and
# tenants, and the results are immutable strings, so every tab shares them.
@functools.lru_cache(maxsize=16384)
def format_money(cents: int, language: str) -> str:
    """Euros from cents: fi ``1 234,50 €``, sv ``1 234,50 €``, en ``€1,234.50``."""
    return format_currency(Decimal(cents) / 100, "EUR", locale=_locale(language))


@functools.lru_cache(maxsize=8192)
def format_date(day: dt.date, language: str, style: str = "long") -> str:
    """A date: fi ``14. maaliskuuta 2025``, sv ``14 mars 2025``, en ``March 14, 2025``."""
    return babel_format_date(day, format=style, locale=_locale(language))


def format_number(value: float | int | Decimal, language: str) -> str:
    """A number with the language's separators: fi ``1 234,5``, en ``1,234.5``."""
    return format_decimal(value, locale=_locale(language))


def format_opening_hours(spec: str, language: str) -> list[str]:
    """Opening hours ``"1-4 09:00-15:00;5 09:00-12:00"`` as readable lines.

    Args:
        spec: ``;``-separated items of a weekday or weekday range (1 = Monday) and a
            time range.
        language: fi, sv or en.

    Returns:
        e.g. fi ``["ma–to 9.00–15.00", "pe 9.00–12.00"]``, en ``["Mon–Thu 9:00–15:00", ...]``.
    """
    locale = _locale(language)
    days = get_day_names("abbreviated", locale=locale)
    separator = "." if coerce_language(language) in {"fi", "sv"} else ":"
    lines = []
    for item in filter(None, (part.strip() for part in spec.split(";"))):
        day_part, _, time_part = item.partition(" ")
        first, _, last = day_part.partition("-")
        label = days[int(first) - 1].rstrip(".")
        if last:
            label += "–" + days[int(last) - 1].rstrip(".")
        opens, _, closes = time_part.partition("-")
        lines.append(f"{label} {_clock(opens, separator)}–{_clock(closes, separator)}")
    return lines


def _clock(hhmm: str, separator: str) -> str:
    hours, _, minutes = hhmm.partition(":")
    return f"{int(hours)}{separator}{minutes or '00'}"
