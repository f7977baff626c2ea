"""Login handler latency, and whether another tab is answered while a password hashes.

Run against a running portal (``make run``; prod mode serves the websocket on 3000):

    python benchmarks/login_latency.py --backend 127.0.0.1:3000 --rounds 20

Tab A logs in (argon2id runs in a worker thread); the moment A's event is sent, tab B
sends a language switch. B's reply arriving before A's login finishes shows the event
loop is not blocked by hashing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HEKA_ENV", "dev")

from heka_app.demo.dataset import DEMO_PASSWORD  # noqa: E402
from heka_app.state.auth import LoginState  # noqa: E402
from heka_app.state.session import SessionState  # noqa: E402
from tests.e2e.reflex_ws import ReflexSocket  # noqa: E402

LOGIN = f"{LoginState.get_full_name()}.submit"
SWITCH = f"{SessionState.get_full_name()}.set_language"


def one_round(backend: str, email: str, language: str) -> tuple[float, float]:
    tab_a, tab_b = ReflexSocket(backend), ReflexSocket(backend)
    try:
        form = {"form_data": {"email": email, "password": DEMO_PASSWORD}}
        started = time.perf_counter()
        tab_a.send(LOGIN, form, path="/login")
        tab_b.send(SWITCH, {"language": language})
        tab_b.wait_for("lang_cookie_rx_state_")
        b_answered = time.perf_counter() - started
        tab_a.wait_for('"_redirect"')
        a_logged_in = time.perf_counter() - started
        return a_logged_in, b_answered
    finally:
        tab_a.close()
        tab_b.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="127.0.0.1:3000")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--email", default="coresident@demo.heka.example")
    args = parser.parse_args()
    logins, others, earlier = [], [], 0
    for i in range(args.rounds):
        login, other = one_round(args.backend, args.email, ("sv", "en")[i % 2])
        logins.append(login * 1000)
        others.append(other * 1000)
        earlier += other < login
    print(
        f"login handler (send -> redirect event): median {statistics.median(logins):.0f} ms, "
        f"p90 {statistics.quantiles(logins, n=10)[-1]:.0f} ms over {args.rounds} logins"
    )
    print(
        f"other tab's event during the login: median {statistics.median(others):.0f} ms; "
        f"answered before the login finished in {earlier}/{args.rounds} rounds"
    )


if __name__ == "__main__":
    main()
