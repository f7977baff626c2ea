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
    page, pages = _clamp(page, total, size)
    rows = list(session.exec(query.offset((page - 1) * size).limit(size)).all())
    return rows, _paged(page, pages, total, size, len(rows))


def paginate_prebuilt(
    session: Session, count: Any, rows: Any, params: dict[str, Any], *, page: object, size: int
) -> tuple[list, Paged]:
    """``paginate`` with statements built once (issue 15: lists load on every visit):
    ``count`` answers the total, ``rows`` is the ordered select with ``offset`` and
    ``limit`` bind parameters; ``params`` binds the rest of both."""
    total = session.exec(count, params=params).one()
    page, pages = _clamp(page, total, size)
    bound = {**params, "offset": (page - 1) * size, "limit": size}
    found = list(session.exec(rows, params=bound).all())
    return found, _paged(page, pages, total, size, len(found))


def _clamp(page: object, total: int, size: int) -> tuple[int, int]:
    pages = max(1, -(-total // size))
    wanted = page if isinstance(page, int) and not isinstance(page, bool) else 1
    return min(max(1, wanted), pages), pages


def _paged(page: int, pages: int, total: int, size: int, shown: int) -> Paged:
    first = (page - 1) * size + 1 if shown else 0
    return Paged(
        page=page, pages=pages, total=total, first=first, last=first + shown - 1 if shown else 0
    )
