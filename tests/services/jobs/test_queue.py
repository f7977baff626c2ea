"""Enqueueing is part of the caller's transaction: rollback drops the job, commit keeps
exactly one, and a duplicate key is ignored without spoiling the caller's other writes."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlmodel import Session, select

from heka_app.db import session_scope
from heka_app.models import SecurityEvent
from heka_app.models.jobs import PENDING
from heka_app.services.jobs.queue import enqueue
from tests.services.jobs.helpers import NOW, all_jobs, job


def _event(name: str) -> SecurityEvent:
    return SecurityEvent(occurred_at=NOW, event=name)


def _events(engine) -> list[str]:
    with Session(engine) as session:
        return list(session.exec(select(SecurityEvent.event).order_by(SecurityEvent.id)).all())


def test_a_rolled_back_change_leaves_no_job(engine):
    with pytest.raises(RuntimeError), session_scope() as session:
        session.add(_event("registered"))
        assert enqueue(session, kind="mail.send", key="mail:1", payload={"to": "a"}, now=NOW)
        raise RuntimeError("the change failed after the enqueue")
    assert all_jobs(engine) == []
    assert _events(engine) == []


def test_a_job_queued_as_the_first_statement_is_undone_with_its_transaction(engine):
    # SQLite's driver would otherwise start the transaction only at the first plain write,
    # and the enqueue's SAVEPOINT, released on its own, would commit the job by itself.
    with pytest.raises(RuntimeError), session_scope() as session:
        assert enqueue(session, kind="mail.send", key="mail:first", payload={}, now=NOW)
        raise RuntimeError("the change failed after the enqueue")
    assert all_jobs(engine) == []


def test_a_committed_change_leaves_exactly_one_due_job(engine):
    with session_scope() as session:
        session.add(_event("registered"))
        enqueue(session, kind="mail.send", key="mail:1", payload={"to": "ä@x"}, now=NOW)
    (row,) = all_jobs(engine)
    assert (row.kind, row.dedupe_key, row.status, row.attempts) == (
        "mail.send",
        "mail:1",
        PENDING,
        0,
    )
    assert json.loads(row.payload) == {"to": "ä@x"}
    assert row.run_after == NOW and row.created_at == NOW
    assert row.locked_by is None and row.finished_at is None and row.last_error == ""


def test_a_duplicate_key_is_ignored_and_the_callers_writes_still_commit(engine):
    with session_scope() as session:
        enqueue(session, kind="mail.send", key="mail:1", payload={"n": 1}, now=NOW)
    with session_scope() as session:
        session.add(_event("before"))
        session.flush()
        assert not enqueue(session, kind="mail.send", key="mail:1", payload={"n": 2}, now=NOW)
        session.add(_event("after"))
    assert _events(engine) == ["before", "after"]
    assert json.loads(job(engine, "mail:1").payload) == {"n": 1}
    assert len(all_jobs(engine)) == 1


def test_a_duplicate_within_one_transaction_is_ignored_too(engine):
    with session_scope() as session:
        assert enqueue(session, kind="k", key="same", payload={}, now=NOW)
        assert not enqueue(session, kind="k", key="same", payload={}, now=NOW)
        assert enqueue(session, kind="k", key="other", payload={}, now=NOW)
    assert [j.dedupe_key for j in all_jobs(engine)] == ["same", "other"]


def test_delay_and_bad_arguments(session):
    assert enqueue(session, kind="k", key="later", payload={}, now=NOW, delay=dt.timedelta(hours=1))
    session.commit()
    assert job(session.get_bind(), "later").run_after == NOW + dt.timedelta(hours=1)
    with pytest.raises(ValueError):
        enqueue(session, kind="k", key="naive", payload={}, now=NOW.replace(tzinfo=None))
    with pytest.raises(ValueError):
        enqueue(session, kind="k", key="x" * 201, payload={}, now=NOW)
    with pytest.raises(TypeError):
        enqueue(session, kind="k", key="bad", payload={"when": NOW}, now=NOW)
