"""Following one record live on its page (a fault report, a message thread): ``tick``
runs every second while the page is open and reloads the record when its version moved.
The version lives in the database, so a change made through any backend worker shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx

from heka_app.services.common.results import NotFound
from heka_app.state.guard import guard
from heka_app.state.service_calls import call_service


class LiveReloadMixin(rx.State, mixin=True):
    """The version shown and whether the record is gone; the page's state says what it
    follows (``_live_source``) and how it reloads (``_reload``)."""

    version: int = 0
    missing: bool = False

    def _live_source(self) -> tuple[str, Callable[..., int], dict[str, Any]]:
        """``(permission, version service, its id argument)`` of the record on the page;
        an id of 0 means nothing is open."""
        raise NotImplementedError

    async def _reload(self) -> Any:
        raise NotImplementedError

    @rx.event
    async def tick(self):
        """Reload when the record changed (guard: the page's permission; scoped lookup)."""
        permission, version_of, ids = self._live_source()
        actor, refusal = await guard(self, permission)
        if refusal is not None or not all(ids.values()) or self.missing:
            return refusal
        try:
            version = await call_service(version_of, actor=actor, **ids)
        except NotFound:
            return None
        if version != self.version:
            return await self._reload()
        return None
