"""The load test's pieces that need no server: wire names match the app's classes, the GC
settings, the samples file and the report's percentiles."""

from __future__ import annotations

import asyncio
import gc

import pytest

from benchmarks.load import names
from benchmarks.load.report import burst_windows, pct, per_event
from benchmarks.load.samples import SampleLog
from heka_app import gc_tuning


def test_wire_names_match_the_real_states():
    import reflex as rx
    from reflex_base.event import get_hydrate_event

    from heka_app.state.auth import LoginState
    from heka_app.state.content import NewsState, PublicInfoState
    from heka_app.state.fault_report import FaultDetailState
    from heka_app.state.faults import FaultFormState, FaultListState
    from heka_app.state.housing import HomeState
    from heka_app.state.load_probe import LoadProbeState
    from heka_app.state.message_thread import MessageThreadState
    from heka_app.state.messages import MessagesState
    from heka_app.state.rent import RentState
    from heka_app.state.session import SessionState

    expected = {
        names.HYDRATE: get_hydrate_event(rx.State),
        names.REFRESH: f"{SessionState.get_full_name()}.refresh",
        names.PUBLIC_INFO: f"{PublicInfoState.get_full_name()}.load",
        names.HOME: f"{HomeState.get_full_name()}.load",
        names.FAULT_LIST: f"{FaultListState.get_full_name()}.load",
        names.FAULT_DETAIL: f"{FaultDetailState.get_full_name()}.load",
        names.FAULT_FORM: f"{FaultFormState.get_full_name()}.load",
        names.FAULT_UPLOAD: f"{FaultFormState.get_full_name()}.upload_photos",
        names.FAULT_SUBMIT: f"{FaultFormState.get_full_name()}.submit",
        names.RENT: f"{RentState.get_full_name()}.load",
        names.NEWS: f"{NewsState.get_full_name()}.load_news",
        names.MESSAGES: f"{MessagesState.get_full_name()}.load",
        names.THREAD: f"{MessageThreadState.get_full_name()}.load",
        names.ECHO: f"{LoadProbeState.get_full_name()}.echo",
        names.LOGIN: f"{LoginState.get_full_name()}.submit",
    }
    for ours, real in expected.items():
        assert ours == real
    assert LoadProbeState.get_full_name() == names.PROBE


def test_gc_thresholds_from_the_environment():
    assert gc_tuning.thresholds({}) == gc_tuning.DEFAULT_THRESHOLDS
    assert gc_tuning.thresholds({"HEKA_GC_TUNING": "0"}) is None
    assert gc_tuning.thresholds({"HEKA_GC_THRESHOLDS": "5000,10,10"}) == (5000, 10, 10)
    assert gc_tuning.thresholds({"HEKA_GC_THRESHOLDS": "0,0,0"}) == (100, 1, 1)
    assert gc_tuning.thresholds({"HEKA_GC_THRESHOLDS": "junk"}) == gc_tuning.DEFAULT_THRESHOLDS


def test_tuning_freezes_and_sets_thresholds_and_can_be_turned_off():
    before = gc.get_threshold()
    try:
        assert gc_tuning.tune_now({"HEKA_GC_TUNING": "0"}) is False
        assert gc.get_threshold() == before
        assert gc_tuning.tune_now({"HEKA_GC_THRESHOLDS": "9000,11,12"}) is True
        assert gc.get_threshold() == (9000, 11, 12)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_pause_recorder_counts_collections(tmp_path):
    recorder = gc_tuning.PauseRecorder(tmp_path / "gc.json")
    recorder("start", {"generation": 2})
    recorder("stop", {"generation": 2})
    recorder("start", {"generation": 0})
    recorder("stop", {"generation": 0, "collected": 7})
    snap = recorder.snapshot()
    assert snap["counts"] == [1, 0, 1]
    assert snap["collected"] == [7, 0, 0] and snap["largest_walked"] == [0, 0, 0]
    counting = gc_tuning.PauseRecorder(tmp_path / "walked.json", walked=True)
    counting("start", {"generation": 1})
    counting("stop", {"generation": 1, "collected": 0})
    assert counting.snapshot()["largest_walked"][1] > 0  # gen 0 and 1 hold this test's objects
    recorder.write()
    assert (tmp_path / "gc.json").exists()
    recorder.reset()
    assert recorder.snapshot()["counts"] == [0, 0, 0]


