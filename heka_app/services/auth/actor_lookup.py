"""The per-event session check's common case in one statement (issue 15: CPU per event).

``resolve_actor`` runs before every protected event and on every page load. Through the
ORM it took four queries (session, account, leases, person) and ~1.2 ms of CPU, most of
it SQLAlchemy building statements and objects, not SQLite. Here one prebuilt Core
statement reads the session, its account, the person and every tenancy together; for a
live session of an active account whose person may log in, the actor is built from those
rows (and ``last_seen_at`` touched when ``TOUCH_INTERVAL`` has passed, as the ORM path
does). Every other case returns None and the caller takes the ORM path, which ends
sessions and writes the security log exactly as before. Nothing is cached between events: a logout,
a password change or an ended lease still takes effect on the very next event.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col

from heka_app.models import Lease, LeaseResident, LoginSession, Person, UserAccount
from heka_app.services.auth.actor import Actor, resident_actor
from heka_app.services.common.clock import helsinki_today
from heka_app.services.housing.residency import Tenancy, residency_from

# The columns, in the order quick_actor unpacks them.
_COLUMNS: tuple[Any, ...] = (
    LoginSession.account_id,
    LoginSession.ended_at,
    LoginSession.created_at,
    LoginSession.last_seen_at,
    UserAccount.is_active,
    UserAccount.role,
    UserAccount.person_id,
    UserAccount.display_name,
    UserAccount.email,
    UserAccount.language,
    Person.first_name,
    Person.last_name,
    LeaseResident.role,
    LeaseResident.moved_in_on,
    LeaseResident.moved_out_on,
    Lease.id,
    Lease.apartment_id,
    Lease.starts_on,
    Lease.ends_on,
)
# Built once: SQLAlchemy then reuses its compiled form and cache key on every call.
_ROWS = (
    select(*_COLUMNS)
    .select_from(LoginSession)
    .join(UserAccount, col(UserAccount.id) == col(LoginSession.account_id))
    .outerjoin(Person, col(Person.id) == col(UserAccount.person_id))
    .outerjoin(LeaseResident, col(LeaseResident.person_id) == col(UserAccount.person_id))
    .outerjoin(Lease, col(Lease.id) == col(LeaseResident.lease_id))
    .where(col(LoginSession.secret_hash) == bindparam("secret_hash"))
    .order_by(col(LeaseResident.id))
)

# last_seen_at, written at most every TOUCH_INTERVAL (as the ORM path did with a flush).
_TOUCH = (
    update(LoginSession)
    .where(col(LoginSession.secret_hash) == bindparam("hash"))
    .values(last_seen_at=bindparam("seen_at"))
)


def _touch(session: Session, secret_hash: str, now: dt.datetime, due: bool) -> None:
    if not due:
        return
    session.connection().execute(_TOUCH, {"hash": secret_hash, "seen_at": now})
    # A LoginSession this ORM session has loaded (none in a handler's fresh session)
    # must not keep the old time: the ORM path would judge the idle timeout by it.
    for obj in list(session.identity_map.values()):
        if isinstance(obj, LoginSession) and obj.secret_hash == secret_hash:
            set_committed_value(obj, "last_seen_at", now)


def quick_actor(
    *,
    session: Session,
    secret_hash: str,
    now: dt.datetime,
    idle_timeout: dt.timedelta,
    absolute_timeout: dt.timedelta,
    touch_interval: dt.timedelta,
) -> Actor | None:
    """The actor when the session is valid (its ``last_seen_at`` touched when due); else
    None: the caller then takes the full path, which ends and logs what must be."""
    rows = session.connection().execute(_ROWS, {"secret_hash": secret_hash}).all()
    if not rows:
        return None
    first = rows[0]
    (account_id, ended_at, created_at, last_seen_at, is_active, role, person_id,
     display_name, email, language, first_name, last_name) = first[:12]  # fmt: skip
    if ended_at is not None or not is_active:
        return None
    idle = now - last_seen_at
    if idle > idle_timeout or now - created_at > absolute_timeout:
        return None  # timed out: the ORM path ends it and logs why
    if person_id is None:
        _touch(session, secret_hash, now, idle > touch_interval)
        return Actor(
            role=role,
            account_id=account_id,
            display_name=display_name or email,
            language=language,
        )
    tenancies = [
        Tenancy(
            role=row[12],
            moved_in_on=row[13],
            moved_out_on=row[14],
            lease_id=row[15],
            apartment_id=row[16],
            starts_on=row[17],
            ends_on=row[18],
        )
        for row in rows
        if row[15] is not None
    ]
    residency = residency_from(tenancies, helsinki_today(now))
    if not residency.may_log_in:
        return None  # the ORM path ends every session of the account
    _touch(session, secret_hash, now, idle > touch_interval)
    return resident_actor(
        role=role,
        account_id=account_id,
        person_id=person_id,
        residency=residency,
        display_name=f"{first_name} {last_name}" if first_name is not None else email,
        language=language,
    )
