"""Garbage-collector settings of a backend worker (issue 15: the latency tail).

Measured on main: full collections of 165-263 ms about every 20 s under load, because
every full pass walks the whole start-up heap (Reflex, the compiled page tree, SQLAlchemy,
Babel catalogs: millions of objects that live as long as the process). So, once the
worker has started:

- ``gc.freeze()`` moves everything alive into the permanent generation, which no
  collection walks again; a full pass then walks only what tabs and events created.
- Higher thresholds: CPython's default gen-0 threshold of 700 allocations runs a young
  collection every few events; 20,000 runs one every few hundred. Each young pass is
  still short (it walks only young objects), and far fewer objects are promoted early.
- Young passes on a timer (issue 15, round 4: the 2000-tab soak's gen-1 passes of up to
  320 ms CPU). CPython starts a young pass when the *net* count of tracked objects grew by
  the gen-0 threshold, but a worker at steady state mostly replaces its tabs' data (each
  event's router data and dirty-var sets, a page's new rows) rather than growing: the old
  objects die, the new ones pile up in the young generations uncounted, and a pass that
  finally comes walks all of them (370 000 objects for gen 0 and 440 000 for gen 1 in
  ``python -m benchmarks.gc_pauses --tabs 2000``, ~0.37 µs each). Lower thresholds do not
  help (the pile is the tabs' recent data, not garbage). So every ``YOUNG_SECONDS`` the
  worker runs ``gc.collect(1)`` itself: it walks only what was made since the last tick
  and moves the survivors to the old generation, which no young pass walks again (each
  object is walked once instead of twice). CPython's own trigger now rarely fires (only
  20 000 new objects within one tick, a ramp of new tabs, and its full collections wait
  for 900 young passes), so the timer also runs a full collection every
  ``FULL_SECONDS``: reference cycles that reach the old generation (a closed socket's
  engine.io tasks, ~100 objects) are freed about as often as CPython's rule did under
  load (every ~400 young passes of the old thresholds: ~15 minutes at 2000 tabs).

``HEKA_GC_TUNING=0`` turns it off (the "before" of benchmarks/load's comparison);
``HEKA_GC_THRESHOLDS=a,b,c`` overrides the thresholds, ``HEKA_GC_YOUNG_SECONDS`` the timer
(0: no timer, CPython's own triggers only) and ``HEKA_GC_FULL_SECONDS`` its full
collections (0: none). With ``HEKA_GC_STATS_FILE`` set,
the pauses of every collection are summed per generation and written to that file as
JSON every few seconds (the load test reads it), with the objects each generation's
collections freed; ``HEKA_GC_STATS_WALKED=1`` also counts the objects the largest young
collection walked (a diagnostic: counting walks them once more).
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import time
from pathlib import Path

DEFAULT_THRESHOLDS = (20_000, 20, 900)
YOUNG_SECONDS = 1.0
FULL_SECONDS = 900.0
SETTLE_SECONDS = 3.0  # let lazily imported modules load before freezing
STATS_EVERY_SECONDS = 5.0


def thresholds(environ=os.environ) -> tuple[int, int, int] | None:
    """The thresholds to apply, or None when tuning is off."""
    if environ.get("HEKA_GC_TUNING", "1") == "0":
        return None
    raw = environ.get("HEKA_GC_THRESHOLDS", "")
    try:
        a, b, c = (int(part) for part in raw.split(","))
    except ValueError:
        return DEFAULT_THRESHOLDS
    return (max(a, 100), max(b, 1), max(c, 1))


def _seconds(environ, name: str, default: float) -> float:
    raw = environ.get(name, "").strip()
    try:
        return max(0.0, float(raw)) if raw else default
    except ValueError:
        return default


def young_seconds(environ=os.environ) -> float:
    """Seconds between the timer's young passes; 0 when there is no timer."""
    return _seconds(environ, "HEKA_GC_YOUNG_SECONDS", YOUNG_SECONDS)


def full_every(environ=os.environ) -> int:
    """Every how many ticks the timer's pass is a full collection; 0: never."""
    young, full = young_seconds(environ), _seconds(environ, "HEKA_GC_FULL_SECONDS", FULL_SECONDS)
    return max(1, round(full / young)) if young and full else 0


def tune_now(environ=os.environ) -> bool:
    """Collect, freeze the survivors and raise the thresholds; False when turned off."""
    chosen = thresholds(environ)
    if chosen is None:
        return False
    gc.collect()
    gc.freeze()
    gc.set_threshold(*chosen)
    return True


