"""Hourly housekeeping: delete rows that no longer protect or serve anyone.

What is deleted, and when (each rule follows the module that owns the table):

* login sessions ended, idle past ``auth.sessions.IDLE_TIMEOUT`` or older than
  ``ABSOLUTE_TIMEOUT`` - such a session is refused anyway;
* login-throttle rows whose window ended and whose lock ran out (``auth.throttle``);
* registration tickets past ``expires_at`` (used or not);
* OpenID Connect attempts older than ``signup.strong_identification.ATTEMPT_TTL``;
* used one-time-link token ids once every link they could belong to has expired
  (``auth.one_time_links.LINK_TTL`` plus a day);
* registration codes expired more than ``REGISTRATION_CODE_RETENTION`` (90 days) ago,
  kept that long so staff can answer "was a code issued to me?";
* security events older than ``SECURITY_EVENT_RETENTION`` = 365 days: long enough to
  investigate an incident found late, short enough not to keep people's login history
  forever (GDPR storage limitation);
* uploaded files that no row refers to a day after upload (``uploads.orphans``: a photo
  picked for a form that was never sent);
* done background jobs finished more than ``DONE_JOB_RETENTION`` (30 days) ago. Failed
  jobs are kept (kind, key, attempts and error; their payload is cleared when they fail)
  so that an operator can see what never went out.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col

from heka_app.db import session_scope
from heka_app.models import (
    LoginSession,
    OidcAttempt,
    RegistrationCode,
    RegistrationTicket,
    SecurityEvent,
    UsedToken,
)
from heka_app.models.jobs import DONE, BackgroundJob
from heka_app.services.auth import throttle
from heka_app.services.auth.one_time_links import LINK_TTL
from heka_app.services.auth.sessions import ABSOLUTE_TIMEOUT, IDLE_TIMEOUT
from heka_app.services.jobs.queue import enqueue
from heka_app.services.jobs.registry import job_handler
from heka_app.services.signup.strong_identification import ATTEMPT_TTL
from heka_app.services.uploads.orphans import purge_orphans

LOGGER = logging.getLogger("heka.jobs.housekeeping")
PURGE = "housekeeping.purge"
SECURITY_EVENT_RETENTION = dt.timedelta(days=365)
REGISTRATION_CODE_RETENTION = dt.timedelta(days=90)
DONE_JOB_RETENTION = dt.timedelta(days=30)
# A link's exp is at most its TTL (plus 60 s of allowed iat skew) after its use.
USED_TOKEN_RETENTION = max(LINK_TTL.values()) + dt.timedelta(days=1)


def hour_key(now: dt.datetime) -> str:
    """The UTC hour of ``now`` as ``YYYY-MM-DDTHH`` (one housekeeping run per hour)."""
    return now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H")


def schedule(session: Session, *, now: dt.datetime) -> bool:
    """Enqueue this hour's housekeeping under ``housekeeping:<UTC hour>``.

    Returns:
        True if enqueued, False if a worker already did for this hour.
    """
    return enqueue(
        session,
        kind=PURGE,
        key=f"housekeeping:{hour_key(now)}",
        payload={},
        now=now,
        max_attempts=3,
    )


def _deleted(session: Session, statement) -> int:
    return session.exec(statement).rowcount


def purge_expired(*, session: Session, now: dt.datetime) -> dict[str, int]:
    """Delete every expired row described in the module docstring (flushes only).

    Args:
        session: Database session; the caller commits.
        now: Current aware UTC time.

    Returns:
        Deleted row counts by table name.
    """
    ended = (
        col(LoginSession.ended_at).is_not(None)
        | (col(LoginSession.last_seen_at) < now - IDLE_TIMEOUT)
        | (col(LoginSession.created_at) < now - ABSOLUTE_TIMEOUT)
    )
    counts = {
        "login_session": _deleted(session, delete(LoginSession).where(ended)),
        "login_throttle": throttle.purge_stale(session, now=now),
        "registration_ticket": _deleted(
            session, delete(RegistrationTicket).where(col(RegistrationTicket.expires_at) <= now)
        ),
        "oidc_attempt": _deleted(
            session, delete(OidcAttempt).where(col(OidcAttempt.created_at) < now - ATTEMPT_TTL)
        ),
        "used_token": _deleted(
            session, delete(UsedToken).where(col(UsedToken.used_at) < now - USED_TOKEN_RETENTION)
        ),
        "registration_code": _deleted(
            session,
            delete(RegistrationCode).where(
                col(RegistrationCode.expires_at) < now - REGISTRATION_CODE_RETENTION
            ),
        ),
        "security_event": _deleted(
            session,
            delete(SecurityEvent).where(
                col(SecurityEvent.occurred_at) < now - SECURITY_EVENT_RETENTION
            ),
        ),
        "background_job": _deleted(
            session,
            delete(BackgroundJob).where(
                col(BackgroundJob.status) == DONE,
                col(BackgroundJob.finished_at) < now - DONE_JOB_RETENTION,
            ),
        ),
        "uploaded_file": purge_orphans(session=session, now=now),
    }
    session.flush()
    return counts


@job_handler(PURGE)
def run_purge(payload: dict[str, Any], *, key: str, now: dt.datetime) -> None:
    """The ``housekeeping.purge`` job: purge in one transaction and log the counts."""
    with session_scope() as session:
        counts = purge_expired(session=session, now=now)
    LOGGER.info("housekeeping %s deleted %s", key, counts)
