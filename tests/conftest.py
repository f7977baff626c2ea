"""Shared fixtures. The test database is chosen before anything loads reflex's config,
so tests never touch a developer's database.

SQLite (default): every test gets a fresh file. PostgreSQL (HEKA_DATABASE_URL set, as in
CI): unit tests use a separate database ``<name>_unit`` whose schema is rebuilt per test,
so the e2e app can keep the main test database for the whole run.

Every test runs on a pinned clock (the autouse ``now`` fixture), so nothing depends on the
day the suite runs.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_TMP = Path(tempfile.mkdtemp(prefix="heka-tests-"))
os.environ.setdefault("HEKA_ENV", "test")
os.environ.setdefault("HEKA_DATABASE_URL", f"sqlite:///{_TMP / 'heka-e2e.db'}")
os.environ["REFLEX_DB_URL"] = os.environ["HEKA_DATABASE_URL"]
os.environ.setdefault("HEKA_UPLOAD_DIR", str(_TMP / "uploads"))  # photos of the e2e app
os.environ.setdefault("REFLEX_TELEMETRY_ENABLED", "false")


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The e2e app (in this process) talks to a local identification broker and a local SMTP
# sink on ports fixed here, before settings are first read.
os.environ.setdefault("HEKA_OIDC_ISSUER", f"http://127.0.0.1:{_free_port()}")
os.environ.setdefault("HEKA_SMTP_HOST", "127.0.0.1")
os.environ.setdefault("HEKA_SMTP_PORT", str(_free_port()))
if os.environ.get("HEKA_REDIS_URL"):
    os.environ["REFLEX_REDIS_URL"] = os.environ["HEKA_REDIS_URL"]

import datetime as dt  # noqa: E402

import pytest  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlmodel import Session, SQLModel  # noqa: E402

import heka_app.models  # noqa: E402,F401
from heka_app import db  # noqa: E402
from heka_app.services.common import clock  # noqa: E402
from tests.factories import DEFAULT_NOW  # noqa: E402

TEST_DB_URL = os.environ["HEKA_DATABASE_URL"]
USING_POSTGRES = TEST_DB_URL.startswith("postgresql")


def _unit_postgres_url() -> str:
    url = make_url(TEST_DB_URL)
    unit_url = url.set(database=f"{url.database}_unit")
    admin = db.make_engine(TEST_DB_URL).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": unit_url.database}
        ).first()
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{unit_url.database}"'))
    admin.dispose()
    return unit_url.render_as_string(hide_password=False)


def fresh_engine(tmp_path: Path):
    """An engine on an empty database (no tables)."""
    if USING_POSTGRES:
        eng = db.make_engine(_unit_postgres_url())
        with eng.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        return eng
    return db.make_engine(f"sqlite:///{tmp_path / 'unit.db'}")


@pytest.fixture
def engine(tmp_path):
    """A fresh database with every table, installed as the process engine."""
    eng = fresh_engine(tmp_path)
    SQLModel.metadata.create_all(eng)
    db.set_engine(eng)
    yield eng
    db.set_engine(None)
    eng.dispose()


@pytest.fixture
def session(engine):
    """A session on the fresh database; committed work is visible to other sessions."""
    with Session(engine, expire_on_commit=False) as s:
        yield s


def _requested_now(request) -> dt.datetime:
    if hasattr(request, "param"):
        value = request.param
    elif (marker := request.node.get_closest_marker("now")) is not None:
        value = marker.args[0]
    else:
        value = DEFAULT_NOW
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        raise ValueError("the pinned clock needs an aware datetime, e.g. ...T09:00:00+00:00")
    return value.astimezone(dt.UTC)


@pytest.fixture(autouse=True)
def now(request) -> dt.datetime:
    """The pinned clock of this test (aware UTC); the app's ``utcnow()`` starts there too.

    Default :data:`tests.factories.DEFAULT_NOW`. Another date for one test:
    ``@pytest.mark.now("2027-03-15T12:00:00+00:00")``, or several:
    ``@pytest.mark.parametrize("now", [...], indirect=True)``. The clock still moves in
    real time from there; pass ``now`` to services and factories for exact times.
    """
    start = _requested_now(request)
    previous = clock.current_pin()
    clock.pin_clock(start)
    yield start
    clock.pin_clock(previous.start if previous else None, set_at=previous and previous.set_at)
