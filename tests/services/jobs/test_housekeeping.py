"""Housekeeping deletes what has expired and keeps what still protects or serves someone."""

from __future__ import annotations

import datetime as dt
import logging

from sqlmodel import Session, select

from heka_app.db import session_scope
from heka_app.models import (
    LoginSession,
    LoginThrottle,
    OidcAttempt,
    Person,
    RegistrationCode,
    RegistrationTicket,
    SecurityEvent,
    UsedToken,
    UserAccount,
)
from heka_app.models.jobs import DONE, FAILED, PENDING, BackgroundJob
from heka_app.services.jobs import housekeeping
from heka_app.services.jobs.worker import run_once
from tests.services.jobs.helpers import NOW, job

MIN, HOUR, DAY = dt.timedelta(minutes=1), dt.timedelta(hours=1), dt.timedelta(days=1)


def _people(session) -> tuple[int, int]:
    person = Person(
        identity_code="010594Y9032",
        first_name="Aino",
        last_name="Asukas",
        birth_date=dt.date(1994, 5, 1),
    )
    session.add(person)
    session.flush()
    account = UserAccount(
        email="aino@example.com", password_hash="x", person_id=person.id, created_at=NOW - 400 * DAY
    )
    session.add(account)
    session.flush()
    return person.id, account.id


def _build(session) -> None:
    person_id, account_id = _people(session)

    def login(name, created, seen, ended=None):
        return LoginSession(
            account_id=account_id,
            secret_hash=name,
            created_at=created,
            last_seen_at=seen,
            ended_at=ended,
        )

    def throttle(key, started, locked=None):
        return LoginThrottle(
            key=key, failures=3, window_started_at=started, locked_until=locked, updated_at=started
        )

    def ticket(name, expires):
        return RegistrationTicket(
            secret_hash=name,
            person_id=person_id,
            method="code",
            created_at=expires - 30 * MIN,
            expires_at=expires,
        )

    def code(name, expires):
        return RegistrationCode(
            person_id=person_id,
            code_hash=name,
            issued_by_id=account_id,
            created_at=expires - 14 * DAY,
            expires_at=expires,
        )

    def attempt(name, created):
        return OidcAttempt(
            state_hash=name,
            nonce="n",
            code_verifier="v",
            redirect_uri="http://x/cb",
            created_at=created,
        )

    def background(key, status, finished=None):
        # Not due: only the housekeeping job runs in this test.
        return BackgroundJob(
            kind="k",
            dedupe_key=key,
            status=status,
            run_after=NOW + DAY,
            created_at=NOW - 40 * DAY,
            finished_at=finished,
        )

    session.add_all(
        [
            login("keep-fresh", NOW - HOUR, NOW - 5 * MIN),
            login("del-ended", NOW - HOUR, NOW - 5 * MIN, ended=NOW - 10 * MIN),
            login("del-idle", NOW - HOUR, NOW - 31 * MIN),
            login("del-too-old", NOW - 13 * HOUR, NOW - MIN),
            throttle("ip:keep-window", NOW - 10 * MIN),
            throttle("ip:keep-locked", NOW - 2 * HOUR, locked=NOW + 5 * MIN),
            throttle("ip:del-stale", NOW - 2 * HOUR),
            ticket("keep-ticket", NOW + 10 * MIN),
            ticket("del-ticket", NOW - MIN),
            attempt("keep-attempt", NOW - MIN),
            attempt("del-attempt", NOW - 11 * MIN),
            UsedToken(jti="keep-jti", used_at=NOW - DAY),
            UsedToken(jti="del-jti", used_at=NOW - 4 * DAY),
            code("keep-valid", NOW + DAY),
            code("keep-recently-expired", NOW - 10 * DAY),
            code("del-long-expired", NOW - 91 * DAY),
            SecurityEvent(occurred_at=NOW - 364 * DAY, event="keep"),
            SecurityEvent(occurred_at=NOW - 366 * DAY, event="del"),
            background("keep-done", DONE, NOW - DAY),
            background("keep-failed", FAILED, NOW - 100 * DAY),
            background("keep-pending", PENDING),
            background("del-done", DONE, NOW - 31 * DAY),
        ]
    )


def _left(engine) -> dict[str, list[str]]:
    columns = {
        "login_session": LoginSession.secret_hash,
        "login_throttle": LoginThrottle.key,
        "registration_ticket": RegistrationTicket.secret_hash,
        "oidc_attempt": OidcAttempt.state_hash,
        "used_token": UsedToken.jti,
        "registration_code": RegistrationCode.code_hash,
        "security_event": SecurityEvent.event,
        "background_job": BackgroundJob.dedupe_key,
    }
    with Session(engine) as session:
        return {name: sorted(session.exec(select(col)).all()) for name, col in columns.items()}


def test_the_hourly_job_deletes_expired_rows_and_keeps_fresh_ones(engine, caplog):
    caplog.set_level(logging.INFO, logger="heka.jobs")
    with session_scope() as session:
        _build(session)
        assert housekeeping.schedule(session, now=NOW)
        assert not housekeeping.schedule(session, now=NOW + 59 * MIN)  # same hour: once
    assert run_once(now=NOW, worker_id="w")
    left = _left(engine)
    assert left.pop("background_job") == sorted(
        ["keep-done", "keep-failed", "keep-pending", "housekeeping:2026-11-28T09"]
    )
    for name, keys in left.items():
        assert keys and all(key.startswith(("keep", "ip:keep")) for key in keys), name
    assert left["login_throttle"] == ["ip:keep-locked", "ip:keep-window"]
    assert left["registration_code"] == ["keep-recently-expired", "keep-valid"]
    assert job(engine, "housekeeping:2026-11-28T09").status == DONE
    counts = next(r for r in caplog.records if "housekeeping" in r.getMessage()).getMessage()
    assert "'login_session': 3" in counts and "'background_job': 1" in counts


def test_the_next_hour_gets_its_own_run(session):
    assert housekeeping.schedule(session, now=NOW)
    assert housekeeping.schedule(session, now=NOW + HOUR)
    assert housekeeping.hour_key(NOW + HOUR) == "2026-11-28T10"
