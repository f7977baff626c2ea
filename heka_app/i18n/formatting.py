"""Money, dates, numbers and opening hours formatted by Babel for fi_FI, sv_FI and en.

Money and dates are memoized (issue 15): a tab keeps the formatted strings of the page it
loaded for as long as it is open, and most of them repeat, within a tab (a lease's rent is
the same amount every month, a paid-up balance reads ``0,00 €``) and across tabs (this
month's and last month's dates). A cache hit returns the same string object, so the tabs
share one copy instead of holding one each, and Babel's formatting (tens of microseconds
a call) runs once. The caches are bounded: at most ``CACHE_SIZE`` strings each.
"""

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


CACHE_SIZE = 4096  # strings per cache: a few hundred KB at most


def format_money(cents: int, language: str) -> str:
    """Euros from cents: fi ``1 234,50 €``, sv ``1 234,50 €``, en ``€1,234.50``."""
    return _money(cents, _locale(language))


@functools.lru_cache(maxsize=CACHE_SIZE)
def _money(cents: int, locale: str) -> str:
    return format_currency(Decimal(cents) / 100, "EUR", locale=locale)


def format_date(day: dt.date, language: str, style: str = "long") -> str:
    """A date: fi ``14. maaliskuuta 2025``, sv ``14 mars 2025``, en ``March 14, 2025``."""
    return cached_date(day, style, _locale(language))


@functools.lru_cache(maxsize=CACHE_SIZE)
def cached_date(day: dt.date, style: str, locale: str) -> str:
    """Babel's ``format_date`` of ``day`` in ``style`` (a Babel pattern or name) and a
    Babel locale, memoized (see the module's docstring)."""
    return babel_format_date(day, format=style, locale=locale)


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
