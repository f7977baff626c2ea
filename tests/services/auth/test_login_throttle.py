"""Brute-force throttle: growing delays, 15-minute cap, reset on success, per-IP keys."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session, select

from heka_app.models.security import LoginThrottle
from heka_app.services.auth import throttle as lt

T0 = dt.datetime(2025, 3, 3, 8, 0, tzinfo=dt.UTC)
ACCOUNT = "account:matti@example.com"
IP = "ip:203.0.113.5"


def _fail(session, keys, now, times=1):
    for _ in range(times):
        lt.record_failure(session, keys=keys, now=now)


def test_four_failures_are_free_then_the_delay_grows_and_stops_at_15_minutes(session):
    keys = [ACCOUNT]
    _fail(session, keys, T0, times=4)
    assert lt.check_allowed(session, keys=keys, now=T0).allowed
    now = T0
    waits = []
    for _ in range(8):
        lt.record_failure(session, keys=keys, now=now)
        decision = lt.check_allowed(session, keys=keys, now=now)
        assert not decision.allowed
        waits.append(decision.retry_after_seconds)
        now += dt.timedelta(seconds=decision.retry_after_seconds)
        assert lt.check_allowed(session, keys=keys, now=now).allowed
    assert waits == [30, 60, 120, 240, 480, 900, 900, 900]


def test_retry_after_counts_down(session):
    _fail(session, [ACCOUNT], T0, times=5)
    later = lt.check_allowed(session, keys=[ACCOUNT], now=T0 + dt.timedelta(seconds=12))
    assert later == lt.ThrottleDecision(False, 18)


def test_success_clears_the_account_key_but_not_the_address(session):
    keys = [ACCOUNT, IP]
    _fail(session, keys, T0, times=5)
    assert not lt.check_allowed(session, keys=[ACCOUNT], now=T0).allowed
    lt.record_success(session, keys=keys, now=T0)
    assert lt.check_allowed(session, keys=[ACCOUNT], now=T0).allowed
    # Counting starts again from zero for the account...
    _fail(session, [ACCOUNT], T0, times=4)
    assert lt.check_allowed(session, keys=[ACCOUNT], now=T0).allowed
    # ...while the address keeps its 5 failures (an attacker can't reset it by logging in).
    row = session.exec(select(LoginThrottle).where(LoginThrottle.key == IP)).one()
    assert row.failures == 5


def test_address_keys_have_a_higher_threshold_and_are_independent(session):
    other_ip = "ip:198.51.100.7"
    for n in range(19):
        lt.record_failure(session, keys=[f"account:user{n}@example.com", IP], now=T0)
    assert lt.check_allowed(session, keys=[IP], now=T0).allowed
    lt.record_failure(session, keys=["account:user19@example.com", IP], now=T0)
    blocked = lt.check_allowed(session, keys=["account:new@example.com", IP], now=T0)
    assert blocked == lt.ThrottleDecision(False, 30)
    # The same account from another address is fine; the other address is fine.
    assert lt.check_allowed(session, keys=["account:new@example.com", other_ip], now=T0).allowed


def test_the_longest_lock_of_all_keys_wins(session):
    _fail(session, [ACCOUNT], T0, times=6)  # 60 s
    _fail(session, [IP], T0, times=20)  # 30 s
    assert lt.check_allowed(session, keys=[ACCOUNT, IP], now=T0).retry_after_seconds == 60


def test_the_window_resets_after_an_hour(session):
    _fail(session, [ACCOUNT], T0, times=7)
    later = T0 + dt.timedelta(hours=1, seconds=1)
    assert lt.check_allowed(session, keys=[ACCOUNT], now=later).allowed
    lt.record_failure(session, keys=[ACCOUNT], now=later)
    row = session.exec(select(LoginThrottle).where(LoginThrottle.key == ACCOUNT)).one()
    assert row.failures == 1
    assert lt.check_allowed(session, keys=[ACCOUNT], now=later).allowed


def test_a_patient_attacker_gets_few_guesses_and_is_never_locked_over_15_minutes(session):
    now, end, guesses, longest = T0, T0 + dt.timedelta(hours=1), 0, 0
    while now < end:
        decision = lt.check_allowed(session, keys=[ACCOUNT], now=now)
        if decision.allowed:
            lt.record_failure(session, keys=[ACCOUNT], now=now)
            guesses += 1
        else:
            longest = max(longest, decision.retry_after_seconds)
            now += dt.timedelta(seconds=decision.retry_after_seconds)
    assert guesses <= 15
    assert longest <= 15 * 60


def test_a_burst_of_100_failures_in_an_hour_refuses_the_account_until_the_hour_ends(session):
    # Parallel requests can all pass check_allowed before any failure is recorded.
    _fail(session, [ACCOUNT], T0, times=100)
    assert not lt.check_allowed(session, keys=[ACCOUNT], now=T0 + dt.timedelta(minutes=59)).allowed
    assert lt.check_allowed(session, keys=[ACCOUNT], now=T0 + dt.timedelta(hours=1)).allowed
    # 99 is still only the normal 15-minute lock.
    other = "account:other@example.com"
    _fail(session, [other], T0, times=99)
    assert lt.check_allowed(session, keys=[other], now=T0).retry_after_seconds == 900


def test_registration_code_addresses_are_throttled_sooner(session):
    key = "code-ip:203.0.113.5"
    _fail(session, [key], T0, times=4)
    assert lt.check_allowed(session, keys=[key], now=T0).allowed
    lt.record_failure(session, keys=[key], now=T0)
    assert lt.check_allowed(session, keys=[key], now=T0) == lt.ThrottleDecision(False, 60)
    lt.record_success(session, keys=[key], now=T0)
    assert not lt.check_allowed(session, keys=[key], now=T0).allowed


def test_keys_longer_than_the_column_are_hashed_consistently(session):
    key = "account:" + "a" * 240 + "@example.com"
    _fail(session, [key], T0, times=5)
    assert not lt.check_allowed(session, keys=[key], now=T0).allowed
    stored = session.exec(select(LoginThrottle.key)).one()
    assert len(stored) <= 200 and stored.startswith("account:sha256:")
    lt.record_success(session, keys=[key], now=T0)
    assert session.exec(select(LoginThrottle)).all() == []


def test_counts_are_committed_and_seen_by_another_session(engine, session):
    _fail(session, [ACCOUNT], T0, times=5)
    session.commit()
    with Session(engine) as other:
        assert not lt.check_allowed(other, keys=[ACCOUNT], now=T0).allowed
        lt.record_failure(other, keys=[ACCOUNT], now=T0)
        other.commit()
    row = session.exec(select(LoginThrottle).where(LoginThrottle.key == ACCOUNT)).one()
    session.refresh(row)
    assert row.failures == 6


def test_a_stale_read_does_not_lose_a_failure(session, monkeypatch):
    # Simulate a concurrent request updating the row between our read and our update:
    # the compare-and-set misses once, re-reads and counts on top of the other failure.
    _fail(session, [ACCOUNT], T0, times=2)
    real_read = lt._read
    calls = {"n": 0}

    def racing_read(s, key):
        row = real_read(s, key)
        calls["n"] += 1
        if calls["n"] == 1:
            monkeypatch.setattr(lt, "_read", real_read)
            real_record(s, key, T0)  # the "other request" wins the race
        return row

    real_record = lt._record_one
    monkeypatch.setattr(lt, "_read", racing_read)
    lt.record_failure(session, keys=[ACCOUNT], now=T0)
    row = session.exec(select(LoginThrottle).where(LoginThrottle.key == ACCOUNT)).one()
    session.refresh(row)
    assert row.failures == 4


def test_purge_removes_only_old_unlocked_rows(session):
    _fail(session, ["account:old@example.com"], T0, times=1)
    _fail(session, [ACCOUNT], T0 + dt.timedelta(hours=2), times=1)
    assert lt.purge_stale(session, now=T0 + dt.timedelta(hours=2)) == 1
    assert session.exec(select(LoginThrottle.key)).all() == [ACCOUNT]


def test_naive_datetimes_are_refused(session):
    with pytest.raises(ValueError):
        lt.check_allowed(session, keys=[ACCOUNT], now=dt.datetime(2025, 1, 1))


def test_parallel_failures_from_separate_sessions_are_all_counted(engine):
    # Real threads, each with its own connection and transaction, racing on the first
    # insert (UNIQUE key) and then on the compare-and-set update.
    import threading

    barrier = threading.Barrier(6)
    errors = []

    def attempt():
        try:
            with Session(engine) as s:
                barrier.wait()
                lt.record_failure(s, keys=[ACCOUNT, IP], now=T0)
                s.commit()
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=attempt) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Session(engine) as s:
        counts = dict(s.exec(select(LoginThrottle.key, LoginThrottle.failures)).all())
    assert counts == {ACCOUNT: 6, IP: 6}


def test_failures_still_count_when_every_compare_and_set_loses(session, monkeypatch):
    _fail(session, [ACCOUNT], T0, times=2)
    monkeypatch.setattr(lt, "_CAS_RETRIES", 0)
    lt.record_failure(session, keys=[ACCOUNT], now=T0)
    row = session.exec(select(LoginThrottle).where(LoginThrottle.key == ACCOUNT)).one()
    session.refresh(row)
    assert row.failures == 3
    assert lt.check_allowed(session, keys=[ACCOUNT], now=T0).retry_after_seconds == 900


def test_reserve_counts_first_and_release_takes_the_attempt_back(session):
    keys = [ACCOUNT, IP]
    for _ in range(5):
        assert lt.reserve(session, keys=keys, now=T0).allowed
    refused = lt.reserve(session, keys=keys, now=T0)
    assert refused == lt.ThrottleDecision(False, 30)
    row = session.exec(select(LoginThrottle).where(LoginThrottle.key == IP)).one()
    assert row.failures == 5  # the refused attempt was not counted
    later = T0 + dt.timedelta(seconds=31)
    assert lt.reserve(session, keys=keys, now=later).allowed
    lt.release(session, keys=keys, now=later)
    assert session.exec(select(LoginThrottle).where(LoginThrottle.key == ACCOUNT)).first() is None
    session.refresh(row)
    assert row.failures == 5  # the successful attempt is taken back from the address
