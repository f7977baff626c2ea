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

import asyncio
import os
import time

from reflex.utils.token_manager import LocalTokenManager

DEFAULT_GRACE_SECONDS = 900
# How often closed tabs' deadlines are checked (a state may stay this much past its grace).
SWEEP_SECONDS = 30.0


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
    _ensure_sweeper(manager, grace)
    return True


def _ensure_sweeper(manager, grace: int) -> None:
    """Reflex's expiry task sleeps until the earliest deadline it knew, so a deadline
    brought forward needs a wake-up of its own. Restarting that task on every close did
    it, but each restart walks every token at once: a reconnect storm of n closing tabs
    cost n x n. One sweeper per manager walks them every SWEEP_SECONDS instead, while a
    closed tab's deadline is pending."""
    task = getattr(manager, "_heka_sweeper", None)
    if task is None or task.done():
        manager._heka_sweeper = asyncio.get_running_loop().create_task(
            _sweep(manager, grace), name="heka closed-tab states"
        )


async def _sweep(manager, grace: int) -> None:
    while True:
        await asyncio.sleep(SWEEP_SECONDS)
        next_deadline = manager._purge_expired_tokens()
        # Every pending closed tab's deadline is within the grace; the rest are Reflex's
        # hours, which its own task keeps.
        if next_deadline is None or next_deadline > time.time() + grace:
            return


class ClosedTabTokenManager(LocalTokenManager):
    """Reflex's single-worker token manager; a closed socket's state expires soon."""

    async def disconnect_token(self, token: str, sid: str) -> None:
        """Reflex's clean-up, then the shorter deadline (a tab that comes back within
        it gets its hour again with its first event)."""
        await super().disconnect_token(token, sid)
        expire_soon(token, grace_seconds())
