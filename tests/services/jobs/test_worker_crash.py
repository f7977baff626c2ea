"""The key promise: a worker killed with SIGKILL in the middle of sending a mail loses
nothing. A real ``heka worker`` process holds the job inside SMTP DATA when it is killed;
a second worker takes the job over once the first one's lease has run out and delivers
the mail once, with the same Message-ID the dead worker had used.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from heka_app.db import session_scope
from heka_app.models.jobs import DONE
from heka_app.services.mail.jobs import enqueue_mail, message_id_for
from heka_app.services.mail.sender import OutgoingMail
from tests.services.jobs.helpers import MailSink, free_port, job, wait_until

ROOT = Path(__file__).resolve().parents[3]
# The worker process runs on the real clock, so the job is enqueued at a pinned time
# in the past: due at once, whatever today's date.
ENQUEUED_AT = dt.datetime(2024, 1, 15, 9, 0, tzinfo=dt.UTC)
KEY = "mail:verify:42:jti-crash"
LEASE_SECONDS = "2"  # how soon a dead worker's job may be taken over


@pytest.fixture
def sink():
    """An SMTP sink whose first DATA stalls until released."""
    handler = MailSink(stall_first=True)
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield handler, controller.port
    handler.release.set()
    controller.stop()


def _start_worker(engine, smtp_port: int, log: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEKA_SMTP_")}
    env.update(
        HEKA_ENV="test",
        HEKA_DATABASE_URL=engine.url.render_as_string(hide_password=False),
        HEKA_SMTP_HOST="127.0.0.1",
        HEKA_SMTP_PORT=str(smtp_port),
        PYTHONUNBUFFERED="1",
    )
    command = [
        sys.executable,
        "-m",
        "heka_app.cli",
        "worker",
        "--poll",
        "0.1",
        "--lease",
        LEASE_SECONDS,
    ]
    with log.open("ab") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)


def test_a_worker_killed_mid_delivery_loses_no_mail_and_sends_it_once(engine, sink, tmp_path):
    handler, port = sink
    log = tmp_path / "workers.log"
    with session_scope() as session:
        mail = OutgoingMail("aino@example.com", "Vahvista", "https://x/verify?token=t\n", "fi")
        assert enqueue_mail(session, mail, key=KEY, now=ENQUEUED_AT)

    first = _start_worker(engine, port, log)
    second = None
    try:
        # The first worker has claimed the job and is waiting for the 250 reply.
        wait_until(
            lambda: handler.inside_data.is_set() or first.poll() is not None,
            timeout=60,
            what="the first worker to reach DATA",
        )
        assert first.poll() is None, log.read_text()
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        handler.release.set()
        wait_until(lambda: handler.abandoned, timeout=10, what="the sink to drop the mail")
        assert handler.delivered == []

        second = _start_worker(engine, port, log)
        wait_until(
            lambda: job(engine, KEY).status == DONE or second.poll() is not None,
            timeout=60,
            what="the second worker to finish the job",
        )
        assert second.poll() is None, log.read_text()

        second.send_signal(signal.SIGTERM)  # graceful stop: ends after the current job
        assert second.wait(20) == 0, log.read_text()
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait(10)

    (delivered,) = handler.delivered
    (abandoned,) = handler.abandoned
    expected_id = message_id_for(KEY, "asukassivut@heka.example")
    assert delivered["Message-ID"] == abandoned["Message-ID"] == expected_id
    assert delivered["To"] == "aino@example.com"
    row = job(engine, KEY)
    assert (row.status, row.attempts, row.last_error) == (DONE, 2, "")
    assert row.locked_by is None and row.finished_at is not None
