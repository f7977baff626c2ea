"""How far an account has read a thread: the mark itself, and moving it forward.

Both are prebuilt Core statements (issue 15: CPU per event): opening a thread reads and
writes the mark every time, and building the ORM selects cost more than the reads.
Moving the mark is one upsert that never moves it back (two tabs marking at once keep the
larger), where it was an insert, a select and an update.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col

from heka_app.models.messages import ThreadRead
from heka_app.services.common.tables import table_of

_TABLE = table_of(ThreadRead)
_MARK = select(col(ThreadRead.last_read_message_id)).where(
    col(ThreadRead.thread_id) == bindparam("thread_id"),
    col(ThreadRead.account_id) == bindparam("account_id"),
)


def _upsert(insert):
    statement = insert(_TABLE).values(
        thread_id=bindparam("thread_id"),
        account_id=bindparam("account_id"),
        last_read_message_id=bindparam("newest"),
    )
    newer = statement.excluded.last_read_message_id
    return statement.on_conflict_do_update(
        index_elements=["thread_id", "account_id"],
        set_={"last_read_message_id": newer},
        where=_TABLE.c.last_read_message_id < newer,
    )


_UPSERT = {"sqlite": _upsert(sqlite.insert), "postgresql": _upsert(postgresql.insert)}


def read_mark(session: Session, thread_id: int, account_id: int | None) -> int:
    """The id of the newest line ``account_id`` has read in the thread (0: none)."""
    ids = {"thread_id": thread_id, "account_id": account_id}
    return session.connection().execute(_MARK, ids).scalar() or 0


def record_read(session: Session, thread_id: int, account_id: int | None, newest: int) -> None:
    """Move the account's mark up to ``newest`` (never back); part of the caller's
    transaction."""
    statement = _UPSERT[session.get_bind().dialect.name]
    values = {"thread_id": thread_id, "account_id": account_id, "newest": newest}
    session.connection().execute(statement, values)
