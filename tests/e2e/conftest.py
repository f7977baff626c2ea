"""The real app (AppHarnessProd: production build) and Debian Chromium via Playwright."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from reflex.testing import AppHarnessProd
from sqlalchemy import text

from heka_app import db

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = os.environ.get("HEKA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _prepare_database() -> None:
    """Empty schema, migrate to head, load the demo data: what `make run` serves."""
    from heka_app.cli import main as heka

    db.set_engine(None)
    engine = db.get_engine()
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    else:
        engine.dispose()
        Path(engine.url.database).unlink(missing_ok=True)
    db.set_engine(None)
    assert heka(["migrate"]) == 0
    assert heka(["demo-data", "--if-empty"]) == 0


@pytest.fixture(scope="session")
def portal():
    """The running portal; yields its frontend URL."""
    _prepare_database()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with AppHarnessProd.create(root=ROOT, app_name="heka_app") as harness:
        assert harness.frontend_url
        yield harness


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium (never a downloaded browser)."""
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(portal, browser):
    """Open a page at a given width and browser language; waits for hydration."""
    contexts = []

    def _open(path: str = "/", width: int = 1280, locale: str = "fi-FI"):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.goto(portal.frontend_url.rstrip("/") + path)
        # Hydrated once the footer's area offices arrived over the websocket.
        page.wait_for_selector(".heka-office", timeout=30_000)
        return page

    yield _open
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under artifacts/screenshots/ (git-ignored)."""
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
