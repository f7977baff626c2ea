"""The load run's report: per event p50/p95/p99 and errors, ratios to the floors, server
CPU per event and memory per tab, GC pauses, other tabs during a login burst, and the
phases side by side (``report.md`` and ``report.html`` in the run's folder).

    python -m benchmarks.load.report artifacts/load/<run>
"""

from __future__ import annotations

import csv
import itertools
import json
import statistics
import sys
from pathlib import Path

from benchmarks.load import phase_extras

FLOOR_FRAMEWORK = "floor.framework"
FLOOR_PHYSICAL = "floor.physical"
NOT_TENANT = (FLOOR_FRAMEWORK, FLOOR_PHYSICAL, "login.argon2", "faults.submit.accepted")


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank); 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def load_samples(path: Path) -> tuple[list[tuple[float, str, float, bool]], dict[str, float]]:
    """Samples ``(time, name, ms, ok)`` and the marks (``#burst_start`` -> time)."""
    samples, marks = [], {}
    if not path.exists():
        return samples, marks
    for row in csv.reader(path.open()):
        stamp, name, ms, ok = float(row[0]), row[1], float(row[2]), row[3] == "1"
        if name.startswith("#"):
            marks[name[1:]] = stamp
        else:
            samples.append((stamp, name, ms, ok))
    return samples, marks


def per_event(samples) -> dict[str, dict]:
    """Per name: count, errors, p50/p95/p99/max (ms) over the successful samples."""
    names: dict[str, list] = {}
    for _, name, ms, ok in samples:
        names.setdefault(name, []).append((ms, ok))
    table = {}
    for name, rows in sorted(names.items()):
        good = [ms for ms, ok in rows if ok]
        table[name] = {
            "n": len(rows),
            "errors": sum(1 for _, ok in rows if not ok),
            "p50": pct(good, 50),
            "p95": pct(good, 95),
            "p99": pct(good, 99),
            "max": max(good, default=0.0),
        }
    return table


def server_use(path: Path, events: int, tabs: int) -> dict:
    """CPU ms per event and RSS per tab from the sampler's CSV (summed over workers)."""
    rows = list(csv.DictReader(path.open())) if path.exists() else []
    rows = [row for row in rows if float(row["rss_mb"]) > 0]  # after a worker stopped
    if not rows:
        return {}
    by_time: dict[str, list] = {}
    for row in rows:
        by_time.setdefault(row["time"], []).append(row)
    stamps = sorted(by_time, key=float)
    cpu = [sum(float(r["cpu_seconds"]) for r in by_time[t]) for t in stamps]
    # A restarted worker (the storm) starts from 0 CPU s: count its time from there.
    cpu = [0.0] + [b - a if b >= a else b for a, b in itertools.pairwise(cpu)]
    cpu = list(itertools.accumulate(cpu))
    rss = [sum(float(r["rss_mb"]) for r in by_time[t]) for t in stamps]
    loads = [float(by_time[t][0]["load1"]) for t in stamps]
    tail = rss[int(len(rss) * 0.7) :] or rss
    loaded_mb = statistics.median(tail)
    return {
        "cpu_seconds": cpu[-1] - cpu[0],
        "cpu_ms_per_event": (cpu[-1] - cpu[0]) * 1000 / max(events, 1),
        "rss_start_mb": rss[0],
        "rss_loaded_mb": loaded_mb,
        "rss_peak_mb": max(rss),
        "kb_per_tab": (loaded_mb - rss[0]) * 1024 / max(tabs, 1),
        "load_min": min(loads),
        "load_max": max(loads),
    }


def gc_pauses(phase_dir: Path) -> dict:
    """GC counts, total and longest pause per generation, summed over the workers."""
    total: dict = {"frozen": 0}
    for key in ("counts", "collected", "largest_walked"):
        total[key] = [0, 0, 0]
    for key in ("total_ms", "longest_ms", "cpu_ms", "longest_cpu_ms"):
        total[key] = [0.0] * 3
    for path in phase_dir.glob("gc.*.json"):
        snap = json.loads(path.read_text())
        for g in range(3):
            for key in ("counts", "total_ms", "cpu_ms", "collected"):
                total[key][g] += snap.get(key, [0] * 3)[g]
            for key in ("longest_ms", "longest_cpu_ms", "largest_walked"):
                total[key][g] = max(total[key][g], snap.get(key, [0.0] * 3)[g])
        total["frozen"] += snap.get("frozen", 0)
    return total


def burst_windows(samples, marks) -> dict:
    """Other tabs' p95 in the 30 s before the login burst and while it ran."""
    if "burst_start" not in marks:
        return {}
    # A burst still running when the phase ended has no end mark: it lasted to the end.
    last = max((t for t, *_ in samples), default=marks["burst_start"])
    start, end = marks["burst_start"], marks.get("burst_end", last)
    others = [(t, ms) for t, name, ms, ok in samples if ok and name not in NOT_TENANT]
    before = [ms for t, ms in others if start - 30 <= t < start]
    during = [ms for t, ms in others if start <= t <= end]
    logins = [ms for _, name, ms, ok in samples if name == "login.argon2" and ok]
    return {
        "seconds": end - start,
        "finished": "burst_end" in marks,
        "before_p95": pct(before, 95),
        "during_p95": pct(during, 95),
        "during_p99": pct(during, 99),
        "during_n": len(during),
        "login_p50": pct(logins, 50),
        "login_p95": pct(logins, 95),
        "login_errors": sum(1 for _, n, _, ok in samples if n == "login.argon2" and not ok),
    }


def _ratio(value: float, floor: float) -> str:
    return f"{value / floor:.1f}×" if floor > 0 else "–"


