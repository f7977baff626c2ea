"""What a paged list's state shares (fault reports, messages, the staff inbox): its cards,
where the page stands, ``go_to``, and ``_load_page`` (guard, then one service call for the
page). The list's own ``_show(page)`` says which service and permission."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx

from heka_app.services.common.clock import utcnow
from heka_app.services.common.paging import Paged
from heka_app.state.changed import assign_changed
from heka_app.state.guard import guard
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.plain_data import as_dict
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState


class PagingMixin(rx.State, mixin=True):
    """Page ``page`` of ``pages``: rows ``first``–``last`` of ``total``."""

    cards: list[dict] = []
    loaded: bool = False
    page: int = 1
    pages: int = 1
    total: int = 0
    first: int = 0
    last: int = 0

    async def _show(self, page: int) -> Any:
        raise NotImplementedError

    async def _load_page(
        self, permission: str, list_page: Callable[..., Any], page: int, **kwargs: Any
    ) -> tuple[Any, Any, Any]:
        """``(actor, found, refusal)``: the guard's refusal (the list emptied), or page
        ``page`` of ``list_page`` in the session's language shown."""
        actor, refusal = await guard(self, permission)
        if refusal is not None:
            self.reset()
            return None, None, refusal
        language = (await self.get_state(SessionState)).lang
        found = await call_service(
            list_page, actor=actor, now=utcnow(), language=language, page=page, **kwargs
        )
        self._show_paging(found, cards=[as_dict(c) for c in found.cards])
        return actor, found, None

    def _show_paging(self, found: Paged, **values: Any) -> None:
        # Only what changed goes in the delta: a list opened again unchanged sends nothing.
        assign_changed(
            self, page=found.page, pages=found.pages, total=found.total,
            first=found.first, last=found.last, loaded=True, **values,
        )  # fmt: skip

    @rx.event
    @matrix_payload(page=2)
    async def go_to(self, page: int):
        """Another page (guard: the list's permission, in ``_show``)."""
        whole = isinstance(page, int) and not isinstance(page, bool)
        return await self._show(page if whole else 1)
