"""Shared pieces of the job tests: a pinned clock, reading job rows, an SMTP sink."""

from __future__ import annotations

import asyncio
import datetime as dt
import email
import email.policy
import socket
import threading
import time

from sqlmodel import Session, select

from heka_app.models.jobs import BackgroundJob

NOW = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)


def job(engine, key: str) -> BackgroundJob:
    """The job row of ``key`` as committed (read in a fresh session)."""
    with Session(engine) as session:
        return session.exec(select(BackgroundJob).where(BackgroundJob.dedupe_key == key)).one()


def all_jobs(engine) -> list[BackgroundJob]:
    """Every committed job row."""
    with Session(engine) as session:
        return list(session.exec(select(BackgroundJob).order_by(BackgroundJob.id)).all())


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, *, timeout: float = 30.0, what: str = "condition") -> None:
    """Poll ``condition`` until it is true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class MailSink:
    """aiosmtpd handler that counts a mail as delivered only once it answered 250.

    With ``stall_first`` the first DATA waits until ``release`` is set; if the client
    vanishes meanwhile (aiosmtpd then cancels the handler) or is gone when released, the
    mail is recorded as ``abandoned``: the client never heard that it was accepted.
    """

    def __init__(self, *, stall_first: bool = False):
        self.delivered: list[email.message.EmailMessage] = []
        self.abandoned: list[email.message.EmailMessage] = []
        self.inside_data = threading.Event()
        self.release = threading.Event()
        self._stall = stall_first

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd API
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        if self._stall:
            self._stall = False
            self.inside_data.set()
            try:
                while not self.release.is_set():
                    await asyncio.sleep(0.02)
            except asyncio.CancelledError:
                self.abandoned.append(message)  # the client hung up mid-DATA
                raise
            if server.transport is None or server.transport.is_closing():
                self.abandoned.append(message)
                return "451 client gone"
        self.delivered.append(message)
        return "250 Message accepted"
