"""Throttled password checks that hold no database lock while argon2 runs (issue 15).

A reservation (:func:`heka_app.services.auth.throttle.reserve`) is a write. Left in the
same transaction as the hash check that follows, it held SQLite's one write lock for the
whole argon2 run (and PostgreSQL's row locks on the throttle rows): in a burst of 200
logins, other tabs' writes waited out ``busy_timeout`` and failed with "database is
locked". So the reservation is committed on its own first. It stays atomic (the
compare-and-set in ``reserve``) and is now durable before the password is looked at:
a crash or a rollback later cannot give an attempt back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import update
from sqlmodel import Session

from heka_app.models.security import LoginThrottle
from heka_app.services.auth import throttle
from heka_app.services.common.tables import table_of

_TABLE = table_of(LoginThrottle)


def reserve_committed(
    session: Session, *, keys: Sequence[str], now: dt.datetime
) -> throttle.ThrottleDecision:
    """Reserve one attempt on every key and commit it before the caller hashes.

    Commits whatever the session holds: call it before the service writes anything
    else. A refusal is not committed (the caller logs it in its own transaction).
    """
    decision = throttle.reserve(session, keys=keys, now=now)
    if decision.allowed:
        session.commit()
    return decision


def take_back(session: Session, *, keys: Sequence[str], now: dt.datetime) -> None:
    """Give back a reserved attempt whose password was right, without clearing anything
    (re-authentication: a right password must not reset the count, finding 4), and
    commit, so the caller can hash a new password with no write lock held.

    A lock the reservation itself started stays (as with an address key in
    :func:`heka_app.services.auth.throttle.release`).
    """
    stored = [throttle.storage_key(key) for key in dict.fromkeys(keys)]
    session.exec(
        update(_TABLE)
        .where(_TABLE.c.key.in_(stored), _TABLE.c.failures > 0)
        .values(failures=_TABLE.c.failures - 1, updated_at=now)
    )
    session.commit()
