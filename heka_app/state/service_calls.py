"""Run a service function in a database session off the event loop.

Every handler reaches the database this way: blocking I/O and argon2 hashing never run
on the event loop, so one slow handler does not stall the other tenants on the worker.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from heka_app.db import session_scope

T = TypeVar("T")


async def call_service(fn: Callable[..., T], /, **kwargs: Any) -> T:
    """``fn(session=<new session>, **kwargs)`` in a worker thread; commits on success."""

    def run() -> T:
        with session_scope() as session:
            return fn(session=session, **kwargs)

    return await asyncio.to_thread(run)
