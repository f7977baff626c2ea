"""A closed tab's state leaves the worker's memory after a grace period, not an hour later.

Reflex's in-memory state manager keeps every tab's whole state tree (all substates,
the page data it loaded: ~190 KB of RSS per tab after the six pages of the load test,
benchmarks/tab_memory.py) until ``redis_token_expiration`` (one hour) after its last
event, whether the tab is still open or not. So a single worker held every tab opened
in the last hour, not the tabs open now. When a tab's socket closes, its deadline is
brought forward to HEKA_CLOSED_TAB_STATE_SECONDS (900 by default: a reload, a phone
waking up or a network change reconnects with the same token well within it and finds
its state; after it, a reconnecting tab starts fresh and its page loads its data again,
the session cookie still signs it in). An open tab keeps Reflex's hour. 0 turns it off.
With Redis, state lives in Redis under Reflex's own expiry: nothing changes there.
"""

from __future__ import annotations

import os
import time

from reflex.utils.token_manager import LocalTokenManager

DEFAULT_GRACE_SECONDS = 900


def grace_seconds(environ=os.environ) -> int:
    """HEKA_CLOSED_TAB_STATE_SECONDS, or the default; 0 (or less) turns it off."""
    raw = environ.get("HEKA_CLOSED_TAB_STATE_SECONDS", "").strip()
    return int(raw) if raw.lstrip("-").isdigit() else DEFAULT_GRACE_SECONDS


def expire_soon(token: str, grace: int, manager=None) -> bool:
    """Bring the in-memory state's deadline of ``token`` forward to ``grace`` seconds
    from now (never later than it was). True when it was moved."""
    from reflex.istate.manager import get_state_manager
    from reflex.istate.manager.memory import StateManagerMemory

    manager = manager or get_state_manager()
    if grace <= 0 or not isinstance(manager, StateManagerMemory):
        return False
    entry = manager._token_expires_at.get(token)  # a root state's cache key is its token
    deadline = time.time() + grace
    if entry is None or entry[0] <= deadline:
        return False
    manager._token_expires_at[token] = (deadline, entry[1])
    # The expiry task sleeps until the earliest deadline it knew: start one that knows
    # this one (the old task no longer counts as the manager's when it wakes).
    if manager._expiration_task is not None:
        manager._expiration_task.cancel()
        manager._expiration_task = None
    manager._ensure_expiration_task()
    return True


class ClosedTabTokenManager(LocalTokenManager):
    """Reflex's single-worker token manager; a closed socket's state expires soon."""

    async def disconnect_token(self, token: str, sid: str) -> None:
        """Reflex's clean-up, then the shorter deadline (a tab that comes back within
        it gets its hour again with its first event)."""
        await super().disconnect_token(token, sid)
        expire_soon(token, grace_seconds())
