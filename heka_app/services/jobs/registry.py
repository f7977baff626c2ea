"""Which function runs a job of a given kind.

Handlers are plain functions ``handler(payload: dict, *, key: str, now: datetime) -> None``
registered with ``@job_handler("mail.send")``. A handler signals failure by raising; the
worker then retries with backoff. Handlers must tolerate being run again for the same job
(a worker can die after the work but before marking the job done).

The worker imports ``HANDLER_MODULES`` so every kind is registered before the first claim;
a job whose kind has no handler fails like any other error, visibly in ``last_error``.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from typing import Any, Protocol


class JobHandler(Protocol):
    """The signature every job handler has."""

    def __call__(self, payload: dict[str, Any], *, key: str, now: dt.datetime) -> None: ...


class UnknownJobKind(LookupError):
    """No handler is registered for the job's kind (a typo, or a module not imported)."""


# Modules defining handlers; one line per domain that has background work.
HANDLER_MODULES = (
    "heka_app.services.jobs.housekeeping",
    "heka_app.services.mail.jobs",
    "heka_app.services.content.news_mail",
    "heka_app.services.accounts.reset_requests",
    "heka_app.demo.reset",
)

_HANDLERS: dict[str, JobHandler] = {}


def job_handler(kind: str) -> Callable[[JobHandler], JobHandler]:
    """Register the decorated function as the handler of ``kind``.

    Args:
        kind: The job kind, at most 64 characters (``"<domain>.<verb>"``).

    Returns:
        A decorator that registers the function and returns it unchanged.

    Raises:
        ValueError: If another function is already registered for ``kind``.
    """

    def register(func: JobHandler) -> JobHandler:
        current = _HANDLERS.get(kind)
        # Re-importing a module (tests, reloads) registers an equal function: allowed.
        if current is not None and _qualified(current) != _qualified(func):
            raise ValueError(f"job kind {kind!r} already has a handler")
        _HANDLERS[kind] = func
        return func

    if not 0 < len(kind) <= 64:
        raise ValueError("job kind must be 1-64 characters")
    return register


def _qualified(func: Callable) -> str:
    return f"{func.__module__}.{func.__qualname__}"


def handler_for(kind: str) -> JobHandler:
    """The handler registered for ``kind``.

    Raises:
        UnknownJobKind: If no handler is registered for it.
    """
    try:
        return _HANDLERS[kind]
    except KeyError:
        raise UnknownJobKind(f"no handler for job kind {kind!r}") from None


def load_handlers() -> None:
    """Import every module in ``HANDLER_MODULES`` so their handlers are registered."""
    for module in HANDLER_MODULES:
        importlib.import_module(module)
