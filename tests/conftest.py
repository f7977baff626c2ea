"""Shared fixtures. The test database is set before anything loads reflex's config,
so tests never touch a developer's database."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_TMP = Path(tempfile.mkdtemp(prefix="heka-tests-"))
os.environ.setdefault("HEKA_ENV", "test")
os.environ.setdefault("HEKA_DATABASE_URL", f"sqlite:///{_TMP / 'heka-test.db'}")
os.environ["REFLEX_DB_URL"] = os.environ["HEKA_DATABASE_URL"]
os.environ.setdefault("REFLEX_TELEMETRY_ENABLED", "false")

import pytest  # noqa: E402
from sqlmodel import Session, SQLModel  # noqa: E402

import heka_app.models  # noqa: E402,F401
from heka_app import db  # noqa: E402


@pytest.fixture
def engine(tmp_path):
    """A fresh SQLite database with every table, installed as the process engine."""
    eng = db.make_engine(f"sqlite:///{tmp_path / 'unit.db'}")
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
