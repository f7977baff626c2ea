"""What a paged list's state shares (fault reports, messages, the staff inbox): where the
page stands and ``go_to``. The list's own ``_show(page)`` guards and loads."""

from __future__ import annotations

from typing import Any

import reflex as rx

from heka_app.services.common.paging import Paged
from heka_app.state.matrix_payload import matrix_payload


class PagingMixin(rx.State, mixin=True):
    """Page ``page`` of ``pages``: rows ``first``–``last`` of ``total``."""

    page: int = 1
    pages: int = 1
    total: int = 0
    first: int = 0
    last: int = 0

    async def _show(self, page: int) -> Any:
        raise NotImplementedError

    def _show_paging(self, found: Paged) -> None:
        self.page, self.pages, self.total = found.page, found.pages, found.total
        self.first, self.last = found.first, found.last

    @rx.event
    @matrix_payload(page=2)
    async def go_to(self, page: int):
        """Another page (guard: the list's permission, in ``_show``)."""
        whole = isinstance(page, int) and not isinstance(page, bool)
        return await self._show(page if whole else 1)
