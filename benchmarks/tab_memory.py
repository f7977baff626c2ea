"""Server memory per open tab (issue 15: target <= 100 KB), and where it goes.

One backend worker (benchmarks/load/serve.py's app under uvicorn) on a throwaway SQLite
database with the load test's prepared sessions. A few tabs warm it up and leave; then
RSS is read, ``--tabs`` signed-in tabs connect, hydrate, run the session check and open
the front page (what every tab of the load test does first), and stay connected idle;
RSS is read again. KB per tab = the RSS growth / tabs. With ``--trace`` the worker runs
under tracemalloc and dumps a snapshot before and after; the diff, grouped by file and
by allocation site, shows what one tab costs where (tracemalloc itself inflates RSS:
take the KB per tab from a run without it). Then the tabs close and as many new tabs
(new tokens) open: the RSS they add shows whether closed tabs' memory is given back
(heka_app/closed_tab_states.py; compare HEKA_CLOSED_TAB_STATE_SECONDS=0 and =2).

    python -m benchmarks.tab_memory --tabs 300                  # KB per tab
    python -m benchmarks.tab_memory --tabs 300 --trace          # + where it goes
    python -m benchmarks.tab_memory --tabs 300 --env A=1 --env A=0   # one worker per setting
    python -m benchmarks.tab_memory --tabs 300 --redis redis://127.0.0.1:6379/5   # as production
    python -m benchmarks.tab_memory --tabs 300 --state          # + pickle size per substate

Memory is not sensitive to machine load, so settings compared in one run are comparable.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import time
import tracemalloc
from pathlib import Path

SNAPSHOT_DIR = "TAB_MEMORY_SNAPSHOTS"
STATE_REPORT = "TAB_MEMORY_STATE_REPORT"


def serve(port: int) -> None:
    """The worker: tracemalloc if asked, a snapshot on each SIGUSR1, then the app."""
    snapshots = os.environ.get(SNAPSHOT_DIR, "")
    if snapshots:
        tracemalloc.start(int(os.environ.get("TAB_MEMORY_FRAMES", "1")))
        taken = iter(range(1000))

        def dump(_signum, _frame) -> None:
            path = Path(snapshots) / f"snapshot-{next(taken)}.tracemalloc"
            tracemalloc.take_snapshot().dump(str(path))
            path.with_suffix(".done").touch()

        signal.signal(signal.SIGUSR1, dump)
    if os.environ.get(STATE_REPORT, ""):
        from benchmarks import tab_state_size

        tab_state_size.install(Path(os.environ[STATE_REPORT]))
    sys.argv = [sys.argv[0], "--port", str(port)]
    from benchmarks.load import serve as load_serve

    load_serve.main()


def _snapshot(pid: int, directory: Path, index: int):
    os.kill(pid, signal.SIGUSR1)
    done = directory / f"snapshot-{index}.done"
    while not done.exists():
        time.sleep(0.2)
    return tracemalloc.Snapshot.load(str(done.with_suffix(".tracemalloc")))


def measure(args, env: dict, label: str, plan: dict, out: Path) -> float:
    """Start a worker with ``env``, open the tabs, print and return KB per tab."""
    import psutil  # type: ignore[import-untyped]

    from benchmarks import memory_growth, tab_pages
    from benchmarks.load import stack

    safe = re.sub(r"[^\w.=-]+", "_", label)  # a file name (a URL's "/" would be a folder)
    snapshots = out / f"snapshots-{safe}"
    if args.trace:
        snapshots.mkdir(parents=True, exist_ok=True)
        env = {**env, SNAPSHOT_DIR: str(snapshots)}
    if args.gc:  # heka_app/gc_tuning.py's recorder, with the objects each pass walked
        env = {**env, "HEKA_GC_STATS_FILE": str(out / f"gc-{safe}"), "HEKA_GC_STATS_WALKED": "1"}
    state_report = out / f"state-{safe}.json"
    if args.state:
        env = {**env, STATE_REPORT: str(state_report)}
    if not stack.port_free(args.port):  # else the tabs would talk to whatever listens there
        sys.exit(f"port {args.port} is in use")
    command = [sys.executable, "-m", "benchmarks.tab_memory", "--serve", str(args.port)]
    base = f"http://127.0.0.1:{args.port}"
    worker = stack.start(f"worker-{safe}", command, out, env, f"{base}/ping", None)
    homes = plan["tabs"]
    warm: list = []
    with stack.running([worker]):
        tab_pages.open_tabs(base, homes[: args.warmup], warm, args.pages)
        for tab, _home in warm:
            tab.close()
        time.sleep(3)  # the warm-up tabs' disconnects handled
        process = psutil.Process(worker.popen.pid)
        before_rss = process.memory_info().rss
        before = _snapshot(worker.popen.pid, snapshots, 0) if args.trace else None
        kept: list = []
        opened = tab_pages.open_tabs(
            base, homes[args.warmup : args.warmup + args.tabs], kept, args.pages
        )
        time.sleep(3)
        after_rss = process.memory_info().rss
        after = _snapshot(worker.popen.pid, snapshots, 1) if args.trace else None
        per_tab = (after_rss - before_rss) / max(1, opened) / 1024
        print(f"[{label}] {opened} tabs: RSS {before_rss / 2**20:.1f} -> "
              f"{after_rss / 2**20:.1f} MB, {per_tab:.0f} KB per tab", flush=True)  # fmt: skip
        if before is not None and after is not None:
            memory_growth.print_per_tab(before, after, max(1, opened), args.top)
        if args.redis:
            from benchmarks.load.run import _redis_state_bytes

            held = _redis_state_bytes(args.redis)
            print(f"[{label}] Redis: {held['keys']} keys, {held['bytes'] / 2**20:.1f} MB, "
                  f"{held['bytes'] / max(1, opened) / 1024:.1f} KB per open tab (warm-up "
                  "tabs' keys included)", flush=True)  # fmt: skip
        if args.state:  # after the RSS reading: walking the states allocates
            from benchmarks import tab_state_size

            tab_state_size.request(worker.popen.pid, state_report, args.top)
        if args.revisit:  # the open tabs open their pages again: what stays per event?
            rss, pid = process.memory_info().rss, worker.popen.pid
            first = _snapshot(pid, snapshots, 2) if args.trace else None
            events = tab_pages.revisit(kept, args.revisit)
            grown = process.memory_info().rss - rss
            print(f"[{label}] {events} more events (every page again, {args.revisit} rounds): "
                  f"RSS {grown / 2**20:+.1f} MB", flush=True)  # fmt: skip
            if first is not None:
                last = _snapshot(pid, snapshots, 3)
                memory_growth.print_per_tab(first, last, events, args.top, unit="event")
        for tab, _home in kept:
            tab.close()
        time.sleep(3)
        closed_rss = process.memory_info().rss
        kept_kb = (closed_rss - before_rss) / max(1, opened) / 1024
        print(f"[{label}] after the tabs closed: RSS {closed_rss / 2**20:.1f} MB, "
              f"{kept_kb:.0f} KB per closed tab still held", flush=True)  # fmt: skip
        # As many new tabs (new tokens): do they reuse the closed tabs' memory?
        again: list = []
        reopened = tab_pages.open_tabs(base, homes[args.warmup : args.warmup + args.tabs], again,
                              args.pages)  # fmt: skip
        time.sleep(3)
        churn_kb = (process.memory_info().rss - closed_rss) / max(1, reopened) / 1024
        print(f"[{label}] {reopened} new tabs after those closed: {churn_kb:.0f} KB per "
              "tab more", flush=True)  # fmt: skip
        for tab, _home in again:
            tab.close()
        if args.gc:
            _print_gc(out, safe, label)
    return per_tab


def _print_gc(out: Path, safe: str, label: str) -> None:
    """The worker's GC passes since it tuned itself (the tabs, their pages, the churn)."""
    import json

    time.sleep(6)  # the recorder writes every 5 s
    for path in out.glob(f"gc-{safe}.*.json"):
        snap = json.loads(path.read_text())
        print(f"[{label}] GC thresholds {snap['thresholds']}: passes {snap['counts']}, "
              f"CPU {snap['cpu_ms']} ms, longest {snap['longest_cpu_ms']} ms CPU, most "
              f"objects walked {snap['largest_walked']}, freed {snap['collected']}",
              flush=True)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--tabs", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--pages", type=int, default=6, help="pages each tab opens (0-6)")
    parser.add_argument("--port", type=int, default=4450)
    parser.add_argument("--trace", action="store_true", help="tracemalloc diff (slower)")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--state", action="store_true", help="state tree sizes per tab")
    parser.add_argument("--gc", action="store_true", help="GC passes and objects walked")
    parser.add_argument("--revisit", type=int, default=0, help="rounds of every page again")
    parser.add_argument(
        "--env", action="append", default=[], help="NAME=VALUE or - (as is): one worker each"
    )
    parser.add_argument("--redis", default="", help="Redis URL: tab state in Redis (production)")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve)
        return 0
    import json

    from benchmarks.load import run as load_run
    from benchmarks.load import stack

    stamp = f"{time.strftime('%Y%m%d-%H%M%S')}-{args.port}"  # two runs at once
    out = args.out or stack.ROOT / "artifacts" / "tab_memory" / stamp
    out.mkdir(parents=True, exist_ok=True)
    redis = ["--redis", args.redis] if args.redis else []
    load_args = load_run._args(
        ["--users", str(args.tabs + args.warmup), "--households", "150", *redis]
    )
    env = load_run._env(load_args, out)
    plan = json.loads(load_run._prepare(env, load_args, out).read_text())
    # "-" stands for the worker's environment as it is (a baseline beside --env runs).
    settings = [("", "", "") if s == "-" else s.partition("=") for s in args.env]
    settings = settings or [("", "", "")]
    for name, _, value in settings:
        label = f"{name}={value}" if name else "default"
        measure(args, {**env, **({name: value} if name else {})}, label, plan, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
