"""GC pauses of a worker's steady state at a tab count the load test cannot reach here
(issue 15: the longest gen-1 pass of the 2000-tab soak, 320 ms CPU).

    python -m benchmarks.gc_pauses --tabs 2000 --events 300000 \\
        --thresholds 20000,20,20 --thresholds 20000,2,200

A model, not the app: each tab holds page data and per-event bookkeeping as plain dicts,
lists and sets, sized like a real tab (--containers per tab). Each event, like one of the
load test's, replaces the tab's router data and dirty-var sets (new objects that live
until the tab's next event), sometimes its page data (a page whose data changed), rarely
adds data (a first visit), and makes short-lived garbage that reference counting frees.
That is the shape measured in the real worker (``event_cpu --garbage``: page events leave
no reference cycles): nearly every object a collection walks is alive, and CPython starts
young passes by the *net* growth of tracked objects, so a flat heap that keeps replacing
its data passes rarely and walks much per pass. Each threshold set runs in a fresh
process after ``gc.freeze()`` of the start-up heap (as heka_app/gc_tuning.py does); the
output is passes, GC CPU per event and the longest pass per generation, with the objects
it walked.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import subprocess
import sys
import time


def _page(rows: int, n: int) -> list[dict]:
    return [{"key": f"{n}-{i}", "label": "x", "cents": i, "tags": [i]} for i in range(rows)]


def _router(n: int) -> dict:
    return {"headers": {"cookie": "c", "accept": "a"}, "query": {"n": [str(n)]}, "path": "/"}


def model(
    tabs: int, events: int, containers: int, thresholds: tuple[int, int, int], tick: int = 0
) -> dict:
    """Run the model with ``thresholds`` (and, with ``tick``, a young pass every ``tick``
    events as gc_tuning's timer makes one every second); returns per-generation passes,
    CPU and the objects walked."""
    rng = random.Random(15)
    rows = max(1, containers // 6 // 2)  # a row is a dict and its list: 2 containers
    gc.collect()
    gc.freeze()
    gc.set_threshold(*thresholds)
    stats = {phase: {"passes": [0] * 3, "cpu": [0.0] * 3, "longest": [0.0] * 3,
                     "walked": [0] * 3} for phase in ("ramp", "steady")}  # fmt: skip
    now, started = ["ramp"], [0.0]

    def record(phase: str, info: dict) -> None:
        g, seen = info["generation"], stats[now[0]]
        if phase == "start":
            walking = sum(len(gc.get_objects(x)) for x in range(g + 1)) if g < 2 else 0
            seen["walked"][g] = max(seen["walked"][g], walking)
            started[0] = time.thread_time()
            return
        spent = time.thread_time() - started[0]
        seen["passes"][g] += 1
        seen["cpu"][g] += spent
        seen["longest"][g] = max(seen["longest"][g], spent)

    gc.callbacks.append(record)
    # The ramp: every tab opens with its first pages (GC running, as in the worker).
    state = []
    for n in range(tabs):
        state.append({"pages": [_page(rows, n) for _ in range(4)], "router": _router(n),
                      "dirty": [set(), set()]})  # fmt: skip
        if tick and n % 50 == 49:  # the ramp's 50 new tabs a second, the timer meanwhile
            gc.collect(1)
    now[0] = "steady"
    for n in range(events):
        tab = state[rng.randrange(tabs)]
        tab["router"] = _router(n)  # Reflex keeps each event's router data until the next
        tab["dirty"] = [set(), set()]  # and new dirty-var sets per touched state
        roll = rng.random()
        if roll < 0.2:  # the page's data changed: the new rows replace the old
            tab["pages"][rng.randrange(len(tab["pages"]))] = _page(rows, n)
        elif roll < 0.21 and len(tab["pages"]) < 6:  # a first visit: data that stays
            tab["pages"].append(_page(rows, n))
        transient = [{"i": i} for i in range(60)]  # the event's own work, freed at once
        del transient
        if tick and n % tick == tick - 1:
            gc.collect(1)
    gc.callbacks.remove(record)
    result: dict = {"thresholds": list(thresholds), "young_pass_every": tick}
    for phase, seen in stats.items():
        per = events if phase == "steady" else tabs
        result[phase] = {
            "passes": seen["passes"],
            "gc_cpu_us_per_" + ("event" if phase == "steady" else "tab"): round(
                sum(seen["cpu"]) / per * 1e6, 2
            ),
            "longest_ms": [round(x * 1000, 1) for x in seen["longest"]],
            "most_walked": seen["walked"],
        }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tabs", type=int, default=2000)
    parser.add_argument("--events", type=int, default=300_000)
    parser.add_argument("--containers", type=int, default=300, help="page data per tab")
    parser.add_argument("--thresholds", action="append", default=[])
    parser.add_argument("--tick", type=int, default=0, help="a young pass every N events")
    parser.add_argument("--one", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        chosen = tuple(int(x) for x in args.one.split(","))
        result = model(args.tabs, args.events, args.containers, chosen, args.tick)  # type: ignore[arg-type]
        print(json.dumps(result))
        return 0
    for setting in args.thresholds or ["20000,20,20"]:
        command = [sys.executable, "-m", "benchmarks.gc_pauses", "--one", setting,
                   "--tabs", str(args.tabs), "--events", str(args.events),
                   "--containers", str(args.containers), "--tick", str(args.tick)]  # fmt: skip
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        print(out.strip(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
