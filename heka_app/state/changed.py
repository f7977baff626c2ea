"""Assign state vars only when the value differs (issue 15: unchanged data not resent).

Reflex 0.10 marks a var dirty on every assignment, equal or not, and sends every dirty var
in the event's delta. A page loader that rebuilds its view on each visit therefore resent
its whole dict, and the session check its seven display vars, on every call. Comparing
first keeps the delta to what changed (an unchanged home load sends no home at all).
"""

from __future__ import annotations

from typing import Any


def assign_changed(state: Any, **values: Any) -> None:
    """``setattr(state, name, value)`` for each value that differs from the current one."""
    for name, value in values.items():
        current = getattr(state, name)
        current = getattr(current, "__wrapped__", current)  # Reflex's mutable proxy
        if type(current) is not type(value) or current != value:
            setattr(state, name, value)
