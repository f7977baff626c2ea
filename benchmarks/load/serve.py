"""One backend worker of the portal for the load test: the app's ASGI object under uvicorn
on one port, the compiled pages not rebuilt (what ``reflex run --env prod`` runs for its
backend; the load test speaks only the websocket and ``/_upload``).

    python -m benchmarks.load.serve --port 3150
"""

from __future__ import annotations

import argparse
import os
import signal
from pathlib import Path

# benchmarks/event_cpu.py --queries: count the statements the worker sends (SQLAlchemy's
# before_cursor_execute) and write the running total to this file on SIGUSR1. Off by
# default: the listener costs CPU of its own, so CPU runs leave it out.
QUERY_COUNT_FILE = "HEKA_BENCH_QUERY_COUNT_FILE"
# benchmarks/event_cpu.py --garbage: on SIGUSR2 start keeping what the cyclic collector
# finds (gc.DEBUG_SAVEALL), on the next SIGUSR2 collect and write the count and the types
# of that garbage to this file: the reference cycles the events in between left behind.
GARBAGE_FILE = "HEKA_BENCH_GC_GARBAGE_FILE"


def _count_queries(path: Path) -> None:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    count = [0]

    def counted(*_args) -> None:
        count[0] += 1

    event.listen(Engine, "before_cursor_execute", counted)
    signal.signal(signal.SIGUSR1, lambda *_: path.write_text(str(count[0])))


# benchmarks/memory_growth.py: run the worker under tracemalloc and dump a snapshot into
# this folder every HEKA_BENCH_TRACEMALLOC_EVERY seconds (what grows during a steady run).
TRACEMALLOC_DIR = "HEKA_BENCH_TRACEMALLOC_DIR"


def _snapshots(folder: Path, every: float, frames: int) -> None:
    import threading
    import time
    import tracemalloc

    tracemalloc.start(frames)
    folder.mkdir(parents=True, exist_ok=True)

    def dump_forever() -> None:
        started = time.monotonic()
        while True:
            time.sleep(every)
            seconds = round(time.monotonic() - started)
            partial = folder / f"at-{seconds:05d}s.partial"  # a stopped worker leaves no half
            tracemalloc.take_snapshot().dump(str(partial))
            partial.rename(partial.with_suffix(".tracemalloc"))

    threading.Thread(target=dump_forever, name="tracemalloc snapshots", daemon=True).start()


def _keep_garbage(path: Path) -> None:
    import gc
    import json
    import types as types_module
    from collections import Counter

    def toggle(*_args) -> None:
        if not gc.get_debug() & gc.DEBUG_SAVEALL:
            gc.collect()  # what was garbage before the window is not counted
            gc.garbage.clear()
            gc.set_debug(gc.DEBUG_SAVEALL)
            path.write_text("{}")
            return
        gc.collect()
        gc.set_debug(0)
        found = gc.garbage[:]
        gc.garbage.clear()
        types = Counter(f"{type(o).__module__}.{type(o).__qualname__}" for o in found)
        # Frames in the garbage name the code that made the cycle (an exception's traceback).
        frames = Counter(
            f"{o.f_code.co_filename.split('site-packages/')[-1]}:{o.f_code.co_name}"
            for o in found
            if isinstance(o, types_module.FrameType)
        )
        path.write_text(json.dumps({"objects": len(found), "types": types.most_common(40),
                                    "frames": frames.most_common(20)}))  # fmt: skip
        del found
        gc.collect()

    signal.signal(signal.SIGUSR2, toggle)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    os.environ.setdefault("__REFLEX_SKIP_COMPILE", "true")
    os.environ.setdefault("REFLEX_ENV_MODE", "prod")
    if os.environ.get(QUERY_COUNT_FILE):
        _count_queries(Path(os.environ[QUERY_COUNT_FILE]))
    if os.environ.get(TRACEMALLOC_DIR):
        every = float(os.environ.get("HEKA_BENCH_TRACEMALLOC_EVERY", "30"))
        frames = int(os.environ.get("HEKA_BENCH_TRACEMALLOC_FRAMES", "4"))
        _snapshots(Path(os.environ[TRACEMALLOC_DIR]), every, frames)
    if os.environ.get(GARBAGE_FILE):
        _keep_garbage(Path(os.environ[GARBAGE_FILE]))
    import uvicorn

    uvicorn.run(
        "heka_app.heka_app:app",
        factory=True,
        host=args.host,
        port=args.port,
        log_level="warning",
        lifespan="on",
        # Tabs idle between clicks for seconds; keep-alive pings stay Reflex's own.
        ws_ping_interval=None,
    )


if __name__ == "__main__":
    main()
