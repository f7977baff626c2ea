"""Run a service function in a database session off the event loop.

Every handler reaches the database this way: blocking I/O and argon2 hashing never run
on the event loop, so one slow handler does not stall the other tenants on the worker.

Services that hash passwords (marked ``@hashes_passwords``) run in their own small pool:
a burst of 200 logins queues there, first come first served, instead of filling the
default pool every other handler's database call needs, and the hashing threads run at
a lower CPU priority than the event loop, so other tabs stay answered while argon2 works
through the queue (issue 15: login storms). Argon2 keeps OWASP's parameters.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from heka_app.db import session_scope
from heka_app.services.auth import security_log
from heka_app.services.auth.passwords import is_hashing
from heka_app.services.common.results import NotAllowed

T = TypeVar("T")

# Hashing threads: HEKA_HASH_WORKERS (1 by default: one core's worth of argon2 at most),
# niced in production so the event loop and the database threads go first when the CPU
# is short.
# HEKA_HASH_WORKERS=0: no pool of its own (the default executor, as before issue 15; the
# load test's "burst-nopool" phase compares the two).
HASH_WORKERS = max(0, int(os.environ.get("HEKA_HASH_WORKERS", "1") or 0))


def hash_nice() -> int:
    """HEKA_HASH_NICE, by default 10 in production and 0 elsewhere: on a shared dev or CI
    machine a niced thread would wait behind every other program, not just our tabs."""
    raw = os.environ.get("HEKA_HASH_NICE", "")
    if raw.strip().lstrip("-").isdigit():
        return max(0, min(19, int(raw)))
    return 10 if os.environ.get("HEKA_ENV", "dev").strip().lower() == "prod" else 0


_hashing_pool: ThreadPoolExecutor | None = None


def _lower_priority() -> None:
    # Linux nice values are per thread: this lowers only the hashing thread.
    nice = hash_nice()
    if nice:
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)


def hashing_pool() -> ThreadPoolExecutor:
    """The process's pool for password hashing (its queue is first in, first out)."""
    global _hashing_pool
    if _hashing_pool is None:
        _hashing_pool = ThreadPoolExecutor(
            max_workers=HASH_WORKERS, thread_name_prefix="heka-hash", initializer=_lower_priority
        )
    return _hashing_pool


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

    if is_hashing(fn) and HASH_WORKERS:
        return await asyncio.get_running_loop().run_in_executor(hashing_pool(), run)
    return await asyncio.to_thread(run)
