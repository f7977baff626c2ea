"""A sample payload declared next to each event handler that takes arguments.

    @rx.event
    @matrix_payload(form_data={"email": "nobody@example.com", "password": "wrong"})
    async def submit(self, form_data: dict): ...

The authorization matrix test (tests/state/test_authorization_matrix.py) calls every handler
as every role with its sample, keyed by parameter name as a client sends it over the
websocket. Any plausible value does: the matrix checks who is refused, not what a handler
does. Handlers without parameters need no sample.

The decorator only records the sample on the function and returns the same function, so
Reflex registers the handler exactly as before; a misspelt parameter fails at import.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
_ATTRIBUTE = "_heka_matrix_payload"


def matrix_payload(**payload: Any) -> Callable[[F], F]:
    """Record ``payload`` (argument name -> sample value) on the decorated handler."""

    def record(fn: F) -> F:
        parameters = list(inspect.signature(fn).parameters)[1:]  # without self
        unknown = set(payload) - set(parameters)
        if unknown:
            raise TypeError(f"{fn.__qualname__} has no parameter {sorted(unknown)}")
        setattr(fn, _ATTRIBUTE, dict(payload))
        return fn

    return record


def payload_of(fn: Callable[..., Any]) -> dict[str, Any] | None:
    """The sample recorded on ``fn``, or ``None`` if it declares none."""
    recorded = getattr(fn, _ATTRIBUTE, None)
    return None if recorded is None else dict(recorded)
