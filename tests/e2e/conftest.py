"""The real app (AppHarnessProd: production build), a real local identification broker
(devtools/oidc-provider), a real SMTP sink, and Debian Chromium driven by Playwright.

One clock for the whole run: pinned (HEKA_CLOCK_START) before the demo data is loaded and
the app and its job worker start, so the app, the worker and the tests agree on the date.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import sync_playwright
from reflex.testing import AppHarnessProd, _get_uvicorn
from sqlalchemy import text

from heka_app import db
from heka_app.security_headers import security_headers
from heka_app.served_language import served_language
from heka_app.services.common import clock
from tests.e2e.ws_fixtures import ws_backend, ws_clients  # noqa: F401 - shared fixtures
from tests.factories import DEFAULT_NOW
from tests.oidc_provider_process import running_oidc_provider

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


class MailSink:
    """aiosmtpd handler keeping every message; the app sends real SMTP to it."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd API
        self.messages.append(
            email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        )
        return "250 Message accepted"

    def last_link(self, to: str, path: str, timeout: float = 20.0) -> str:
        """Path and query of the newest link to ``path`` in a mail to ``to``.

        Mail goes through the job queue, so it arrives when the worker has sent it: wait
        for it (bounded). The mail's origin is HEKA_PUBLIC_BASE_URL; the test app runs on
        another port.
        """
        pattern = re.compile(rf"https?://[^/\s]+({re.escape(path)}\?token=\S+)")
        deadline = time.monotonic() + timeout
        while True:
            for message in reversed(self.messages):
                if message["To"] == to:
                    match = pattern.search(message.get_content())
                    if match:
                        return match.group(1)
            if time.monotonic() > deadline:
                raise AssertionError(f"no mail with a {path} link to {to}")
            time.sleep(0.1)


@pytest.fixture(scope="session")
def mail_sink():
    """A real SMTP server on the port the app's settings point at."""
    sink = MailSink()
    controller = Controller(sink, hostname="127.0.0.1", port=int(os.environ["HEKA_SMTP_PORT"]))
    controller.start()
    yield sink
    controller.stop()


@pytest.fixture(scope="session")
def broker():
    """The local OpenID Provider on the issuer the app's settings point at (tests that
    identify through it ask for it: ``-m "not broker"`` runs without node)."""
    port = urlparse(os.environ["HEKA_OIDC_ISSUER"]).port
    with running_oidc_provider(port=port, allow_any_loopback_port=True) as issuer:
        yield issuer


@pytest.fixture(scope="session", autouse=True)
def app_clock():
    """Pin this process's clock (the app runs in it) and export it to child processes."""
    names = (clock.CLOCK_START_VAR, clock.CLOCK_SET_AT_VAR)
    saved_env = {name: os.environ.get(name) for name in names}
    saved_pin = clock.current_pin()
    clock.pin_clock(DEFAULT_NOW)
    os.environ.update(clock.clock_environment())
    yield DEFAULT_NOW
    for name, value in saved_env.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    clock.pin_clock(saved_pin.start if saved_pin else None, set_at=saved_pin and saved_pin.set_at)


@pytest.fixture
def now(app_clock, request):
    """The e2e run's pinned start (one clock for the whole run: no per-test dates here)."""
    if request.node.get_closest_marker("now") is not None:
        pytest.fail("e2e tests share the app's clock; @pytest.mark.now does not apply")
    return app_clock


@pytest.fixture(scope="session")
def e2e_database(app_clock):
    """The e2e database, migrated and loaded with demo data, before anything uses it."""
    _prepare_database()


@pytest.fixture(scope="session")
def job_worker(e2e_database, mail_sink):
    """A real `heka worker` on the e2e database: mail goes out through the job queue."""
    log = ARTIFACTS.parent / "job-worker.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "heka_app.cli", "worker", "--poll", "0.2"]
    with log.open("wb") as out:  # same environment: HEKA_DATABASE_URL, HEKA_SMTP_*
        worker = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=out)
    yield worker
    worker.terminate()  # SIGTERM: finishes the current job, then exits
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


class PortalHarness(AppHarnessProd):
    """AppHarnessProd whose static frontend server sends the portal's security headers
    (CSP included), as `reflex run --env prod` does on one port: the e2e suite runs with
    the CSP on. Frontend and backend listen on two ports here, so the policy also allows
    connecting to the backend's origin."""

    def _run_frontend(self):
        from reflex.utils.exec import _frontend_prod_app

        uvicorn = _get_uvicorn()
        prev = os.getcwd()
        os.chdir(self.app_path)
        try:
            static = _frontend_prod_app()
        finally:
            os.chdir(prev)
        host, port = self._poll_for_servers(timeout=30).getsockname()[:2]
        backend = f"http://{host}:{port}"
        connect = (backend, backend.replace("http://", "ws://", 1))
        self.frontend_server = uvicorn.Server(
            uvicorn.Config(
                app=security_headers(served_language(static), hsts=False, connect_src=connect),
                host="127.0.0.1",
                port=0,
            )
        )
        self.frontend_server.run()


@pytest.fixture(scope="session")
def portal(mail_sink, job_worker):
    """The running portal with demo data."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with PortalHarness.create(root=ROOT, app_name="heka_app") as harness:
        assert harness.frontend_url
        yield harness


@pytest.fixture(scope="session")
def chromium_browser():
    """Debian's Chromium (never a downloaded browser)."""
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(portal, chromium_browser):
    """Open a page at a given width and browser language; waits for hydration."""
    contexts = []

    def _open(path: str = "/", width: int = 1280, locale: str = "fi-FI"):
        viewport = {"width": width, "height": 900}
        context = chromium_browser.new_context(viewport=viewport, locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.goto(url(portal, path))
        wait_hydrated(page)
        return page

    yield _open
    for context in contexts:
        context.close()


def url(portal, path: str) -> str:
    """Absolute URL of a portal path."""
    return portal.frontend_url.rstrip("/") + path


def wait_hydrated(page) -> None:
    """The footer's area offices arrive over the websocket once the page is live."""
    page.wait_for_selector(".heka-office", timeout=30_000)


def eventually(condition, timeout: float = 20.0, what: str = "") -> None:
    """Wait until ``condition()`` is true (a positive signal, e.g. a row the server wrote).

    For checks outside the page; on the page use Playwright's auto-waiting ``expect``.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout} s: {what or condition}")
        time.sleep(0.05)


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under artifacts/screenshots/ (git-ignored)."""
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
