"""Reading submitted form data: any client can send any payload, so coerce and cap."""

from __future__ import annotations


def form_value(data: object, name: str, limit: int = 300) -> str:
    """``data[name]`` as a string of at most ``limit`` characters ("" when absent/odd)."""
    if not isinstance(data, dict):
        return ""
    value = data.get(name, "")
    return value[:limit] if isinstance(value, str) else ""
