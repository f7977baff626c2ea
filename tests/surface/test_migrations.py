"""Migrations upgrade from empty, match the models, and downgrade to nothing."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from heka_app.settings import PROJECT_ROOT
from tests.conftest import fresh_engine


def _alembic(connection) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["connection"] = connection
    return config


def test_upgrade_from_empty_matches_models_and_downgrades(tmp_path):
    engine = fresh_engine(tmp_path)
    with engine.begin() as conn:
        command.upgrade(_alembic(conn), "head")
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata
        )
        tables = set(inspect(conn).get_table_names())
    assert diff == []
    assert set(SQLModel.metadata.tables) <= tables
    with engine.begin() as conn:
        command.downgrade(_alembic(conn), "base")
    with engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    engine.dispose()
