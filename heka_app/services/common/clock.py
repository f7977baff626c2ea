"""One place for "now" (aware UTC) and for the Helsinki calendar day.

Everything that decides by the time of day or the calendar (sessions idling out, leases
starting on the 1st, ages, link expiry) reads :func:`utcnow`, so tests can move the whole
app to another date.

Test clock (dev/test only; ``heka_app.settings`` refuses it elsewhere):

- ``HEKA_CLOCK_START`` (ISO datetime with offset, e.g. ``2026-11-28T09:00:00+00:00``): the
  process starts its clock at that moment. Time still moves: :func:`utcnow` is the anchor
  plus the real time elapsed since the anchor was set, so sessions idle out and job leases
  expire as usual.
- ``HEKA_CLOCK_SET_AT`` (optional ISO datetime): the real moment at which the anchor was
  "now". Processes given the same pair (the app and its job worker) share one clock exactly;
  without it each process counts from its own start.
- :func:`pin_clock` sets or clears the anchor in this process (tests);
  :func:`clock_environment` gives the pair for a child process.

:func:`system_utcnow` is the machine's clock, never pinned: for times an outside party
compares with its own clock (an identification broker's ID tokens, python-jose's checks).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")
CLOCK_START_VAR = "HEKA_CLOCK_START"
CLOCK_SET_AT_VAR = "HEKA_CLOCK_SET_AT"


class ClockPin(NamedTuple):
    """The pinned moment and the real moment it was "now"."""

    start: dt.datetime
    set_at: dt.datetime


def system_utcnow() -> dt.datetime:
    """The machine's real UTC time, whatever the test clock says."""
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime, name: str) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} needs a UTC offset, e.g. 2026-11-28T09:00:00+00:00")
    return value.astimezone(dt.UTC)


def _pin_from_settings() -> ClockPin | None:
    from heka_app.settings import get_settings  # settings imports nothing of services

    settings = get_settings()
    if not settings.clock_start or not settings.is_dev:
        return None  # production never honours it (settings refuses to start as well)
    start = _aware(dt.datetime.fromisoformat(settings.clock_start), CLOCK_START_VAR)
    raw_set_at = settings.clock_set_at
    set_at = _aware(dt.datetime.fromisoformat(raw_set_at), CLOCK_SET_AT_VAR) if raw_set_at else None
    return ClockPin(start, set_at or system_utcnow())


_UNREAD = ClockPin(dt.datetime.min.replace(tzinfo=dt.UTC), dt.datetime.min.replace(tzinfo=dt.UTC))
_pin: ClockPin | None = _UNREAD  # read from the settings on first use


def pin_clock(start: dt.datetime | None, *, set_at: dt.datetime | None = None) -> None:
    """Start this process's clock at ``start`` (aware); ``None`` returns to the real clock.

    Args:
        start: The moment :func:`utcnow` answers now; it then moves on in real time.
        set_at: The real moment ``start`` stands for (default: now), to share a clock.
    """
    global _pin
    if start is None:
        _pin = None
        return
    _pin = ClockPin(_aware(start, "start"), _aware(set_at, "set_at") if set_at else system_utcnow())


def _current() -> ClockPin | None:
    global _pin
    if _pin is _UNREAD:
        _pin = _pin_from_settings()
    return _pin


def current_pin() -> ClockPin | None:
    """The pin in force in this process, if any (to restore it later)."""
    return _current()


def clock_environment() -> dict[str, str]:
    """``HEKA_CLOCK_*`` variables giving a child process this process's clock."""
    pin = _current()
    if pin is None:
        return {}
    return {CLOCK_START_VAR: pin.start.isoformat(), CLOCK_SET_AT_VAR: pin.set_at.isoformat()}


def utcnow() -> dt.datetime:
    """Timezone-aware UTC now (the models store aware UTC datetimes); honours the pin."""
    pin = _current()
    if pin is None:
        return system_utcnow()
    return pin.start + (system_utcnow() - pin.set_at)


def helsinki_today(now: dt.datetime | None = None) -> dt.date:
    """The calendar date in Helsinki: leases start and end on Helsinki days."""
    return (now or utcnow()).astimezone(HELSINKI).date()
