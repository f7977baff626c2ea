"""Issue 15: a tab whose worker was killed keeps its token on the next worker; a tab
duplicated while its worker lives still gets a new one (Reflex's duplicate-tab rule).

Two token managers on one Redis stand for two workers. "Killed" here means what the
kernel does to a SIGKILLed worker: its Redis connections close, nothing is cleaned up
(its socket records stay). tests/e2e/test_faults_two_workers.py kills a real process.
"""

from __future__ import annotations

import asyncio
import os
import uuid

import pytest

from heka_app.dead_worker_tokens import DeadOwnerAwareTokenManager, alive_channel

REDIS_URL = os.environ.get("HEKA_REDIS_URL", "")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="socket records live in Redis")


def _worker() -> DeadOwnerAwareTokenManager:
    from redis.asyncio import Redis

    return DeadOwnerAwareTokenManager(Redis.from_url(REDIS_URL))


async def _kill(worker: DeadOwnerAwareTokenManager) -> None:
    """Drop the worker's connections without any disconnect handling."""
    for task in (worker._alive_task, worker._socket_record_task):
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
    await worker.redis.aclose()


async def _subscribers(worker: DeadOwnerAwareTokenManager, instance_id: str) -> int:
    [(_, count)] = await worker.redis.pubsub_numsub(alive_channel(instance_id))
    return int(count)


def test_a_killed_workers_tab_keeps_its_token_a_duplicated_tab_does_not():
    async def scenario() -> None:
        first, second = _worker(), _worker()
        token, duplicate = str(uuid.uuid4()), None
        try:
            assert await first.link_token_to_sid(token, "sid-on-first") is None
            # The same token from a second tab while the first worker lives: a new one.
            duplicate = await second.link_token_to_sid(token, "sid-duplicate")
            assert duplicate is not None and duplicate != token
            await _kill(first)
            assert await _subscribers(second, first.instance_id) == 0
            # The browser reconnects to the other worker with the token it kept.
            assert await second.link_token_to_sid(token, "sid-after-kill") is None
            assert second.sid_to_token["sid-after-kill"] == token
        finally:
            for key in (token, duplicate or token):
                await second.redis.delete(second._get_redis_key(key))
            await second.close()

    asyncio.run(scenario())


def test_a_closed_socket_of_a_live_worker_is_not_taken_for_dead():
    async def scenario() -> None:
        worker = _worker()
        token = str(uuid.uuid4())
        try:
            assert await worker.link_token_to_sid(token, "sid-1") is None
            assert not await worker.forget_dead_owner(token)  # linked here: alive
            # Closed locally, its record not yet deleted (the delete is in flight).
            worker.sid_to_token.pop("sid-1")
            assert await worker.forget_dead_owner(token)
            assert await worker.link_token_to_sid(token, "sid-2") is None
        finally:
            await worker.redis.delete(worker._get_redis_key(token))
            await worker.close()

    asyncio.run(scenario())
