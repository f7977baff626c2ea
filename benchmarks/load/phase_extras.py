"""The soak's and the reconnect storm's parts of the report (benchmarks/load/report.py).

Soak: RSS over time (summed over the workers, from the sampler's CSV) and its
least-squares slope after the ramp, errors per slice of the run, and a verdict: **flat**
when the slope over the second half, over one hour, stays under FLAT_SHARE of the loaded
RSS. Storm: from the kill until every tab was answered again, and each tab's reconnect
time (the failed call to its answered hydrate: benchmarks/load/reflex_client.py).
"""

from __future__ import annotations

import csv
from pathlib import Path

FLAT_SHARE = 0.02  # of the loaded RSS per hour
SLICES = 10
WARM_SECONDS = 180


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def rss_series(path: Path) -> list[tuple[float, float]]:
    """``(time, MB)`` summed over the workers, one point per sample time."""
    if not path.exists():
        return []
    by_time: dict[float, float] = {}
    for row in csv.DictReader(path.open()):
        by_time[float(row["time"])] = by_time.get(float(row["time"]), 0.0) + float(row["rss_mb"])
    return sorted(by_time.items())


def slope_mb_per_hour(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of ``points`` in MB per hour (0 for fewer than 2)."""
    if len(points) < 2:
        return 0.0
    mean_t = sum(t for t, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((t - mean_t) ** 2 for t, _ in points)
    if spread == 0:
        return 0.0
    return sum((t - mean_t) * (y - mean_y) for t, y in points) / spread * 3600


def soak_section(info: dict, samples, phase_dir: Path, ramp_seconds: float) -> str:
    """RSS and errors over the soak, the slope and the verdict (markdown)."""
    series = rss_series(phase_dir / "server.csv")
    start = info.get("locust_started_at", series[0][0] if series else 0.0)
    steady = [(t, mb) for t, mb in series if t >= start + ramp_seconds]
    if len(steady) < 4:
        return "Soak: too short to judge (no samples after the ramp).\n"
    second_half = steady[len(steady) // 2 :]
    whole, late = slope_mb_per_hour(steady), slope_mb_per_hour(second_half)
    loaded = steady[0][1]
    flat = abs(late) < FLAT_SHARE * loaded
    end = steady[-1][0]
    width = (end - start) / SLICES
    lines = [
        f"Soak ({(end - start) / 60:.1f} min, judged after the first {ramp_seconds:.0f} s: "
        "the ramp, and every tab's first visit of each page, grow memory): RSS "
        f"{loaded:.0f} MB after the ramp, {steady[-1][1]:.0f} MB at the end; slope "
        f"{whole:+.1f} MB/h over the steady part, {late:+.1f} MB/h over its second half: "
        f"**{'flat' if flat else 'NOT flat'}** (flat: under {FLAT_SHARE:.0%} of the loaded "
        "RSS per hour).",
        "",
        "| minutes | events | errors | RSS MB (end of slice) |",
        "| --- | --- | --- | --- |",
    ]
    for index in range(SLICES):
        low, high = start + index * width, start + (index + 1) * width
        rows = [ok for t, _, _, ok in samples if low <= t < high]
        rss = [mb for t, mb in series if t < high]
        lines.append(
            f"| {(low - start) / 60:.1f}-{(high - start) / 60:.1f} | {len(rows)} | "
            f"{sum(1 for ok in rows if not ok)} | {rss[-1] if rss else 0:.0f} |"
        )
    return "\n".join(lines) + "\n"


def storm_section(info: dict, samples) -> str:
    """Kill to all tabs answered again, reconnect times, errors (markdown)."""
    storm = info.get("storm") or {}
    if "kill_at" not in storm:
        return "Storm: the workers were not killed (was --storm-at within the phase?).\n"
    kill = storm["kill_at"]
    back = storm.get("back_at", kill)
    good = [(t, ms) for t, name, ms, ok in samples if name == "reconnect" and ok and t >= kill]
    failed = sum(1 for t, name, _, ok in samples if name == "reconnect" and not ok and t >= kill)
    times = [ms / 1000 for _, ms in good]
    last = max((t for t, _ in good), default=kill)
    window = [ok for t, name, _, ok in samples if kill <= t <= last and name != "reconnect"]
    return (
        f"Reconnect storm (SIG{storm.get('signal', 'KILL')} to every worker): workers back "
        f"{back - kill:.1f} s after the kill; **every tab answered again {last - kill:.1f} s "
        f"after the kill** ({len(good)} reconnects of {info['users']} tabs, {failed} gave "
        f"up); reconnect time per tab (failed call to answered hydrate) p50 "
        f"{_pct(times, 50):.1f} s, **p95 {_pct(times, 95):.1f} s**, max "
        f"{max(times, default=0):.1f} s; other events meanwhile {len(window)}, "
        f"{sum(1 for ok in window if not ok)} errors (the calls the kill cut off). Idle "
        "tabs notice the kill at their next action (think time), a browser at once.\n"
    )


def extra_section(info: dict, samples, phase_dir: Path) -> str:
    """The soak's or the storm's section for this phase, or nothing."""
    # The ramp, then ~3 min in which the tabs open each page a first time (memory that
    # stays: not a leak), at most the first half of the run.
    ramp = info["users"] / max(info.get("rate", 1.0), 0.1) + WARM_SECONDS
    ramp = min(ramp, info.get("duration", 2 * ramp) / 2)
    if info["phase"] == "soak":
        return "\n" + soak_section(info, samples, phase_dir, ramp)
    if info["phase"] == "storm":
        return "\n" + storm_section(info, samples)
    return ""
