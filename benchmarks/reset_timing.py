"""Finding 3: does the answer to a reset request take longer for a registered email?

Runs the service as the state does (its own transaction per request) on a fresh SQLite
database with the test world, interleaving registered and unknown addresses:

    python benchmarks/reset_timing.py --rounds 200
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HEKA_ENV", "test")
os.environ["HEKA_DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.db"

from sqlmodel import SQLModel  # noqa: E402

import heka_app.models  # noqa: E402,F401
from heka_app import db  # noqa: E402
from heka_app.services.accounts.reset_requests import request_password_reset  # noqa: E402
from heka_app.services.common.clock import utcnow  # noqa: E402
from tests.factories import build_world  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    SQLModel.metadata.create_all(db.get_engine())
    with db.session_scope() as session:
        build_world(session, utcnow())
    times: dict[str, list[float]] = {"registered": [], "unknown": []}
    for n in range(args.rounds):
        for kind, email in (("registered", "primary@test.example"), ("unknown", f"x{n}@t.fi")):
            start = time.perf_counter()
            with db.session_scope() as session:
                request_password_reset(
                    session=session, email=email, now=utcnow(), client_ip=f"10.0.{n}.1"
                )
            times[kind].append((time.perf_counter() - start) * 1000)
    unknown_median = statistics.median(times["unknown"])
    for kind, values in times.items():
        above = sum(v > unknown_median for v in values) / len(values)
        print(
            f"{kind:10s} median {statistics.median(values):.2f} ms  "
            f"p90 {statistics.quantiles(values, n=10)[-1]:.2f} ms  "
            f"above the unknown median {above:.0%}"
        )


if __name__ == "__main__":
    main()
