"""Mark a row used exactly once, atomically, even when two requests race for it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update
from sqlmodel import Session


def claim_once(session: Session, model, row_id: int, *, now: dt.datetime) -> bool:
    """Set ``used_at`` on the row if still unused; True for the one caller that did.

    A compare-and-set UPDATE (``WHERE used_at IS NULL``): of concurrent callers exactly
    one sees a changed row, whatever each read before.
    """
    table = model.__table__
    result = session.exec(
        update(table).where(table.c.id == row_id, table.c.used_at.is_(None)).values(used_at=now)
    )
    session.flush()
    return result.rowcount == 1