class PauseRecorder:
    """Sums the pauses of every collection per generation (a ``gc.callbacks`` entry)."""

    def __init__(self, path: Path, walked: bool = False):
        self.path = path
        self.count_walked = walked
        self.started = self.started_cpu = 0.0
        # gc.get_freeze_count() walks the whole permanent generation (~220k objects):
        # counted once after the freeze, not in every snapshot (issue 15: it showed in
        # the load test's CPU profile).
        self.frozen = 0
        self.reset()
        self.written = time.monotonic()

    def __call__(self, phase: str, info: dict) -> None:
        generation = info.get("generation", 0)
        if phase == "start":
            if self.count_walked and generation < 2:  # a pass walks its generation and younger
                walked = sum(len(gc.get_objects(g)) for g in range(generation + 1))
                self.walked[generation] = max(self.walked[generation], walked)
            self.started, self.started_cpu = time.perf_counter(), time.thread_time()
            return
        pause = time.perf_counter() - self.started
        cpu = time.thread_time() - self.started_cpu
        self.counts[generation] += 1
        self.seconds[generation] += pause
        self.longest[generation] = max(self.longest[generation], pause)
        self.cpu_seconds[generation] += cpu
        self.collected[generation] += info.get("collected", 0)
        self.longest_cpu[generation] = max(self.longest_cpu[generation], cpu)
        if time.monotonic() - self.written > STATS_EVERY_SECONDS:
            self.write()

    def reset(self) -> None:
        """Forget what was counted (start-up's collections are not the steady state)."""
        self.counts, self.seconds, self.longest = [0, 0, 0], [0.0] * 3, [0.0] * 3
        # CPU time of the collecting thread too: on a shared machine the wall-clock pause
        # includes waiting for a core, the CPU time is what the collector itself cost.
        self.cpu_seconds, self.longest_cpu = [0.0] * 3, [0.0] * 3
        # Objects freed by each generation's passes: cyclic garbage that outlived a young
        # pass shows in gen 1's count (an event's cycles should die in gen 0).
        self.collected, self.walked = [0, 0, 0], [0, 0, 0]

    def snapshot(self) -> dict:
        """Counts, total and longest pause (ms, wall and CPU) per generation; frozen count."""
        return {
            "pid": os.getpid(),
            "counts": list(self.counts),
            "total_ms": [round(s * 1000, 2) for s in self.seconds],
            "longest_ms": [round(s * 1000, 2) for s in self.longest],
            "cpu_ms": [round(s * 1000, 2) for s in self.cpu_seconds],
            "longest_cpu_ms": [round(s * 1000, 2) for s in self.longest_cpu],
            "collected": list(self.collected),
            "largest_walked": list(self.walked),
            "frozen": self.frozen,
            "thresholds": list(gc.get_threshold()),
        }

    def write(self) -> None:
        """Write the snapshot (atomically: the reader never sees half a file)."""
        self.written = time.monotonic()
        partial = self.path.with_suffix(".tmp")
        partial.write_text(json.dumps(self.snapshot()))
        partial.replace(self.path)


def record_pauses(environ=os.environ) -> PauseRecorder | None:
    """Start recording pauses when ``HEKA_GC_STATS_FILE`` names a file."""
    target = environ.get("HEKA_GC_STATS_FILE", "")
    if not target:
        return None
    walked = environ.get("HEKA_GC_STATS_WALKED", "") == "1"
    recorder = PauseRecorder(Path(f"{target}.{os.getpid()}.json"), walked)
    gc.callbacks.append(recorder)
    return recorder


async def tune_after_startup() -> None:
    """The lifespan task: tune once the worker is up, then run the young passes and keep
    the stats file fresh."""
    recorder = record_pauses()
    await asyncio.sleep(SETTLE_SECONDS)
    every = young_seconds() if tune_now() else 0.0
    full, ticks = full_every(), 0
    if recorder is not None:
        recorder.reset()
        recorder.frozen = gc.get_freeze_count()
    written = 0.0
    while every or recorder is not None:
        if recorder is not None and time.monotonic() - written >= STATS_EVERY_SECONDS:
            recorder.write()
            written = time.monotonic()
        await asyncio.sleep(every or STATS_EVERY_SECONDS)
        if every:
            ticks += 1
            gc.collect(2 if full and ticks % full == 0 else 1)
