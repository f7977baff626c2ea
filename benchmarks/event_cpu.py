"""Worker CPU per event, by event (issue 15: ≤ 2.5 ms per event including the echo).

    python -m benchmarks.event_cpu --tabs 40 --rounds 5

One worker (benchmarks/load/serve.py, in-memory tab state) on a throwaway SQLite
database with the load test's prepared sessions; one client sends the load test's events
one at a time, each followed by the echo that marks its end (as benchmarks/load does),
and reads the worker's CPU time (user + system) before and after each kind. With one
event in flight at a time there is no queueing: the number is the work an event costs,
and it moves far less with the machine's load than a Locust run's total does (the worker
still shares caches and cores with everything else: compare runs made one after the other).
``--profile out.txt`` samples the worker with py-spy (``--gil``) meanwhile; ``--queries``
also counts the SQL statements per event (a listener in the worker: its own CPU is then in
the times, so count and time in separate runs). "connect+hydrate" is a signed-in tab
opened afresh (new token: new tab state) and hydrated, as each simulated tenant starts;
it counts 2 events (the hydrate and its echo), the connect's CPU included. The last
column is per call (the event with its echo), the unit of the load test's "CPU per event".
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psutil

from benchmarks.load import names, serve, stack
from benchmarks.load import run as load_run
from benchmarks.load.reflex_client import ReflexTab

# (label, handler, path, query key in the plan or None): the load test's page events.
EVENTS = (
    ("echo alone", None, "/home", None),
    ("connect+hydrate", names.HYDRATE, "/home", None),
    ("session.refresh", names.REFRESH, "/home", None),
    ("home.load", names.HOME, "/home", None),
    ("faults.list", names.FAULT_LIST, "/faults", None),
    ("faults.detail", names.FAULT_DETAIL, "/faults/{}", "fault"),
    ("rent.load", names.RENT, "/rent", None),
    ("news.load", names.NEWS, "/news", None),
    ("messages.thread", names.THREAD, "/messages/{}", "thread"),
)
QUERY_NAMES = {"fault": "report", "thread": "thread"}


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tabs", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=5, help="calls per tab and event")
    parser.add_argument("--households", type=int, default=100)
    parser.add_argument("--port", type=int, default=3170)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--profile", type=Path, default=None, help="py-spy output (raw)")
    parser.add_argument("--only", default="", help="comma-separated event labels")
    parser.add_argument("--queries", action="store_true", help="SQL statements per event")
    parser.add_argument("--garbage", action="store_true", help="reference cycles per event")
    return parser.parse_args(argv)


def _prepare(out: Path, args: argparse.Namespace) -> tuple[dict, Path]:
    env = {**os.environ, "HEKA_ENV": "dev", "REFLEX_STATE_MANAGER_MODE": "memory"}
    env["HEKA_DATABASE_URL"] = f"sqlite:///{out / 'portal.db'}"
    env.pop("HEKA_REDIS_URL", None)
    env.pop("REFLEX_REDIS_URL", None)
    # The load test's own preparation (migrate, demo data, one session per tab).
    load_args = argparse.Namespace(households=args.households, users=args.tabs)
    return env, load_run._prepare(env, load_args, out)


def _cpu(pid: int) -> float:
    times = psutil.Process(pid).cpu_times()
    return times.user + times.system


def _queries(pid: int, counter: Path | None) -> int:
    """The worker's running count of statements (0 when not counting)."""
    if counter is None:
        return 0
    counter.unlink(missing_ok=True)
    os.kill(pid, signal.SIGUSR1)
    for _ in range(200):
        if counter.exists() and (text := counter.read_text()):
            return int(text)
        time.sleep(0.01)
    raise RuntimeError("the worker did not write its query count")


def _garbage(pid: int, path: Path | None) -> dict:
    """Toggle the worker's garbage window (serve.GARBAGE_FILE); the closing toggle answers
    the cyclic garbage of the window ({} for the opening one, or when not counting)."""
    if path is None:
        return {}
    path.unlink(missing_ok=True)
    os.kill(pid, signal.SIGUSR2)
    for _ in range(2000):
        if path.exists() and (text := path.read_text()):
            return json.loads(text)
        time.sleep(0.01)
    raise RuntimeError("the worker did not write its garbage")


