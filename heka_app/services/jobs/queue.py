"""Enqueueing a job inside the caller's transaction (the outbox half of the queue).

The row is added to the caller's session and committed by the caller's ``session_scope``
together with the change that causes it: no change without its job, no job without its
change. Keys deduplicate: a job whose key already exists is not added again, so a retried
request or several workers scheduling the same periodic job record it once. A key should
name the logical event (``mail:verify:<account id>:<token id>``), not the attempt.
Why the queue lives in our own database rather than in Huey/Redis: see the package
docstring (``services/jobs/__init__.py``).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlmodel import Session

from heka_app.models.jobs import PENDING, BackgroundJob
from heka_app.services.common.insert_once import insert_once
from heka_app.services.common.tables import table_of

DEFAULT_MAX_ATTEMPTS = 12  # with the worker's backoff: retried for about 3.5 hours
_MAX_KIND = 64
_MAX_KEY = 200


def enqueue(
    session: Session,
    *,
    kind: str,
    key: str,
    payload: dict[str, Any],
    now: dt.datetime,
    delay: dt.timedelta = dt.timedelta(0),
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
) -> bool:
    """Record a job in the caller's transaction, without committing.

    Args:
        session: The caller's session; its commit makes the job visible to workers.
        kind: The handler's kind (``registry.job_handler``), e.g. ``"mail.send"``.
        key: Deduplication key, unique over all jobs ever kept (done jobs are purged
            after 30 days).
        payload: JSON-serializable arguments of the handler.
        now: Current aware UTC time.
        delay: How long to wait before the first run.
        max_attempts: Attempts before the job is marked failed.

    Returns:
        True if the job was added, False if a job with this key already exists.

    Raises:
        ValueError: On a naive ``now``, an empty or too long kind/key, or max_attempts < 1.
        TypeError: If the payload is not JSON-serializable.
    """
    if now.utcoffset() is None:
        raise ValueError("now must be a timezone-aware datetime")
    if not 0 < len(kind) <= _MAX_KIND or not 0 < len(key) <= _MAX_KEY:
        raise ValueError("job kind or key is empty or too long")
    if max_attempts < 1:
        raise ValueError("max_attempts must be at least 1")
    values = {
        "kind": kind,
        "dedupe_key": key,
        "payload": json.dumps(payload, sort_keys=True, ensure_ascii=False),
        "status": PENDING,
        "attempts": 0,
        "max_attempts": max_attempts,
        "run_after": now + delay,
        "last_error": "",
        "created_at": now,
    }
    return insert_once(session, table_of(BackgroundJob), values, unique="dedupe_key")
