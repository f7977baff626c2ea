"""services/common/clock.py: the test clock moves from its anchor in real time, is shared
with child processes through HEKA_CLOCK_*, and is never honoured in production."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from heka_app.services.common import clock

ANCHOR = dt.datetime(2031, 2, 27, 21, 30, tzinfo=dt.UTC)
_CHILD = (
    "import json; from heka_app.services.common import clock; "
    "print(json.dumps([clock.utcnow().isoformat(), clock.helsinki_today().isoformat()]))"
)


def _child_clock(extra_env: dict[str, str]) -> tuple[dt.datetime, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEKA_CLOCK_")}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD], env=env | extra_env, capture_output=True, check=True
    )
    now, today = json.loads(out.stdout)
    return dt.datetime.fromisoformat(now), today


def test_the_now_fixture_pins_the_app_clock(now):
    assert now == dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)
    assert dt.timedelta(0) <= clock.utcnow() - now < dt.timedelta(minutes=1)
    assert clock.helsinki_today() == dt.date(2026, 11, 28)


@pytest.mark.now("2027-03-15T23:30:00+00:00")
def test_a_test_may_ask_for_another_moment(now):
    assert now == dt.datetime(2027, 3, 15, 23, 30, tzinfo=dt.UTC)
    assert clock.helsinki_today() == dt.date(2027, 3, 16)  # already the 16th in Helsinki


def test_pinned_time_still_moves_and_unpinning_returns_to_the_real_clock(now):
    real_then = clock.system_utcnow()
    clock.pin_clock(ANCHOR, set_at=real_then - dt.timedelta(minutes=31))
    assert clock.utcnow() - ANCHOR >= dt.timedelta(minutes=31)  # e.g. a session idles out
    clock.pin_clock(None)
    assert abs(clock.utcnow() - clock.system_utcnow()) < dt.timedelta(seconds=5)


def test_a_naive_anchor_is_refused():
    with pytest.raises(ValueError, match="UTC offset"):
        clock.pin_clock(dt.datetime(2026, 11, 28, 9, 0))


def test_a_child_process_shares_the_pinned_clock(now):
    env = clock.clock_environment()
    assert set(env) == {"HEKA_CLOCK_START", "HEKA_CLOCK_SET_AT"}
    child_now, child_today = _child_clock(env | {"HEKA_ENV": "test"})
    assert dt.timedelta(0) <= child_now - now < dt.timedelta(minutes=1)
    assert child_today == "2026-11-28"


def test_heka_clock_start_alone_starts_the_clock_at_process_start():
    child_now, _ = _child_clock({"HEKA_ENV": "dev", "HEKA_CLOCK_START": ANCHOR.isoformat()})
    assert dt.timedelta(0) <= child_now - ANCHOR < dt.timedelta(minutes=1)


def test_production_never_honours_the_test_clock():
    prod = {"HEKA_ENV": "prod", "HEKA_SECRET_KEY": "p" * 40}
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEKA_CLOCK_")}
    refused = subprocess.run(
        [sys.executable, "-c", _CHILD],
        env=env | prod | {"HEKA_CLOCK_START": ANCHOR.isoformat()},
        capture_output=True,
    )
    assert refused.returncode != 0 and b"HEKA_CLOCK_START" in refused.stderr
    child_now, _ = _child_clock(prod)
    assert abs(child_now - clock.system_utcnow()) < dt.timedelta(minutes=1)