def _measure(
    tabs: list[tuple[ReflexTab, dict]],
    pid: int,
    rounds: int,
    only: str,
    counter: Path | None,
    garbage: Path | None = None,
) -> list:
    rows = []
    for label, handler, path, key in EVENTS:
        if only and label not in only.split(","):
            continue
        for tab, home in tabs[:3]:  # warm: first visits build per-tab state
            _one(tab, home, handler, path, key)
        queries = _queries(pid, counter)
        _garbage(pid, garbage)
        before, started, count = _cpu(pid), time.perf_counter(), 0
        for _ in range(rounds):
            for tab, home in tabs:
                _one(tab, home, handler, path, key)
                count += 1 if handler is None else 2
        cpu, wall = _cpu(pid) - before, time.perf_counter() - started
        queries = _queries(pid, counter) - queries  # per call (an event and its echo)
        calls = rounds * len(tabs)
        cycles = _garbage(pid, garbage)
        if cycles:
            top = ", ".join(f"{name} {n / calls:.1f}" for name, n in cycles["types"][:12])
            print(f"  {label}: {cycles['objects'] / calls:.1f} objects of cyclic garbage per "
                  f"call: {top}", flush=True)  # fmt: skip
            if cycles.get("frames"):
                made = ", ".join(f"{name} {n / calls:.1f}" for name, n in cycles["frames"][:8])
                print(f"    frames in it: {made}", flush=True)
        rows.append((label, count, 1000 * cpu / count, 1000 * wall / count, queries / calls,
                     1000 * cpu / calls))  # fmt: skip
    return rows


def _one(tab: ReflexTab, home: dict, handler: str | None, path: str, key: str | None) -> None:
    if handler is None:
        tab.echo(path)
        return
    if handler == names.HYDRATE:  # a new tab of the same signed-in browser
        tab.close()
        tab.token = str(uuid.uuid4())
        tab.connect()
    query = {QUERY_NAMES[key]: str(home[key])} if key else None
    tab.call(handler, path=path.format(home.get(key, "")), query=query)


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    out = args.out or stack.ROOT / "artifacts" / "event_cpu" / time.strftime("%Y%m%d-%H%M%S")
    out.mkdir(parents=True, exist_ok=True)
    env, plan = _prepare(out, args)
    counter = out / "queries.txt" if args.queries else None
    if counter is not None:
        env[serve.QUERY_COUNT_FILE] = str(counter)
    garbage = out / "garbage.json" if args.garbage else None
    if garbage is not None:
        env[serve.GARBAGE_FILE] = str(garbage)
    homes = json.loads(plan.read_text())["tabs"][: args.tabs]
    worker = stack.start("worker", stack.backend_command(args.port), out, env,
                         f"http://127.0.0.1:{args.port}/ping", None)  # fmt: skip
    base = f"http://127.0.0.1:{args.port}"
    with stack.running([worker]):
        time.sleep(5)  # the GC tuning runs 3 s after start-up
        tabs = [(ReflexTab(base, cookie=home["cookie"]), home) for home in homes]
        for tab, _home in tabs:
            tab.connect()
            tab.call(names.HYDRATE, path="/home")
        spy = None
        if args.profile and shutil.which("py-spy"):
            spy = subprocess.Popen(["py-spy", "record", "--pid", str(worker.popen.pid), "--gil",
                                    "--rate", "200", "--format", "raw", "-o", str(args.profile),
                                    "--nonblocking"], stdout=subprocess.DEVNULL)  # fmt: skip
            time.sleep(1)
        rows = _measure(tabs, worker.popen.pid, args.rounds, args.only, counter, garbage)
        if spy is not None:
            spy.send_signal(2)  # SIGINT: py-spy writes its file and exits
            spy.wait(timeout=60)
        for tab, _home in tabs:
            tab.close()
    print(f"load average {os.getloadavg()[0]:.1f}; {len(tabs)} tabs, {args.rounds} rounds")
    # Per call is the load test's unit (benchmarks/load/report.py counts an event and its
    # echo as one event); per event here counts them as two.
    print("| event (+ its echo) | events | CPU ms per event | wall ms per event | queries/call "
          "| CPU ms per call |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- |")
    for label, count, cpu, wall, queries, per_call in rows:
        shown = f"{queries:.1f}" if counter is not None else "-"
        print(f"| {label} | {count} | {cpu:.2f} | {wall:.2f} | {shown} | {per_call:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
