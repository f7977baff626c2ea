"""A tab keeps its Reflex token (and so its page state) when its worker was killed.

Why tabs got new tokens (issue 15, tests/e2e/test_faults_two_workers.py): the browser
does keep its token in sessionStorage and reconnects with it. But with Redis, Reflex's
``RedisTokenManager`` stores a socket record per connected token
(``token_manager_socket_record_<token>``, expiring after ``redis_token_expiration``,
one hour) and deletes it when the socket disconnects. A SIGKILLed worker never
disconnects, so its records stay; when the tab reconnects to another worker, Reflex
sees the token "connected elsewhere", takes it for a duplicated browser tab (which
copies sessionStorage) and hands out a new token: the page's state starts fresh.

The fix tells a dead owner from a live one. Every worker holds a Redis subscription to
its own channel ``heka_token_owner_<instance_id>`` for as long as it lives; the kernel
closes a killed process's connection at once and Redis drops the subscription with it.
A record whose owner has no subscriber (``PUBSUB NUMSUB`` = 0) is removed (only if it is
still the same record) before Reflex looks, so the tab keeps its token. A record of a
live worker is left alone: a really duplicated tab still gets a new token.
"""

from __future__ import annotations

import asyncio
import logging
import pickle

from reflex.utils.tasks import ensure_task
from reflex.utils.token_manager import RedisTokenManager, SocketRecord, TokenManager

logger = logging.getLogger(__name__)

ALIVE_PREFIX = "heka_token_owner_"
# Deletes the record only if it is still the one read (a live worker may have just
# claimed the token for a reconnecting tab).
_DELETE_IF_SAME = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""


def alive_channel(instance_id: str) -> str:
    """The channel a worker stays subscribed to while it lives."""
    return f"{ALIVE_PREFIX}{instance_id}"


class DeadOwnerAwareTokenManager(RedisTokenManager):
    """Reflex's Redis token manager, except that a dead worker's socket records do not
    count as connected tabs."""

    _alive_task: asyncio.Task | None = None
    _alive_for: str = ""  # the instance id the running subscription announces
    _alive_ready: asyncio.Event | None = None

    async def _announce_alive(self, instance_id: str, ready: asyncio.Event) -> None:
        async with self.redis.pubsub() as pubsub:
            await pubsub.subscribe(alive_channel(instance_id))
            ready.set()
            async for _ in pubsub.listen():  # only keeps the connection (and so us) alive
                pass

    async def _ensure_alive(self) -> None:
        # Reflex gives a forked worker a new instance id after import: follow it.
        if self._alive_for != self.instance_id and self._alive_task is not None:
            self._alive_task.cancel()
            self._alive_task = None
        if self._alive_task is None or self._alive_task.done():
            self._alive_for, self._alive_ready = self.instance_id, asyncio.Event()
        ensure_task(
            owner=self,
            task_attribute="_alive_task",
            coro_function=self._announce_alive,
            suppress_exceptions=[Exception],
            instance_id=self._alive_for,
            ready=self._alive_ready,
        )
        assert self._alive_ready is not None  # set just above with the task
        # Before this worker's first record: until then others would take it for dead.
        # Short: a Redis that refuses the subscription must not hold up every connect.
        await asyncio.wait_for(self._alive_ready.wait(), timeout=1)

    async def _owner_is_gone(self, record: SocketRecord) -> bool:
        if record.instance_id == self.instance_id:
            # Ours but not linked here: a closed socket whose delete is still in flight.
            return self.sid_to_token.get(record.sid) is None
        [(_, subscribers)] = await self.redis.pubsub_numsub(alive_channel(record.instance_id))
        return int(subscribers) == 0

    async def forget_dead_owner(self, token: str) -> bool:
        """Remove ``token``'s socket record if the worker that wrote it is gone."""
        key = self._get_redis_key(token)
        raw = await self.redis.get(key)
        # Reflex's own pickled record in our Redis (Reflex unpickles it the same way).
        if not raw or not await self._owner_is_gone(pickle.loads(raw)):  # noqa: S301
            return False
        deleted = self.redis.eval(_DELETE_IF_SAME, 1, key, raw)
        return bool(await deleted)  # type: ignore[misc]  # redis-py's sync/async union

    async def link_token_to_sid(self, token: str, sid: str) -> str | None:
        """Reflex's link, after dropping a record left behind by a dead worker."""
        try:
            await self._ensure_alive()
            if await self.forget_dead_owner(token):
                logger.info("socket record of a dead worker dropped; the tab keeps its token")
        except Exception:  # Redis trouble: Reflex's own handling decides, as before
            logger.exception("could not check the token's previous worker")
        return await super().link_token_to_sid(token, sid)

    async def close(self) -> None:
        """Stop announcing this worker, then Reflex's own clean-up."""
        if self._alive_task is not None and not self._alive_task.done():
            self._alive_task.cancel()
        self._alive_task = None
        await super().close()


_reflex_create = TokenManager.create


def _create() -> TokenManager:
    from heka_app.closed_tab_states import ClosedTabTokenManager

    manager = _reflex_create()
    if isinstance(manager, RedisTokenManager):
        return DeadOwnerAwareTokenManager(manager.redis)
    return ClosedTabTokenManager()  # one worker, state in memory


def install() -> None:
    """Make Reflex build our token managers (call before ``rx.App``):
    :class:`DeadOwnerAwareTokenManager` with Redis, else
    :class:`heka_app.closed_tab_states.ClosedTabTokenManager`."""
    TokenManager.create = staticmethod(_create)  # type: ignore[method-assign]
