"""Run a service function in a database session off the event loop.

Every handler reaches the database this way: blocking I/O and argon2 hashing never run
on the event loop, so one slow handler does not stall the other tenants on the worker.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from heka_app.db import session_scope
from heka_app.services.auth import security_log
from heka_app.services.common.results import NotAllowed

T = TypeVar("T")


async def call_service(fn: Callable[..., T], /, **kwargs: Any) -> T:
    """``fn(session=<new session>, **kwargs)`` in a worker thread; commits on success.

    A service refusing its actor (``NotAllowed``: a handler let through what the guard
    should have stopped) is written to the security log like a guard refusal, in a
    transaction of its own since the service's rolls back, and the error goes on up.
    """

    def run() -> T:
        try:
            with session_scope() as session:
                return fn(session=session, **kwargs)
        except NotAllowed as refusal:
            actor = kwargs.get("actor")
            with session_scope() as session:
                security_log.log_security_event(
                    session,
                    event=security_log.AUTHZ_REFUSED,
                    account_id=getattr(actor, "account_id", None),
                    detail=f"service:{getattr(fn, '__qualname__', fn)}:{refusal}",
                )
            raise

    return await asyncio.to_thread(run)
