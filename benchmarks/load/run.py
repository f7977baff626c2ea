"""``make load``: a throwaway database, the workers, the floors and Locust headless, in
phases that share one run (so "before" and "after" see the same machine), then a report.

    python -m benchmarks.load.run --users 1000 --rate 50 --duration 180 \
        --phases gc-off,gc-on,burst --burst 200

Phases: ``gc-off`` (CPython's defaults: HEKA_GC_TUNING=0), ``gc-on`` (the start-up heap
frozen, higher thresholds: heka_app/gc_tuning.py), ``burst`` (gc-on with ``--burst``
real logins at once, ``--burst-at`` seconds in: the other tabs' p95 meanwhile), ``soak``
(gc-on for ``--soak-minutes``: errors and RSS over time, its slope) and ``storm`` (every
worker killed ``--storm-at`` seconds in and restarted: time until every tab is answered
again, reconnect p95; benchmarks/load/storm.py).
``--workers N`` starts N backend processes; with more than one, ``--redis`` is required
(shared tab state), and each simulated tab talks to one worker (as behind a proxy).
Writes to ``artifacts/load/<time>/``: per phase Locust's CSV + HTML, every sample, the
workers' CPU/RSS, the GC pauses; ``report.md`` + ``report.html`` over all phases.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.load import report, stack
from benchmarks.load.storm import Storm

PHASES = {
    "gc-off": {"HEKA_GC_TUNING": "0"},
    "gc-on": {"HEKA_GC_TUNING": "1"},
    # The login storm on its own phase, so the others' CPU per event has no argon2 in it;
    # the hashing thread niced as in production (the run itself is HEKA_ENV=dev).
    "burst": {"HEKA_GC_TUNING": "1", "HEKA_HASH_NICE": "10"},
    # The same burst with argon2 in the default thread pool beside every database call.
    "burst-nopool": {"HEKA_GC_TUNING": "1", "HEKA_HASH_WORKERS": "0"},
    # --soak-minutes at the design load: errors over time, RSS over time and its slope.
    "soak": {"HEKA_GC_TUNING": "1"},
    # Every worker killed --storm-at seconds in and restarted: all tabs reconnect at once.
    "storm": {"HEKA_GC_TUNING": "1"},
}


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=300, help="simulated tenant tabs")
    parser.add_argument("--rate", type=float, default=25, help="new tabs per second (ramp)")
    parser.add_argument("--duration", type=int, default=120, help="seconds per phase")
    parser.add_argument("--think", default="4,6", help="think time range, seconds")
    parser.add_argument("--households", type=int, default=150)
    parser.add_argument("--burst", type=int, default=200, help="logins in the burst phase")
    parser.add_argument("--burst-at", type=float, default=0, help="seconds into a phase")
    parser.add_argument("--phases", default="gc-off,gc-on,burst")
    parser.add_argument("--soak-minutes", type=float, default=30, help="the soak's length")
    parser.add_argument("--storm-at", type=float, default=0, help="s into storm (0: half)")
    parser.add_argument("--storm-signal", default="KILL", choices=["KILL", "TERM"])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--port", type=int, default=3150, help="first worker's port")
    parser.add_argument("--echo-port", type=int, default=3159)
    parser.add_argument("--database", default="", help="SQLAlchemy URL (default: SQLite)")
    parser.add_argument("--redis", default="", help="Redis URL for tab state")
    parser.add_argument("--pin", action="store_true", help="one worker on core 0, Locust on 1")
    parser.add_argument("--out", type=Path, default=None)
    return parser.parse_args(argv)


def _env(args: argparse.Namespace, out: Path) -> dict:
    env = {**os.environ, "HEKA_ENV": os.environ.get("HEKA_ENV", "dev")}
    env["HEKA_DATABASE_URL"] = args.database or f"sqlite:///{out / 'portal.db'}"
    env.pop("HEKA_REDIS_URL", None)
    env.pop("REFLEX_REDIS_URL", None)
    if args.redis:
        env["HEKA_REDIS_URL"] = env["REFLEX_REDIS_URL"] = args.redis
    else:
        env["REFLEX_STATE_MANAGER_MODE"] = "memory"
    return env


def _prepare(env: dict, args: argparse.Namespace, out: Path) -> Path:
    plan = out / "plan.json"
    for command in (
        ["heka", "migrate"],
        ["heka", "demo-data", "--if-empty"],
        [sys.executable, "-m", "benchmarks.load.prepare", "--households", str(args.households),
         "--sessions", str(args.users), "--out", str(plan)],
    ):  # fmt: skip
        subprocess.run(command, env=env, check=True, cwd=stack.ROOT, stdout=subprocess.DEVNULL)
    return plan


def duration(name: str, args: argparse.Namespace) -> int:
    """Seconds the phase runs: the soak its own minutes, the others ``--duration``."""
    return round(args.soak_minutes * 60) if name == "soak" else args.duration


def _locust(env: dict, args: argparse.Namespace, phase_dir: Path, hosts: list[str]) -> None:
    command = [
        sys.executable, "-m", "locust", "-f", "benchmarks/load/locustfile.py", "--headless",
        "-u", str(args.users + int(env.get("LOAD_FLOOR_USERS", "10"))), "-r", str(args.rate),
        "-t", f"{duration(phase_dir.name, args)}s", "--host", hosts[0], "--stop-timeout", "10",
        "--csv", str(phase_dir / "locust"), "--html", str(phase_dir / "locust.html"),
        "--only-summary", "--loglevel", "WARNING",
    ]  # fmt: skip
    with (phase_dir / "locust.log").open("wb") as log:
        core = 1 if args.pin else None
        subprocess.run(stack._pinned(command, core), env=env, cwd=stack.ROOT, stdout=log,
                       stderr=subprocess.STDOUT, check=False)  # fmt: skip


def _redis_state_bytes(url: str) -> dict:
    """Serialized tab state in Redis: keys and bytes (what one tab costs there)."""
    import redis

    client = redis.Redis.from_url(url)
    keys = [key for key in client.scan_iter(count=1000) if client.type(key) == b"string"]
    sizes = [client.strlen(key) for key in keys]
    return {"keys": len(sizes), "bytes": sum(sizes)}


def run_phase(name: str, env: dict, args: argparse.Namespace, out: Path, plan: Path) -> dict:
    """One phase: fresh workers with the phase's settings, Locust, stats."""
    phase_dir = out / name
    phase_dir.mkdir(parents=True, exist_ok=True)
    env = {**env, **PHASES.get(name, {}), "HEKA_GC_STATS_FILE": str(phase_dir / "gc")}
    ports = [args.port + i for i in range(args.workers)]
    hosts = [f"http://127.0.0.1:{port}" for port in ports]
    commands = [stack.backend_command(port) for port in ports]
    workers = [
        stack.start(f"worker-{i}", commands[i], phase_dir, env,
                    f"{hosts[i]}/ping", 0 if args.pin and args.workers == 1 else None)
        for i in range(len(ports))
    ]  # fmt: skip
    load_env = {
        **env,
        "LOAD_PLAN": str(plan),
        "LOAD_SAMPLES": str(phase_dir / "samples.csv"),
        "LOAD_THINK": args.think,
        "LOAD_ECHO_URL": f"ws://127.0.0.1:{args.echo_port}/",
        "LOAD_HOSTS": ",".join(hosts),
        "LOAD_LOGIN_BURST": str(args.burst if name.startswith("burst") else 0),
        "LOAD_LOGIN_BURST_AT": str(args.burst_at or args.duration / 2),
    }
    info: dict = {"phase": name, "users": args.users, "workers": args.workers,
                  "rate": args.rate, "duration": duration(name, args)}  # fmt: skip
    with stack.running(workers):
        time.sleep(stack_settle := 5.0)  # the GC tuning runs 3 s after start-up
        pids = {w.name: w.popen.pid for w in workers}
        info["uptime_before"] = os.getloadavg()
        storm = None
        if name == "storm":  # the tabs ramp up first: kill when all are connected
            at = args.storm_at or max(args.duration / 2, args.users / args.rate + 10)
            storm = Storm(workers, pids, commands, env, phase_dir, at, args.storm_signal)
            storm.start()
        with stack.Sampler(pids, phase_dir / "server.csv"):
            info["locust_started_at"] = time.time()
            _locust(load_env, args, phase_dir, hosts)
        if storm is not None:
            info["storm"] = storm.stop()
        info["uptime_after"] = os.getloadavg()
        info["settle_seconds"] = stack_settle
        if args.redis:
            info["redis_state"] = _redis_state_bytes(args.redis)
    (phase_dir / "info.json").write_text(json.dumps(info))
    return info


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    if args.workers > 1 and not args.redis:
        sys.exit("--workers > 1 needs --redis (tab state shared by the workers)")
    taken = [p for p in (args.echo_port, *range(args.port, args.port + args.workers))
             if not stack.port_free(p)]  # fmt: skip
    if taken:
        sys.exit(f"ports in use: {taken}")
    out = args.out or stack.ROOT / "artifacts" / "load" / time.strftime("%Y%m%d-%H%M%S")
    out.mkdir(parents=True, exist_ok=True)
    env = _env(args, out)
    plan = _prepare(env, args, out)
    echo = stack.start("echo", stack.echo_command(args.echo_port), out, env,
                       f"http://127.0.0.1:{args.echo_port}/ping-none", None)  # fmt: skip
    echo.ping = None  # a bare echo has no HTTP route; give it a moment instead
    time.sleep(2)
    with stack.running([echo]):
        for name in args.phases.split(","):
            print(f"== phase {name}: {args.users} tabs, {duration(name, args)} s", flush=True)
            run_phase(name, env, args, out, plan)
    text = report.write(out)
    print(text)
    print(f"Report: {out / 'report.md'} and {out / 'report.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
