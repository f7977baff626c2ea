"""Queries and CPU per call of the services behind the front page, news and the session
check (issue 15), in one process, without Reflex or a websocket.

    python -m benchmarks.service_queries --tabs 40 --rounds 20

The load test's own preparation (migrate, demo data, one signed-in session per tab) on a
throwaway SQLite database (or HEKA_DATABASE_URL's, which it then fills), then, for each
tab, the calls one event makes, each in its own database session as ``call_service``
opens them. Statements are counted by a ``before_cursor_execute`` listener: a count does
not move with the machine's load, the CPU time (``time.process_time``) does.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import event


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tabs", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=20, help="calls per tab and service")
    parser.add_argument("--households", type=int, default=100)
    return parser.parse_args(argv)


def _prepare(args: argparse.Namespace) -> list[dict]:
    """The load test's plan (sessions of primary tenants); sets the process's database."""
    from benchmarks.load import run as load_run

    out = Path(tempfile.mkdtemp(prefix="service-queries-"))
    env = {**os.environ, "HEKA_ENV": "dev"}
    env.setdefault("HEKA_DATABASE_URL", f"sqlite:///{out / 'portal.db'}")
    os.environ["HEKA_DATABASE_URL"] = env["HEKA_DATABASE_URL"]
    plan = load_run._prepare(
        env, argparse.Namespace(households=args.households, users=args.tabs), out
    )
    return json.loads(plan.read_text())["tabs"][: args.tabs]


def _calls() -> dict[str, list[Callable]]:
    """Per event, the service calls its handler makes (one database session each)."""
    from heka_app.services.auth.sessions import idle_timeout, resolve_actor
    from heka_app.services.common.clock import utcnow
    from heka_app.services.content.articles import list_articles
    from heka_app.services.housing.attention import attention_for
    from heka_app.services.housing.home import home_overview
    from heka_app.services.messages.threads import unread_count
    from heka_app.services.notifications.preferences import NEWS_MY_BUILDING, email_choice
    from heka_app.services.rent.attention import rent_attention
    from heka_app.services.rent.overview import rent_overview

    def actor_of(session, secret):
        return resolve_actor(
            session=session, secret=secret, now=utcnow(), idle_timeout=idle_timeout()
        )

    check = [actor_of]
    return {
        "session.refresh": [actor_of, lambda s, a: unread_count(session=s, actor=a)],
        "home.load": check
        + [
            lambda s, a: home_overview(session=s, actor=a, language="fi"),
            lambda s, a: attention_for(session=s, actor=a, now=utcnow(), language="fi"),
        ],
        "news.load": check
        + [
            lambda s, a: email_choice(session=s, actor=a, kind=NEWS_MY_BUILDING),
            lambda s, a: list_articles(session=s, actor=a, now=utcnow(), language="fi"),
        ],
        "rent.load": check
        + [lambda s, a: rent_overview(session=s, actor=a, now=utcnow(), language="fi")],
        # The front page's rent item alone (part of home.load's attention_for).
        "(home's rent item)": check + [lambda s, a: rent_attention(s, a, utcnow(), "fi")],
    }


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    tabs = _prepare(args)
    from heka_app.db import get_engine, session_scope

    counted = [0]

    @event.listens_for(get_engine(), "before_cursor_execute")
    def _count(*_args) -> None:
        counted[0] += 1

    secrets = [tab["cookie"].split("=", 1)[1] for tab in tabs]
    load = os.getloadavg()[0]
    dialect = get_engine().dialect.name
    print(f"{dialect}; load average {load:.1f}; {len(tabs)} tabs, {args.rounds} rounds")
    print("| event (its service calls) | statements per event | service CPU ms per event |")
    print("| --- | --- | --- |")
    for label, calls in _calls().items():
        for warm in (True, False):
            counted[0], events, started = 0, 0, time.process_time()
            for _ in range(1 if warm else args.rounds):
                for secret in secrets:
                    actor = None
                    for call in calls:
                        with session_scope() as session:
                            if actor is None:
                                actor = call(session, secret)
                            else:
                                call(session, actor)
                    events += 1
            cpu = time.process_time() - started
        print(f"| {label} | {counted[0] / events:.1f} | {1000 * cpu / events:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
