"""Brute-force protection: failure counters per account and per client address (ASVS 6.3.1).

Each attempt is checked against several keys at once, e.g. ``account:<email>`` and
``ip:<address>`` (login) or ``code-ip:<address>`` (registration codes). The policy follows
from the key's prefix; failures are counted in a fixed one-hour window from the first one.

The policy of each prefix is in :mod:`heka_app.services.auth.throttle_policy`.

Database use is portable (SQLite and PostgreSQL, no dialect-specific SQL). Each key has
one row (UNIQUE key); a failure is one compare-and-set UPDATE, retried if a concurrent
request changed the row first, so parallel failures are all counted (after repeated lost
races: one atomic increment with the longest lock). Functions only ``flush``; the
caller's ``session_scope`` commits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
from collections.abc import Sequence

from sqlalchemy import case, delete, update
from sqlmodel import Session, select

from heka_app.models.security import LoginThrottle
from heka_app.services.auth.throttle_policy import POLICIES, ThrottlePolicy, policy_for
from heka_app.services.common.insert_once import insert_once
from heka_app.services.common.tables import table_of

_TABLE = table_of(LoginThrottle)
_MAX_KEY = 200
_CAS_RETRIES = 8


@dataclasses.dataclass(frozen=True)
class ThrottleDecision:
    """Whether an attempt may go ahead; if not, how many seconds until it may."""

    allowed: bool
    retry_after_seconds: int = 0

    @property
    def retry_after_minutes(self) -> int:
        """The wait rounded up to whole minutes, at least one (for "try again in N min")."""
        return max(1, -(-self.retry_after_seconds // 60))


def storage_key(key: str) -> str:
    # Emails can make "account:<email>" longer than the column; hash only those so
    # short keys stay readable for operators.
    if len(key) <= _MAX_KEY:
        return key
    prefix = key.partition(":")[0][:40]
    return f"{prefix}:sha256:{hashlib.sha256(key.encode('utf-8')).hexdigest()}"


def _require_aware(now: dt.datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be a timezone-aware datetime")


def _read(session: Session, key: str):
    columns = (_TABLE.c.id, _TABLE.c.failures, _TABLE.c.window_started_at, _TABLE.c.locked_until)
    return session.exec(select(*columns).where(_TABLE.c.key == key)).first()


def check_allowed(session: Session, *, keys: Sequence[str], now: dt.datetime) -> ThrottleDecision:
    """Tell whether an attempt may be made now; read-only.

    Args:
        session: Database session.
        keys: Every key the attempt counts against (e.g. account and address).
        now: Current aware UTC time.

    Returns:
        Refused with the longest remaining lock of any key, or allowed.
    """
    _require_aware(now)
    wait = 0
    for key in keys:
        row = _read(session, storage_key(key))
        if row is not None and row.locked_until is not None and row.locked_until > now:
            wait = max(wait, math.ceil((row.locked_until - now).total_seconds()))
    return ThrottleDecision(allowed=wait == 0, retry_after_seconds=wait)


def _insert_first_failure(session: Session, key: str, policy: ThrottlePolicy, now) -> bool:
    lock = policy.lock_for(1)
    values = {
        "key": key,
        "failures": 1,
        "window_started_at": now,
        "locked_until": now + lock if lock else None,
        "updated_at": now,
    }
    # A concurrent insert of the same key wins; the caller then retries as an update.
    return insert_once(session, _TABLE, values, unique="key")


def _next_state(row, policy: ThrottlePolicy, now: dt.datetime):
    window_started = row.window_started_at
    failures = row.failures + 1
    if now - window_started >= policy.window:
        window_started, failures = now, 1
    locked_until = now + policy.lock_for(failures)
    if failures >= policy.max_failures_per_window:
        locked_until = max(locked_until, window_started + policy.window)
    if row.locked_until is not None and row.locked_until > locked_until:
        locked_until = row.locked_until  # never shorten a running lock
    return failures, window_started, (locked_until if locked_until > now else None)


def _record_one(session: Session, key: str, now: dt.datetime, *, unless_locked=False) -> bool:
    """Count one failure; with ``unless_locked`` count nothing and return False when the
    key is locked in the very row version the increment would apply to."""
    policy = policy_for(key)
    stored = storage_key(key)
    for _ in range(_CAS_RETRIES):
        row = _read(session, stored)
        if row is None:
            if _insert_first_failure(session, stored, policy, now):
                return True
            continue
        if unless_locked and row.locked_until is not None and row.locked_until > now:
            return False
        failures, window_started, locked_until = _next_state(row, policy, now)
        # Compare-and-set: only applies if no one else changed the row since we read it.
        result = session.exec(
            update(_TABLE)
            .where(
                _TABLE.c.id == row.id,
                _TABLE.c.failures == row.failures,
                _TABLE.c.window_started_at == row.window_started_at,
            )
            .values(
                failures=failures,
                window_started_at=window_started,
                locked_until=locked_until,
                updated_at=now,
            )
        )
        if result.rowcount == 1:
            return True
    # Still losing races: a burst of parallel failures on one key, an attack signal.
    # Count it anyway with one atomic increment and the policy's longest lock.
    cap = now + policy.max_delay
    keep = _TABLE.c.locked_until.is_not(None) & (_TABLE.c.locked_until > cap)
    result = session.exec(
        update(_TABLE)
        .where(_TABLE.c.key == stored)
        .values(
            failures=_TABLE.c.failures + 1,
            locked_until=case((keep, _TABLE.c.locked_until), else_=cap),
            updated_at=now,
        )
    )
    if result.rowcount != 1:
        raise RuntimeError("login throttle: could not record a failure")
    return not unless_locked  # a burst this heavy gets no verdict from this attempt


def record_failure(session: Session, *, keys: Sequence[str], now: dt.datetime) -> None:
    """Count one failed attempt against every key and set any lock the policy asks for.

    Args:
        session: Database session (flushed, not committed).
        keys: The same keys given to :func:`check_allowed`.
        now: Current aware UTC time.
    """
    _require_aware(now)
    for key in dict.fromkeys(keys):  # a key listed twice still counts once
        _record_one(session, key, now)
    session.flush()


def reserve(session: Session, *, keys: Sequence[str], now: dt.datetime) -> ThrottleDecision:
    """Check and count one attempt in one atomic step per key (finding 2: a burst of
    parallel logins all passed a separate check before any failure was counted).

    The attempt is counted as a failure before the password is verified; each key's
    increment is a compare-and-set on the row version it read, and that version decides
    whether the key was locked. So of N parallel attempts exactly as many go ahead as
    sequential ones would. A success then calls :func:`release`.
    """
    _require_aware(now)
    decision = check_allowed(session, keys=keys, now=now)
    if not decision.allowed:
        return decision
    for key in dict.fromkeys(keys):
        if not _record_one(session, key, now, unless_locked=True):
            session.flush()
            return check_allowed(session, keys=keys, now=now)
    session.flush()
    return decision


def release(session: Session, *, keys: Sequence[str], now: dt.datetime) -> None:
    """Undo a :func:`reserve` after a success: clear the keys a success clears, and take
    the counted attempt back from the others (an address key keeps earlier failures)."""
    _require_aware(now)
    record_success(session, keys=keys, now=now)
    kept = [storage_key(k) for k in dict.fromkeys(keys) if not policy_for(k).cleared_by_success]
    if kept:
        session.exec(
            update(_TABLE)
            .where(_TABLE.c.key.in_(kept), _TABLE.c.failures > 0)
            .values(failures=_TABLE.c.failures - 1)
        )
    session.flush()


def record_success(session: Session, *, keys: Sequence[str], now: dt.datetime) -> None:
    """Clear the counters a success may clear (account keys); address keys are kept.

    Args:
        session: Database session (flushed, not committed).
        keys: The same keys given to :func:`check_allowed`.
        now: Current aware UTC time.
    """
    _require_aware(now)
    cleared = [storage_key(k) for k in keys if policy_for(k).cleared_by_success]
    if cleared:
        session.exec(delete(_TABLE).where(_TABLE.c.key.in_(cleared)))
    session.flush()


def purge_stale(session: Session, *, now: dt.datetime) -> int:
    """Delete rows whose window has ended and that hold no lock (housekeeping).

    Args:
        session: Database session (flushed, not committed).
        now: Current aware UTC time.

    Returns:
        How many rows were deleted.
    """
    _require_aware(now)
    longest = max(p.window for p in POLICIES.values())
    result = session.exec(
        delete(_TABLE).where(
            _TABLE.c.window_started_at <= now - longest,
            (_TABLE.c.locked_until.is_(None)) | (_TABLE.c.locked_until <= now),
        )
    )
    session.flush()
    return result.rowcount
