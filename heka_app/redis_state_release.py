"""With Redis, each event's state tree is freed when the event is done, not at the next
full garbage collection.

Reflex's Redis manager (without its opportunistic lock, which we leave off) unpickles the
tab's states for every event, runs the handler and writes them back: the tree is dropped
then. But a tree is a cycle (each substate points to its parent, the parent's
``substates`` dict back to it), so reference counting never frees it; only the cyclic
collector does, and gc_tuning.py makes full collections rare on purpose (the latency
tail). Trees that outlived a young collection (an event waits for the database) piled up
until then: about 30 000 objects (4-5 MB) for 300 idle tabs
(``python -m benchmarks.tab_memory --redis ... --state``), and the worker's memory grew to
that high-water mark. Reflex breaks these cycles itself when its in-memory manager purges
a tab (``_release_state_tree``); this does the same after each Redis write, so the tree
is freed at once and its memory reused by the next event.

Anything still holding one of the states afterwards (a background task's proxy) finds its
own fields as before, and another state through ``get_state``, which loads it from Redis.
``HEKA_RELEASE_STATE_TREES=0`` turns it off.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from typing import Any

from reflex.istate.manager import _release_state_tree
from reflex.istate.manager.redis import StateManagerRedis
from reflex.state import BaseState

_REFLEX_MODIFY_STATE = StateManagerRedis.__dict__["modify_state"]


@contextlib.asynccontextmanager
async def _modify_then_release(
    self: StateManagerRedis, token: Any, **context: Any
) -> AsyncIterator[Any]:
    async with _REFLEX_MODIFY_STATE(self, token, **context) as state:
        yield state
    # Written to Redis and unlocked: nobody else gets this tree (with the opportunistic
    # lock on, Reflex keeps the tree for the tab's next events: leave it alone then).
    if not self._oplock_enabled and isinstance(state, BaseState):
        _release_state_tree(state._get_root_state())


def enabled(environ=os.environ) -> bool:
    """HEKA_RELEASE_STATE_TREES (on unless "0")."""
    return environ.get("HEKA_RELEASE_STATE_TREES", "1") != "0"


def install() -> None:
    """Release each event's tree after Reflex's Redis manager wrote it (Reflex's own
    ``modify_state`` when HEKA_RELEASE_STATE_TREES=0)."""
    chosen = _modify_then_release if enabled() else _REFLEX_MODIFY_STATE
    StateManagerRedis.modify_state = chosen  # type: ignore[method-assign,assignment]
