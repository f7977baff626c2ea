"""A service's frozen dataclasses as the plain dicts state vars hold: what
``dataclasses.asdict`` gives, without its deep copy of every string and number.

``asdict`` deep-copies each leaf value; a rent overview has about a thousand (24 months of
formatted amounts), and the copies were ~8 % of the rent page's worker CPU (issue 15).
The services' results hold only immutable leaves (str, int, bool, None, dates), so the
same dicts, lists and tuples are built and the leaves shared.
"""

from __future__ import annotations

import dataclasses
from typing import Any


def _names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


_FIELDS: dict[type, tuple[str, ...]] = {}


def plain(value: Any) -> Any:
    """``value`` with every dataclass a dict, every tuple and list rebuilt (as asdict)."""
    if hasattr(type(value), "__dataclass_fields__"):
        return {name: plain(getattr(value, name)) for name in _names(type(value))}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a namedtuple
        return type(value)(*(plain(item) for item in value))
    if isinstance(value, tuple | list):
        return type(value)(plain(item) for item in value)
    if isinstance(value, dict):
        return {plain(key): plain(item) for key, item in value.items()}
    return value


def as_dict(value: Any, omit: tuple[str, ...] = ()) -> dict[str, Any]:
    """A dataclass instance as ``dataclasses.asdict`` gives it, less the fields ``omit``
    names (never converted: a state that keeps part of a result converts only that)."""
    assert hasattr(type(value), "__dataclass_fields__")
    return {name: plain(getattr(value, name)) for name in _names(type(value)) if name not in omit}
