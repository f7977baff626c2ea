"""Mail through the job queue: ``enqueue_mail`` in the caller's transaction, ``mail.send``
delivers it from the worker.

A mail is recorded with the change that causes it (an account, a reset request), so it is
sent if and only if that change commits, and an SMTP outage only delays it. Delivery is
at-least-once: if a worker dies after the server accepted the mail but before the job was
marked done, the mail is sent again. Its Message-ID is derived from the job key, so the
resend carries the same Message-ID and the receiving system can drop the duplicate.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from typing import Any

from sqlmodel import Session

from heka_app.services.jobs.claims import attempts_within
from heka_app.services.jobs.queue import enqueue
from heka_app.services.jobs.registry import job_handler
from heka_app.services.mail.sender import OutgoingMail, send_mail
from heka_app.settings import get_settings

SEND = "mail.send"


def message_id_for(key: str, sender: str) -> str:
    """The Message-ID of the mail of job ``key``: the same on every attempt.

    Args:
        key: The job's dedupe key.
        sender: The From address; its domain is the Message-ID's right-hand side.

    Returns:
        ``<sha256(key)[:32]@sender-domain>``; the key itself is not revealed.
    """
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    return f"<{digest}@{sender.rpartition('@')[2] or 'heka.invalid'}>"


def enqueue_mail(
    session: Session,
    mail: OutgoingMail,
    *,
    key: str,
    now: dt.datetime,
    valid_for: dt.timedelta | None = None,
) -> bool:
    """Queue a mail in the caller's transaction (committed by the caller).

    Args:
        session: The caller's session, the one that writes the change causing the mail.
        mail: The mail, already in the recipient's language.
        key: Names the logical mail, e.g. ``mail:verify:<account id>:<token id>``; a
            second enqueue with the same key is ignored.
        now: Current aware UTC time.
        valid_for: How long the mail is of use (its one-time link's lifetime): no attempt
            starts after that, so nobody receives a dead link after an SMTP outage.

    Returns:
        True if queued, False if a mail with this key was already queued.
    """
    payload = dataclasses.asdict(mail)
    if valid_for is None:
        return enqueue(session, kind=SEND, key=key, payload=payload, now=now)
    attempts = attempts_within(valid_for)
    return enqueue(session, kind=SEND, key=key, payload=payload, now=now, max_attempts=attempts)


@job_handler(SEND)
def send_queued_mail(payload: dict[str, Any], *, key: str, now: dt.datetime) -> None:
    """The ``mail.send`` job: deliver one mail; a ``MailError`` makes the worker retry."""
    mail = OutgoingMail(
        to=payload["to"],
        subject=payload["subject"],
        text_body=payload["text_body"],
        language=payload["language"],
    )
    settings = get_settings()
    send_mail(mail, settings, message_id=message_id_for(key, settings.smtp_sender))
