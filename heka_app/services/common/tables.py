"""The SQLAlchemy Core table of a SQLModel table class, typed.

SQLModel sets ``__table__`` on every ``table=True`` class but does not declare it, so type
checkers reject ``Model.__table__``; Core statements (compare-and-set updates, bulk
deletes) and column limits read the table through here instead.
"""

from __future__ import annotations

from sqlalchemy import Table
from sqlmodel import SQLModel


def table_of(model: type[SQLModel]) -> Table:
    """The ``Table`` behind ``model`` (a ``table=True`` class)."""
    return model.__table__  # type: ignore[attr-defined]  # set by SQLModel, not declared
