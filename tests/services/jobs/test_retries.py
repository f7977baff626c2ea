"""Running jobs: failures are retried with growing delays and end ``failed``; a handler that
succeeds on a later attempt ends ``done``; problems are visible in ``last_error``."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from heka_app.db import session_scope
from heka_app.models.jobs import DONE, FAILED, PENDING
from heka_app.services.jobs.claims import claim_next, retry_delay
from heka_app.services.jobs.queue import enqueue
from heka_app.services.jobs.registry import job_handler
from heka_app.services.jobs.worker import run_once
from tests.services.jobs.helpers import NOW, job

CALLS: list[dict] = []


@job_handler("test.always_fails")
def _always_fails(payload, *, key, now):
    CALLS.append(payload)
    raise ConnectionError("mail server\nunreachable")


@job_handler("test.third_time_lucky")
def _third_time_lucky(payload, *, key, now):
    CALLS.append(payload)
    if len(CALLS) < 3:
        raise TimeoutError()


@pytest.fixture(autouse=True)
def _fresh_calls():
    CALLS.clear()


def _enqueue(kind: str, key: str, **kw) -> None:
    with session_scope() as session:
        enqueue(session, kind=kind, key=key, payload={"secret": "link-token-123"}, now=NOW, **kw)


def test_retry_delay_doubles_from_ten_seconds_up_to_an_hour():
    assert [retry_delay(n).total_seconds() for n in range(1, 6)] == [10, 20, 40, 80, 160]
    assert retry_delay(10) == retry_delay(1000) == dt.timedelta(hours=1)


def test_a_failing_job_is_retried_with_growing_delay_then_fails(engine, caplog):
    caplog.set_level(logging.WARNING, logger="heka.jobs")
    _enqueue("test.always_fails", "doomed", max_attempts=4)
    now, waits = NOW, []
    for attempt in range(1, 5):
        assert run_once(now=now, worker_id="w")
        row = job(engine, "doomed")
        assert row.attempts == attempt and row.locked_by is None
        assert row.last_error == "ConnectionError: mail server unreachable"
        assert "link-token-123" not in row.last_error
        if attempt < 4:
            assert row.status == PENDING
            assert not run_once(now=row.run_after - dt.timedelta(seconds=1), worker_id="w")
            waits.append((row.run_after - now).total_seconds())
            now = row.run_after
    assert waits == [10, 20, 40]
    assert (row.status, row.finished_at) == (FAILED, now)
    assert row.payload == "{}"  # a job that will never run again keeps no mail or link
    assert len(CALLS) == 4
    assert not run_once(now=now + dt.timedelta(days=1), worker_id="w")  # stays failed
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and "failed for good" in errors[0].getMessage()


def test_a_job_succeeding_on_the_third_attempt_ends_done(engine):
    _enqueue("test.third_time_lucky", "lucky")
    now = NOW
    while run_once(now=now, worker_id="w"):
        now = job(engine, "lucky").run_after
    row = job(engine, "lucky")
    assert (row.status, row.attempts, row.last_error) == (DONE, 3, "")
    assert row.finished_at == NOW + dt.timedelta(seconds=30)
    assert row.payload == "{}"  # a done job keeps no mail body or link
    assert len(CALLS) == 3


def test_a_job_of_unknown_kind_fails_visibly(engine):
    _enqueue("test.nobody_handles_this", "orphan", max_attempts=1)
    assert run_once(now=NOW, worker_id="w")
    row = job(engine, "orphan")
    assert row.status == FAILED
    assert row.last_error.startswith("UnknownJobKind: no handler for job kind")


def test_a_job_whose_worker_died_on_its_last_attempt_fails_without_running(engine, session):
    _enqueue("test.third_time_lucky", "last-chance", max_attempts=1)
    assert claim_next(session=session, now=NOW, worker_id="dead", lease=dt.timedelta(minutes=5))
    assert run_once(now=NOW + dt.timedelta(minutes=6), worker_id="w")
    row = job(engine, "last-chance")
    assert (row.status, row.attempts) == (FAILED, 2)
    assert row.last_error.startswith("WorkerLost")
    assert CALLS == []


def test_handler_kinds_are_registered_once():
    with pytest.raises(ValueError, match="already has a handler"):
        job_handler("test.always_fails")(lambda payload, *, key, now: None)


@job_handler("test.hangs_then_fails")
def _hangs_then_fails(payload, *, key, now):
    raise TimeoutError("SMTP connect timed out")


def test_the_backoff_counts_from_the_end_of_a_slow_attempt(engine, monkeypatch):
    from heka_app.services.jobs import worker

    ticks = iter([100.0, 125.4])  # the handler hangs 25 s (an SMTP timeout)
    monkeypatch.setattr(worker.time, "monotonic", lambda: next(ticks))
    _enqueue("test.hangs_then_fails", "slow")
    assert run_once(now=NOW, worker_id="w")
    row = job(engine, "slow")
    assert row.run_after == NOW + dt.timedelta(seconds=25) + retry_delay(1)
    assert not run_once(now=NOW + dt.timedelta(seconds=30), worker_id="w")  # not due at once


def test_attempts_within_a_links_lifetime():
    from heka_app.services.jobs.claims import attempts_within

    hour = dt.timedelta(hours=1)
    attempts = attempts_within(hour)
    starts = [sum((retry_delay(n) for n in range(1, k)), dt.timedelta()) for k in (1, 2, 3)]
    assert starts == [dt.timedelta(0), dt.timedelta(seconds=10), dt.timedelta(seconds=30)]
    last_start = sum((retry_delay(n) for n in range(1, attempts)), dt.timedelta())
    assert last_start < hour <= last_start + retry_delay(attempts)
    assert attempts == 9 and attempts_within(dt.timedelta(days=2)) > attempts
