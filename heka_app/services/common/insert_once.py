"""Insert a row unless its unique key is taken: one statement, part of the caller's
transaction, safe when two requests race.

``INSERT ... ON CONFLICT DO NOTHING`` (SQLite and PostgreSQL) instead of a SAVEPOINT
around a plain insert: PostgreSQL would need the savepoint to survive the duplicate, and
on SQLite a savepoint opened as a transaction's first statement commits on its own when
released (the driver begins transactions only before a plain write), so a rolled-back
change could keep its queued job or its used link.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session


def insert_once(
    session: Session, table: Table, values: dict[str, Any], *, unique: str | tuple[str, ...]
) -> bool:
    """Insert ``values`` into ``table`` unless a row with the same ``unique`` column exists.

    Args:
        session: The caller's session; nothing is committed here.
        table: The Core table (``table_of(Model)``).
        values: Column values of the new row.
        unique: The UNIQUE column (or the columns of a composite UNIQUE constraint) that
            decides whether the row exists.

    Returns:
        True if this call inserted the row; False if it existed (or a racing call won).
    """
    keys = [unique] if isinstance(unique, str) else list(unique)
    dialect = session.get_bind().dialect.name
    statement: postgresql.Insert | sqlite.Insert
    if dialect == "postgresql":
        statement = (
            postgresql.insert(table).values(**values).on_conflict_do_nothing(index_elements=keys)
        )
    elif dialect == "sqlite":
        statement = (
            sqlite.insert(table).values(**values).on_conflict_do_nothing(index_elements=keys)
        )
    else:
        raise NotImplementedError(f"insert_once on {dialect}")
    return session.exec(statement).rowcount == 1
