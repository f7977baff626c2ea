"""Issue 15: while argon2 checks one password, other sessions can still write.

The reservation of a throttled attempt is committed before the hash check; before, it
held SQLite's write lock (and PostgreSQL's row locks) for the whole hash and a 200-login
burst failed 25 logins with "database is locked". Each test holds the real hash at its
start (a threading.Event, no sleeps) and writes from another session that refuses to
wait for a lock, so a lock still held fails at once instead of after busy_timeout.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from heka_app.models import UserAccount
from heka_app.models.security import LoginThrottle
from heka_app.services.accounts import credentials
from heka_app.services.auth import login as login_module
from heka_app.services.auth import passwords, throttle
from heka_app.services.auth.sessions import actor_for_account
from tests.conftest import USING_POSTGRES
from tests.factories import PASSWORD, build_world
from tests.services.accounts.resets import request_reset_now
from tests.services.mail.queued import queued_mails

ADDRESS = "203.0.113.77"
NEW = "vihreä omena putoaa 31"


class HeldHash:
    """Wraps a hashing function: the first call signals ``started`` and waits for
    ``go`` before doing the real work."""

    def __init__(self, real: Callable) -> None:
        self.real, self.started, self.go = real, threading.Event(), threading.Event()

    def __call__(self, *args):
        self.started.set()
        assert self.go.wait(timeout=60), "the test never let the hash go"
        return self.real(*args)


def _write_without_waiting(engine, key: str, now) -> None:
    """Count a failure on ``key`` from another session; fail at once on a held lock."""
    with Session(engine) as other:
        if USING_POSTGRES:
            other.connection().execute(text("SET lock_timeout = '50ms'"))
        else:
            other.connection().execute(text("PRAGMA busy_timeout = 0"))
        throttle.record_failure(other, keys=[key], now=now)
        other.commit()


def _run_held(engine, held: HeldHash, work: Callable[[Session], object], write_key, now):
    """Run ``work`` in a thread; write from another session while its hash is held."""
    outcome: dict = {}

    def run() -> None:
        with Session(engine, expire_on_commit=False) as session:
            outcome["result"] = work(session)
            session.commit()

    thread = threading.Thread(target=run)
    thread.start()
    try:
        assert held.started.wait(timeout=60), "the hash never started"
        try:
            _write_without_waiting(engine, write_key, now)
        except OperationalError as locked:  # the assertion below says what went wrong
            outcome["blocked"] = str(locked.orig)
    finally:
        held.go.set()
        thread.join(timeout=120)
    assert "blocked" not in outcome, f"a write waited for the hash: {outcome['blocked']}"
    return outcome["result"]


def _failures(session: Session, key: str) -> int:
    session.expire_all()
    row = session.exec(select(LoginThrottle).where(LoginThrottle.key == key)).first()
    return row.failures if row else 0


def test_login_hash_holds_no_lock(engine, session, now, monkeypatch):
    build_world(session, now)
    session.commit()
    held = HeldHash(passwords.verify_password)
    monkeypatch.setattr(login_module, "verify_password", held)
    ip_key = f"ip:{ADDRESS}"  # the same row the login's reservation wrote

    def sign_in(s: Session):
        return login_module.login(
            session=s, email="primary@test.example", password=PASSWORD, client_ip=ADDRESS, now=now
        )

    result = _run_held(engine, held, sign_in, ip_key, now)
    assert result.ok, result.error
    # The other session's failure stays; the login's own reservation was given back.
    assert _failures(session, ip_key) == 1


def test_reauthentication_hash_holds_no_lock(engine, session, now, monkeypatch):
    world = build_world(session, now)
    session.commit()
    account_id = world.accounts["primary"]
    held = HeldHash(passwords.verify_password)
    monkeypatch.setattr(credentials, "verify_password", held)
    reauth_key = f"reauth:{account_id}"

    def wrong_password(s: Session):
        account = s.get_one(UserAccount, account_id)
        return credentials.reauthenticate(s, account, "not the password", ADDRESS, now)

    refused = _run_held(engine, held, wrong_password, reauth_key, now)
    assert refused is not None and "current" in refused.field_errors
    assert _failures(session, reauth_key) == 2  # the reserved attempt and the other write


def test_password_reset_hash_holds_no_lock(engine, session, now, monkeypatch):
    build_world(session, now)
    assert request_reset_now(session, "primary@test.example", now).ok
    session.commit()
    [mail] = queued_mails(session)
    token = next(w for w in mail.text_body.split() if "token=" in w).split("token=")[1]
    held = HeldHash(passwords.hash_password)
    monkeypatch.setattr(credentials, "hash_password", held)

    def reset(s: Session):
        return credentials.reset_password(
            session=s, token=token, new_password=NEW, again=NEW, now=now
        )

    assert _run_held(engine, held, reset, f"ip:{ADDRESS}", now).ok


@pytest.mark.parametrize("attempts", [24])
def test_parallel_reauthentications_get_five_tries(engine, session, now, attempts):
    """Re-authentication now reserves like a login: a burst gets what a sequence gets."""
    world = build_world(session, now)
    session.commit()
    account_id = world.accounts["primary"]
    answers: Counter = Counter()
    start, lock = threading.Barrier(attempts), threading.Lock()

    def attempt(n: int) -> None:
        start.wait()
        with Session(engine, expire_on_commit=False) as s:
            account = s.get_one(UserAccount, account_id)
            refused = credentials.reauthenticate(s, account, f"guess {n}", ADDRESS, now)
            s.commit()
        with lock:
            answers[refused.field_errors["current"] if refused else "ok"] += 1

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert answers[credentials.WRONG_PASSWORD] == 5, answers
    assert answers[login_module.TOO_MANY_ATTEMPTS] == attempts - 5, answers


def test_a_right_reauthentication_gives_its_attempt_back(session, now):
    world = build_world(session, now)
    account = session.get_one(UserAccount, world.accounts["primary"])
    assert actor_for_account(session=session, account=account, now=now) is not None
    wrong = credentials.reauthenticate(session, account, "nope", ADDRESS, now)
    assert wrong is not None
    assert credentials.reauthenticate(session, account, PASSWORD, ADDRESS, now) is None
    assert _failures(session, f"reauth:{account.id}") == 1  # only the wrong one counts
