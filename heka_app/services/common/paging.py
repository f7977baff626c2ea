"""One page of a list query: the page clamped into range, how many pages, and which rows
(1-based) it shows. Shared by the tenant's lists (fault reports, messages) and the staff
inbox, so every list pages the same way."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlmodel import Session, func, select


@dataclasses.dataclass(frozen=True)
class Paged:
    """Where a page stands: ``page`` of ``pages``, rows ``first``–``last`` of ``total``
    (``first`` is 0 when there are none)."""

    page: int = 1
    pages: int = 1
    total: int = 0
    first: int = 0
    last: int = 0


def paginate(session: Session, query: Any, *, page: object, size: int) -> tuple[list, Paged]:
    """The rows of ``page`` (anything but a whole number counts as 1; past the end, the
    last page) of the ordered select ``query``, ``size`` rows a page."""
    total = session.exec(select(func.count()).select_from(query.order_by(None).subquery())).one()
    pages = max(1, -(-total // size))
    wanted = page if isinstance(page, int) and not isinstance(page, bool) else 1
    page = min(max(1, wanted), pages)
    rows = list(session.exec(query.offset((page - 1) * size).limit(size)).all())
    first = (page - 1) * size + 1 if rows else 0
    return rows, Paged(
        page=page, pages=pages, total=total, first=first, last=first + len(rows) - 1 if rows else 0
    )
