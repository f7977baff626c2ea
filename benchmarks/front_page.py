"""How long the front page's data takes for a tenant with 50 items of each kind: 50 unread
news items, 50 fault reports (half open) and 50 months of rent rows, on SQLite or, with
HEKA_DATABASE_URL, PostgreSQL. What the page's loader calls: the home card and the
"what needs attention" providers.

    python benchmarks/front_page.py            # SQLite in a temporary file
    HEKA_DATABASE_URL=postgresql+psycopg2://postgres@127.0.0.1:5432/test \
        python benchmarks/front_page.py
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session, SQLModel

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from heka_app import db  # noqa: E402
from heka_app.models import Article, ArticleTranslation, RentLedgerEntry, UserAccount  # noqa: E402
from heka_app.models.faults import FaultReport  # noqa: E402
from heka_app.services.auth.sessions import actor_for_account  # noqa: E402
from heka_app.services.housing.attention import attention_for  # noqa: E402
from heka_app.services.housing.home import home_overview  # noqa: E402
from tests.factories import build_world  # noqa: E402

NOW = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)
ITEMS = 50
RUNS = 200


def _engine():
    url = os.environ.get("HEKA_DATABASE_URL")
    if url:
        engine = db.make_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        return engine
    return db.make_engine(f"sqlite:///{tempfile.mkdtemp()}/front.db")


def _fill(session: Session, world) -> None:
    for n in range(ITEMS):
        article = Article(
            slug=f"news-{n}", kind="news", published_at=NOW - dt.timedelta(days=n + 1)
        )
        session.add(article)
        session.flush()
        session.add(
            ArticleTranslation(article_id=article.id, language="fi", title=f"Uutinen {n}", body="x")
        )
        status = "in_progress" if n % 2 else "done"
        session.add(
            FaultReport(
                submission_id=f"bench-{n}",
                apartment_id=world.apartments["home"],
                category="plumbing",
                description="Hana vuotaa",
                status=status,
                created_at=NOW - dt.timedelta(days=n + 2),
                updated_at=NOW - dt.timedelta(days=n),
            )
        )
        month = dt.date(2022, 10, 2) + dt.timedelta(days=30 * n)
        for kind, cents in (("charge", 61_050), ("payment", -61_050)):
            session.add(
                RentLedgerEntry(
                    lease_id=world.leases["home"], kind=kind, booked_on=month,
                    due_on=month if kind == "charge" else None, amount_cents=cents,
                )
            )  # fmt: skip
    session.commit()


def main() -> None:
    engine = _engine()
    SQLModel.metadata.create_all(engine)
    db.set_engine(engine)
    with Session(engine, expire_on_commit=False) as session:
        world = build_world(session, NOW)
        _fill(session, world)
        account = session.get(UserAccount, world.accounts["primary"])
        actor = actor_for_account(session=session, account=account, now=NOW)
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        with Session(engine) as session:
            home_overview(session=session, actor=actor, language="sv")
            items = attention_for(session=session, actor=actor, now=NOW, language="sv")
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(
        f"{engine.dialect.name}: front page data for a tenant with {ITEMS} news items, "
        f"{ITEMS} fault reports and {ITEMS} months of rent: {len(items)} attention items; "
        f"p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms over {RUNS} loads "
        f"(load average {os.getloadavg()[0]:.1f})"
    )


if __name__ == "__main__":
    main()