def test_samples_and_report_windows(tmp_path):
    log = SampleLog(str(tmp_path / "s.csv"))
    log.add("home.load", 0.010, True)
    log.add("home.load", 0.030, False)
    log.mark("burst_start")
    log.close()
    from benchmarks.load.report import load_samples

    samples, marks = load_samples(tmp_path / "s.csv")
    assert [s[1] for s in samples] == ["home.load", "home.load"] and "burst_start" in marks
    table = per_event(samples)
    assert table["home.load"]["n"] == 2 and table["home.load"]["errors"] == 1
    assert table["home.load"]["p95"] == 10.0
    assert pct([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50) == 5 and pct([], 99) == 0.0
    assert burst_windows(samples, {}) == {}


def test_soak_slope_and_verdict(tmp_path):
    from benchmarks.load.phase_extras import slope_mb_per_hour, soak_section

    assert slope_mb_per_hour([(0, 100.0), (1800, 101.0), (3600, 102.0)]) == 2.0
    rows = ["time,worker,cpu_seconds,rss_mb,load1"]
    rows += [f"{t},w,0,{200 + (t if t > 1000 else 0) / 60},1" for t in range(0, 2400, 10)]
    (tmp_path / "server.csv").write_text("\n".join(rows))
    samples = [(float(t), "home.load", 5.0, t % 100 != 0) for t in range(0, 2400, 5)]
    text = soak_section({"locust_started_at": 0.0}, samples, tmp_path, ramp_seconds=60)
    assert "NOT flat" in text  # growing by 1 MB a minute after t=1000
    flat = "\n".join(rows[:1] + [f"{t},w,0,200,1" for t in range(0, 2400, 10)])
    (tmp_path / "server.csv").write_text(flat)
    assert "**flat**" in soak_section({"locust_started_at": 0.0}, samples, tmp_path, 60)


def test_storm_section_counts_reconnects_from_the_kill():
    from benchmarks.load.phase_extras import storm_section

    info = {"users": 3, "storm": {"signal": "KILL", "kill_at": 100.0, "back_at": 104.0}}
    samples = [
        (90.0, "reconnect", 500.0, True),  # before the kill: not the storm's
        (106.0, "reconnect", 5000.0, True),
        (108.0, "reconnect", 7000.0, True),
        (112.5, "reconnect", 9000.0, True),
        (105.0, "home.load", 0.0, False),
    ]
    text = storm_section(info, samples)
    assert "every tab answered again 12.5 s after the kill" in text
    assert "3 reconnects of 3 tabs, 0 gave up" in text
    assert "p95 9.0 s" in text and "1 errors" in text


def test_young_pass_timer_setting():
    assert gc_tuning.young_seconds({}) == gc_tuning.YOUNG_SECONDS > 0
    assert gc_tuning.young_seconds({"HEKA_GC_YOUNG_SECONDS": "0"}) == 0
    assert gc_tuning.young_seconds({"HEKA_GC_YOUNG_SECONDS": "2.5"}) == 2.5
    assert gc_tuning.young_seconds({"HEKA_GC_YOUNG_SECONDS": "junk"}) == gc_tuning.YOUNG_SECONDS
    assert gc_tuning.full_every({}) == round(gc_tuning.FULL_SECONDS / gc_tuning.YOUNG_SECONDS)
    assert gc_tuning.full_every({"HEKA_GC_FULL_SECONDS": "0"}) == 0
    assert gc_tuning.full_every({"HEKA_GC_YOUNG_SECONDS": "0"}) == 0
    assert gc_tuning.full_every({"HEKA_GC_YOUNG_SECONDS": "2", "HEKA_GC_FULL_SECONDS": "60"}) == 30


def test_the_worker_runs_a_young_pass_every_tick(monkeypatch):
    """After tuning, each tick of the lifespan task collects generations 0 and 1, every
    HEKA_GC_FULL_SECONDS a full collection; with the timer off and no stats file the task
    ends at once."""
    passes: list[int] = []

    class Enough(Exception):
        pass

    def collect(generation: int = 2) -> int:
        passes.append(generation)
        if len(passes) == 3:
            raise Enough
        return 0

    async def no_wait(_seconds: float) -> None:
        return None

    monkeypatch.setattr(gc_tuning, "tune_now", lambda: True)  # no freeze of the test process
    monkeypatch.setattr(gc_tuning.gc, "collect", collect)
    monkeypatch.setattr(gc_tuning.asyncio, "sleep", no_wait)
    monkeypatch.delenv("HEKA_GC_STATS_FILE", raising=False)
    monkeypatch.setenv("HEKA_GC_YOUNG_SECONDS", "1")
    monkeypatch.setenv("HEKA_GC_FULL_SECONDS", "0")
    with pytest.raises(Enough):
        asyncio.run(gc_tuning.tune_after_startup())
    assert passes == [1, 1, 1]
    passes.clear()
    monkeypatch.setenv("HEKA_GC_FULL_SECONDS", "2")  # every second tick a full collection
    with pytest.raises(Enough):
        asyncio.run(gc_tuning.tune_after_startup())
    assert passes == [1, 2, 1]
    passes.clear()
    monkeypatch.setenv("HEKA_GC_YOUNG_SECONDS", "0")
    asyncio.run(gc_tuning.tune_after_startup())
    assert passes == []
