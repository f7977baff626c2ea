"""Mail through the queue: an SMTP outage only delays a mail, and every attempt of one
job carries the same Message-ID."""

from __future__ import annotations

import datetime as dt

import pytest
from aiosmtpd.controller import Controller

from heka_app.db import session_scope
from heka_app.models.jobs import DONE, PENDING
from heka_app.services.jobs.worker import run_once
from heka_app.services.mail import jobs as mail_jobs
from heka_app.services.mail.sender import OutgoingMail
from heka_app.settings import load_settings
from tests.services.jobs.helpers import NOW, MailSink, all_jobs, free_port, job

MAIL = OutgoingMail(
    to="aino@example.com",
    subject="Vahvista sähköpostiosoitteesi",
    text_body="https://asukas.heka.example/verify-email?token=abc\n",
    language="fi",
)


@pytest.fixture
def smtp_port(monkeypatch):
    """Point the mail handler at a port of our own, plain SMTP."""
    port = free_port()
    monkeypatch.delenv("HEKA_SMTP_STARTTLS", raising=False)
    settings = load_settings(
        {"HEKA_ENV": "test", "HEKA_SMTP_HOST": "127.0.0.1", "HEKA_SMTP_PORT": str(port)}
    )
    monkeypatch.setattr(mail_jobs, "get_settings", lambda: settings)
    return port


def test_smtp_down_for_a_minute_loses_nothing(engine, smtp_port):
    with session_scope() as session:
        assert mail_jobs.enqueue_mail(session, MAIL, key="mail:verify:1:jti-1", now=NOW)

    assert run_once(now=NOW, worker_id="w")  # nobody listens on the port yet
    row = job(engine, "mail:verify:1:jti-1")
    assert (row.status, row.attempts) == (PENDING, 1)
    assert row.last_error == "MailError: sending mail failed: ConnectionRefusedError"
    assert row.run_after == NOW + dt.timedelta(seconds=10)

    sink = MailSink()
    controller = Controller(sink, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        assert not run_once(now=NOW + dt.timedelta(seconds=5), worker_id="w")  # not due yet
        assert run_once(now=NOW + dt.timedelta(minutes=1), worker_id="w")
        assert not run_once(now=NOW + dt.timedelta(minutes=2), worker_id="w")
    finally:
        controller.stop()
    (received,) = sink.delivered
    assert received["To"] == MAIL.to and received["Subject"] == MAIL.subject
    assert received.get_content().strip() == MAIL.text_body.strip()  # SMTP sends CRLF
    assert received["Message-ID"] == mail_jobs.message_id_for(
        "mail:verify:1:jti-1", "asukassivut@heka.example"
    )
    row = job(engine, "mail:verify:1:jti-1")
    assert (row.status, row.attempts) == (DONE, 2)


def test_one_mail_key_is_queued_once(engine):
    with session_scope() as session:
        assert mail_jobs.enqueue_mail(session, MAIL, key="mail:reset:7:jti-2", now=NOW)
        assert not mail_jobs.enqueue_mail(session, MAIL, key="mail:reset:7:jti-2", now=NOW)
    (row,) = all_jobs(engine)
    assert row.kind == mail_jobs.SEND


def test_message_id_is_stable_per_key_and_hides_the_key():
    first = mail_jobs.message_id_for("mail:verify:1:jti-1", "asukassivut@heka.example")
    assert first == mail_jobs.message_id_for("mail:verify:1:jti-1", "asukassivut@heka.example")
    assert first != mail_jobs.message_id_for("mail:verify:1:jti-2", "asukassivut@heka.example")
    assert first.startswith("<") and first.endswith("@heka.example>")
    assert len(first) == len("<@heka.example>") + 32 and "jti" not in first
