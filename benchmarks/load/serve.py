"""One backend worker of the portal for the load test: the app's ASGI object under uvicorn
on one port, the compiled pages not rebuilt (what ``reflex run --env prod`` runs for its
backend; the load test speaks only the websocket and ``/_upload``).

    python -m benchmarks.load.serve --port 3150
"""

from __future__ import annotations

import argparse
import os


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    os.environ.setdefault("__REFLEX_SKIP_COMPILE", "true")
    os.environ.setdefault("REFLEX_ENV_MODE", "prod")
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