def phase_section(phase_dir: Path) -> tuple[str, dict]:
    """The markdown of one phase and its numbers."""
    info = json.loads((phase_dir / "info.json").read_text())
    samples, marks = load_samples(phase_dir / "samples.csv")
    table = per_event(samples)
    server_events = sum(row["n"] for name, row in table.items() if name != FLOOR_PHYSICAL)
    use = server_use(phase_dir / "server.csv", server_events, info["users"])
    pauses, burst = gc_pauses(phase_dir), burst_windows(samples, marks)
    fw = table.get(FLOOR_FRAMEWORK, {}).get("p95", 0.0)
    ph = table.get(FLOOR_PHYSICAL, {}).get("p95", 0.0)
    lines = [
        f"## Phase `{info['phase']}`: {info['users']} tabs on {info['workers']} worker(s)",
        "",
        f"Load average (1 min) before {info['uptime_before'][0]:.1f}, after "
        f"{info['uptime_after'][0]:.1f}; during {use.get('load_min', 0):.1f}-"
        f"{use.get('load_max', 0):.1f}.",
        "",
        "| event | n | errors | p50 ms | p95 ms | p99 ms | max ms | p95 / framework | "
        "p95 / physical |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, row in table.items():
        lines.append(
            f"| {name} | {row['n']} | {row['errors']} | {row['p50']:.1f} | {row['p95']:.1f} | "
            f"{row['p99']:.1f} | {row['max']:.1f} | {_ratio(row['p95'], fw)} | "
            f"{_ratio(row['p95'], ph)} |"
        )
    if use:
        lines += [
            "",
            f"Server: {use['cpu_seconds']:.1f} CPU s for {server_events} events = "
            f"**{use['cpu_ms_per_event']:.2f} ms CPU per event** (each measured event is "
            f"followed by the echo that marks its end: both counted); RSS "
            f"{use['rss_start_mb']:.0f} MB at start, {use['rss_loaded_mb']:.0f} MB loaded "
            f"(peak {use['rss_peak_mb']:.0f}) = **{use['kb_per_tab']:.0f} KB per tab**.",
        ]
    lines += [
        f"\nGC (generations 0, 1, 2): collections {pauses['counts']}; pauses in total "
        f"{[round(x) for x in pauses['total_ms']]} ms wall, "
        f"{[round(x) for x in pauses['cpu_ms']]} ms CPU; longest "
        f"{[round(x, 1) for x in pauses['longest_ms']]} ms wall, "
        f"{[round(x, 1) for x in pauses['longest_cpu_ms']]} ms CPU; objects freed "
        f"{pauses['collected']}, most walked by one pass {pauses['largest_walked']} (0 "
        f"unless HEKA_GC_STATS_WALKED=1); frozen objects {pauses['frozen']}.",
    ]
    if "redis_state" in info:
        state = info["redis_state"]
        per_key = state["bytes"] / max(state["keys"], 1) / 1024
        lines.append(
            f"Redis (every phase's tabs so far, they expire later): {state['keys']} state "
            f"keys, {per_key:.1f} KB each, {state['bytes'] / 1024:.0f} KB in all."
        )
    if burst:
        lines += [
            "",
            f"Login burst ({burst['seconds']:.1f} s"
            f"{'' if burst['finished'] else ', still running when the phase ended'}): "
            "other tabs' p95 "
            f"{burst['before_p95']:.1f} ms in the 30 s before, **{burst['during_p95']:.1f} ms "
            f"during** (p99 {burst['during_p99']:.1f}, {burst['during_n']} events); logins "
            f"p50 {burst['login_p50']:.0f} ms, p95 {burst['login_p95']:.0f} ms, "
            f"{burst['login_errors']} errors.",
        ]
    lines.append(phase_extras.extra_section(info, samples, phase_dir))  # soak, storm
    numbers = {"table": table, "use": use, "gc": pauses, "burst": burst}
    return "\n".join(lines) + "\n", numbers


def compare(phases: dict[str, dict]) -> str:
    """p95/p99 of every event, phase by phase."""
    names = sorted({n for numbers in phases.values() for n in numbers["table"]})
    head = " | ".join(f"{p} p95 | {p} p99" for p in phases)
    lines = ["## Phases side by side (ms)", "", f"| event | {head} |",
             "|" + " --- |" * (1 + 2 * len(phases))]  # fmt: skip
    for name in names:
        cells = []
        for numbers in phases.values():
            row = numbers["table"].get(name)
            cells += [f"{row['p95']:.1f}", f"{row['p99']:.1f}"] if row else ["–", "–"]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write(out: Path) -> str:
    """Write ``report.md`` and ``report.html`` for the run in ``out``; return the text."""
    sections, phases = [], {}
    for phase_dir in sorted(p for p in out.iterdir() if (p / "info.json").exists()):
        text, numbers = phase_section(phase_dir)
        sections.append(text)
        phases[phase_dir.name] = numbers
    body = "# Load test report\n\n" + "\n".join(sections)
    if len(phases) > 1:
        body += "\n" + compare(phases)
    body += "\nLocust's own report per phase (charts): `<phase>/locust.html`.\n"
    (out / "report.md").write_text(body)
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(body)
    links = "".join(f'<li><a href="{p}/locust.html">{p}: Locust charts</a></li>' for p in phases)
    (out / "report.html").write_text(
        "<!doctype html><meta charset=utf-8><title>Load test</title>"
        "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto}"
        "td,th{border:1px solid #ccc;padding:2px 6px}table{border-collapse:collapse}</style>"
        f"{html}<ul>{links}</ul>"
    )
    return body


if __name__ == "__main__":
    print(write(Path(sys.argv[1])))
