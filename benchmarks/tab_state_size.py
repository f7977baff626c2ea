"""What a tab's state tree holds, measured inside a worker (benchmarks/tab_memory.py --state).

For every open tab in Reflex's in-memory state manager: each substate's pickle as the
Redis manager stores it (``state._serialize()``: the schema hash and the instance's
fields; Redis writes only the substates an event touched), and each field's share, both
as pickled bytes and as Python objects in memory. The in-memory size counts an object
once over all tabs (a shared seen set), so a module-level constant the tabs share costs
nothing per tab, while a per-tab copy of the same data shows up in full: the difference
between the two is what a shared constant would save.
"""

from __future__ import annotations

import gc
import json
import os
import pickle
import signal
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

# Immutable leaves that CPython shares freely (small ints, interned strings): still
# counted, but never descended into.
_LEAVES = (str, bytes, int, float, bool, type(None))


def deep_size(value: Any, seen: set[int]) -> int:
    """Bytes of ``value`` and everything it holds that ``seen`` has not counted yet."""
    stack, total = [value], 0
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj)
        if isinstance(obj, _LEAVES):
            continue
        obj = getattr(obj, "__wrapped__", obj)  # Reflex's mutable proxy
        if isinstance(obj, dict):
            stack.extend(obj.keys())
            stack.extend(obj.values())
        elif isinstance(obj, (list, tuple, set, frozenset)):
            stack.extend(obj)
        elif hasattr(obj, "__dict__") and not isinstance(obj, type):
            stack.append(vars(obj))
    return total


def _walk(state):
    yield state
    for child in state.substates.values():
        yield from _walk(child)


def _pickle_size(state) -> int:
    """``len(state._serialize())`` without its side effect: Reflex's ``__getstate__``
    stores the default of every field not read yet into the instance, which would grow
    the very memory being measured."""
    before = set(vars(state))
    size = len(state._serialize())
    for added in set(vars(state)) - before:
        del vars(state)[added]
    return size


def measure(roots: list, seen: set[int] | None = None) -> dict:
    """Per-tab averages over ``roots`` (root states): totals, by substate, by field."""
    seen = set() if seen is None else seen
    by_state: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0, 0])
    by_field: dict[str, list[float]] = defaultdict(lambda: [0, 0])
    totals = {"substates": 0, "touched": 0, "pickle_all": 0, "pickle_touched": 0, "memory": 0}
    for root in roots:
        for state in _walk(root):
            name = type(state).__name__
            size = _pickle_size(state)
            # Each field first (a shared seen set: what the fields share is counted once).
            memory = sys.getsizeof(state) + sys.getsizeof(vars(state))
            for field, value in vars(state).items():
                value = getattr(value, "__wrapped__", value)
                try:
                    pickled = len(pickle.dumps(value))
                except Exception:  # an unpicklable field: the memory column still says
                    pickled = 0
                held = deep_size(value, seen)
                memory += held
                cell = by_field[f"{name}.{field}"]
                cell[0] += pickled
                cell[1] += held
            touched = bool(getattr(state, "_was_touched", False))
            row = by_state[name]
            row[0] += 1
            row[1] += size
            row[2] += memory
            row[3] += touched
            totals["substates"] += 1
            totals["touched"] += touched
            totals["pickle_all"] += size
            totals["pickle_touched"] += size if touched else 0
            totals["memory"] += memory
    tabs = max(1, len(roots))
    return {
        "tabs": len(roots),
        "per_tab": {key: value / tabs for key, value in totals.items()},
        "states": {k: [x / tabs for x in v] for k, v in by_state.items()},
        "fields": {k: [x / tabs for x in v] for k, v in by_field.items()},
    }


def garbage() -> tuple[int, int]:
    """(objects, bytes) that only the cyclic collector would free now: what the worker
    holds beyond its live data until the next full collection (gc_tuning makes those
    rare). Collected here, so later readings of the same run start clean."""
    gc.set_debug(gc.DEBUG_SAVEALL)  # keep what a collection finds, to weigh it
    try:
        gc.collect()
        found = list(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    count, size = len(found), sum(sys.getsizeof(obj) for obj in found)
    del found
    gc.collect()
    return count, size


def dump(path: Path) -> None:
    """In the worker: measure every tab the memory manager holds (and the cyclic garbage),
    write JSON to ``path``."""
    from heka_app.heka_app import app

    states = getattr(app.state_manager, "states", {})
    roots = [s for s in states.values() if hasattr(s, "substates")]
    report = measure(roots)
    report["garbage_objects"], report["garbage_bytes"] = garbage()
    path.write_text(json.dumps(report))


def install(path: Path) -> None:
    """In the worker: on SIGUSR2, ``dump`` to ``path`` and touch ``path``.done."""

    def on_signal(_signum, _frame) -> None:
        dump(path)
        path.with_suffix(".done").touch()

    signal.signal(signal.SIGUSR2, on_signal)


def request(pid: int, path: Path, top: int) -> None:
    """From the benchmark: ask worker ``pid`` for the report, wait for it, print it."""
    os.kill(pid, signal.SIGUSR2)
    while not path.with_suffix(".done").exists():
        time.sleep(0.2)
    print_report(path, top)


def print_report(path: Path, top: int) -> None:
    """The JSON of ``dump`` as tables (bytes per tab)."""
    data = json.loads(path.read_text())
    per = data["per_tab"]
    if data["tabs"]:  # the in-memory manager's tabs (with Redis, the worker keeps none)
        print(f"\n  state tree of {data['tabs']} tabs, per tab: {per['substates']:.0f} substates "
              f"({per['touched']:.0f} touched); pickle {per['pickle_all'] / 1024:.1f} KB "
              f"(touched only, what Redis stores: {per['pickle_touched'] / 1024:.1f} KB); "
              f"Python objects {per['memory'] / 1024:.1f} KB", flush=True)  # fmt: skip
    print(f"  cyclic garbage awaiting a full collection: {data['garbage_objects']} objects, "
          f"{data['garbage_bytes'] / 2**20:.1f} MB", flush=True)  # fmt: skip
    if not data["tabs"]:
        return
    print("\n  substates by pickle size (pickle B, memory B, share of tabs touched):")
    rows = sorted(data["states"].items(), key=lambda kv: -kv[1][1])
    for name, (_count, size, memory, touched) in rows[:top]:
        print(f"    {size:8.0f} {memory:8.0f} {touched:5.2f}  {name}")
    print("\n  fields by memory (pickle B, memory B per tab):")
    fields = sorted(data["fields"].items(), key=lambda kv: -kv[1][1])
    for name, (size, memory) in fields[:top]:
        print(f"    {size:8.0f} {memory:8.0f}  {name}")
