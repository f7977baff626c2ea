"""Issue 15: with Redis, an event's state tree is freed as soon as it is written back
(heka_app/redis_state_release.py), by reference counting, not at the next full garbage
collection; what the event changed is in Redis for the next one."""

from __future__ import annotations

import gc
import os
import uuid
import weakref

import pytest
from reflex.istate.manager.redis import StateManagerRedis
from reflex.istate.manager.token import BaseStateToken

from heka_app import redis_state_release
from heka_app.state.rent import RentState
from tests.state.handler_calls import run

REDIS_URL = os.environ.get("HEKA_REDIS_URL", "")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="the tree comes from Redis")


async def _event(manager: StateManagerRedis, token: str, mode: str) -> weakref.ref:
    """One event's worth: the tree loaded, RentState changed, written back; a weak
    reference to the tree's root."""
    async with manager.modify_state(BaseStateToken(ident=token, cls=RentState)) as root:
        (await root.get_state(RentState)).mode = mode
        loaded = weakref.ref(root)
    del root
    return loaded


def _manager() -> StateManagerRedis:
    from redis.asyncio import Redis

    return StateManagerRedis(redis=Redis.from_url(REDIS_URL))  # type: ignore[abstract]


@pytest.mark.parametrize("release", ["1", "0"])
def test_an_events_tree_is_freed_when_written_and_its_changes_kept(monkeypatch, release):
    monkeypatch.setattr(StateManagerRedis, "modify_state", StateManagerRedis.modify_state)
    monkeypatch.setenv("HEKA_RELEASE_STATE_TREES", release)
    redis_state_release.install()

    async def scenario() -> None:
        manager, token = _manager(), str(uuid.uuid4())
        gc.disable()  # only reference counting frees anything in here
        try:
            loaded = await _event(manager, token, "tenant")
            assert (loaded() is None) is (release == "1")  # Reflex's own: a cycle, kept
            async with manager.modify_state(BaseStateToken(ident=token, cls=RentState)) as root:
                assert (await root.get_state(RentState)).mode == "tenant"
        finally:
            gc.enable()
            await manager.close()

    run(scenario())
