"""What grows in a worker's memory during a steady load run (issue 15: a flat soak).

    HEKA_BENCH_TRACEMALLOC_DIR=artifacts/growth/run1 \\
        python -m benchmarks.load.run --users 300 --rate 30 --duration 120 --phases gc-on
    python -m benchmarks.memory_growth artifacts/growth/run1 --from 40

The worker (benchmarks/load/serve.py) runs under tracemalloc and dumps a snapshot every
HEKA_BENCH_TRACEMALLOC_EVERY seconds (30) with HEKA_BENCH_TRACEMALLOC_FRAMES frames (4).
This compares the first snapshot taken at or after ``--from`` seconds (after the ramp and
the tabs' first visits) with the last one: the Python allocations that grew in between, by
file and by allocation site with its callers. tracemalloc slows the worker: take CPU and
RSS numbers from a run without it.
"""

from __future__ import annotations

import argparse
import sys
import tracemalloc
from pathlib import Path


def _short(filename: str) -> str:
    return filename.split("site-packages/")[-1].split("/heka_app/")[-1]


def compare(folder: Path, start: float, top: int) -> None:
    """Print what grew between the first snapshot at or after ``start`` s and the last."""
    paths = sorted(folder.glob("at-*s.tracemalloc"))
    seconds = [int(p.stem[3:-1]) for p in paths]
    chosen = [p for p, s in zip(paths, seconds, strict=True) if s >= start]
    if len(chosen) < 2:
        sys.exit(f"need two snapshots at or after {start} s in {folder}, found {len(chosen)}")
    first, last = (tracemalloc.Snapshot.load(str(p)) for p in (chosen[0], chosen[-1]))
    span = int(chosen[-1].stem[3:-1]) - int(chosen[0].stem[3:-1])
    ignore = [tracemalloc.Filter(False, tracemalloc.__file__)]
    first, last = first.filter_traces(ignore), last.filter_traces(ignore)
    total = sum(s.size for s in last.statistics("filename")) - sum(
        s.size for s in first.statistics("filename")
    )
    print(f"{chosen[0].name} -> {chosen[-1].name} ({span} s): Python allocations "
          f"{total / 2**20:+.2f} MB ({total / 2**20 * 3600 / max(span, 1):+.0f} MB/h)")  # fmt: skip
    for group in ("filename", "traceback"):
        print(f"\n  grown, by {group} (KB, blocks; callers first, the allocation last):")
        for stat in last.compare_to(first, group)[:top]:
            if stat.size_diff <= 0:
                break
            frames = stat.traceback if group == "traceback" else stat.traceback[:1]
            where = " > ".join(f"{_short(f.filename)}:{f.lineno}" for f in frames)
            print(f"    {stat.size_diff / 1024:9.1f} {stat.count_diff:+8d}  {where}")


def print_per_tab(before, after, tabs: int, top: int, unit: str = "tab") -> None:
    """benchmarks/tab_memory.py --trace: what ``tabs`` new tabs (or events) allocated, per
    tab (or event)."""
    for group in ("filename", "lineno"):
        stats = after.compare_to(before, group)
        print(f"\n  tracemalloc, grown by {group} (bytes per {unit}, blocks per {unit}):")
        for stat in stats[:top]:
            where = stat.traceback[0]
            name = where.filename.split("site-packages/")[-1].split("wt-load/")[-1]
            label = name if group == "filename" else f"{name}:{where.lineno}"
            print(f"    {stat.size_diff / tabs:9.0f} B {stat.count_diff / tabs:7.1f}  {label}")
        total = sum(s.size_diff for s in stats)
        print(f"    total {total / tabs / 1024:.2f} KB per {unit} (Python allocations)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--from", dest="start", type=float, default=40.0)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    compare(args.folder, args.start, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
