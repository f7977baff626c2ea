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


def _count_queries(path: Path) -> None:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    count = [0]

    def counted(*_args) -> None:
        count[0] += 1

    event.listen(Engine, "before_cursor_execute", counted)
    signal.signal(signal.SIGUSR1, lambda *_: path.write_text(str(count[0])))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    os.environ.setdefault("__REFLEX_SKIP_COMPILE", "true")
    os.environ.setdefault("REFLEX_ENV_MODE", "prod")
    if os.environ.get(QUERY_COUNT_FILE):
        _count_queries(Path(os.environ[QUERY_COUNT_FILE]))
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
