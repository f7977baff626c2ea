"""Settings refuse unsafe production values; every SQLite connection is configured."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from heka_app.db import make_engine
from heka_app.settings import DEV_SECRET, SettingsError, load_settings

STRONG = "x" * 48


def test_dev_runs_with_defaults():
    settings = load_settings({})
    assert settings.env == "dev" and settings.secret_key == DEV_SECRET
    assert settings.allow_test_identity_codes is True
    assert settings.database_url.startswith("sqlite:///")


@pytest.mark.parametrize("secret", [None, DEV_SECRET, "short-secret"])
def test_production_refuses_a_default_or_weak_secret(secret):
    env = {"HEKA_ENV": "prod", "HEKA_ALLOW_TEST_IDENTITY_CODES": "0"}
    if secret is not None:
        env["HEKA_SECRET_KEY"] = secret
    with pytest.raises(SettingsError):
        load_settings(env)


def test_production_refuses_test_identity_codes():
    with pytest.raises(SettingsError):
        load_settings(
            {"HEKA_ENV": "prod", "HEKA_SECRET_KEY": STRONG, "HEKA_ALLOW_TEST_IDENTITY_CODES": "1"}
        )
    ok = load_settings({"HEKA_ENV": "prod", "HEKA_SECRET_KEY": STRONG})
    assert ok.allow_test_identity_codes is False and ok.oidc_client_secret == ""


def test_the_test_clock_is_refused_outside_dev_and_test():
    pinned = {"HEKA_CLOCK_START": "2026-11-28T09:00:00+00:00", "HEKA_SECRET_KEY": STRONG}
    for env in ("prod", "staging"):
        with pytest.raises(SettingsError, match="HEKA_CLOCK_START"):
            load_settings(pinned | {"HEKA_ENV": env, "HEKA_ALLOW_TEST_IDENTITY_CODES": "0"})
    assert load_settings(pinned | {"HEKA_ENV": "test"}).env == "test"


def test_sqlite_connections_use_wal_busy_timeout_and_foreign_keys(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()
