"""Outgoing mail: one plain-text message over SMTP, or into ``dev_mail/`` in development.

Backends:

* SMTP (smtplib) to ``HEKA_SMTP_HOST:HEKA_SMTP_PORT``; STARTTLS when
  ``settings.smtp_starttls`` (``HEKA_SMTP_STARTTLS``, default off, for the local test
  server); login when ``HEKA_SMTP_USER`` is set. Credentials are never sent without
  STARTTLS outside dev/test.
* Dev outbox: when ``settings.dev_mail_outbox`` (dev environment, ``HEKA_SMTP_HOST`` not
  set), the mail is written as an ``.eml`` file under ``<PROJECT_ROOT>/dev_mail/`` and its
  path logged, so a developer can open verification links without a mail server.

Sending blocks (network, disk): async callers use ``asyncio.to_thread(send_mail, mail)``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import smtplib
import ssl
import uuid
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from heka_app.i18n import coerce_language
from heka_app.settings import PROJECT_ROOT, Settings, get_settings

LOGGER = logging.getLogger("heka.mail")
DEV_MAIL_DIR = PROJECT_ROOT / "dev_mail"
SMTP_TIMEOUT_SECONDS = 20


class MailError(RuntimeError):
    """The mail could not be built or handed to the mail server."""


@dataclasses.dataclass(frozen=True)
class OutgoingMail:
    """A plain-text mail to one recipient, already in the recipient's language."""

    to: str
    subject: str
    text_body: str
    language: str


def uses_dev_outbox(settings: Settings) -> bool:
    """True when mail goes to files: dev environment and no SMTP host configured."""
    return settings.dev_mail_outbox


def build_message(
    message: OutgoingMail, settings: Settings, *, message_id: str | None = None
) -> EmailMessage:
    """The MIME message for a mail (UTF-8 text, Date, Message-ID, Content-Language).

    Args:
        message: What to send.
        settings: Supplies the sender address.
        message_id: ``<id@domain>`` to use (a resent job keeps its Message-ID, so the
            receiver can drop the duplicate); a random one when omitted.

    Returns:
        The message, ready for smtplib or a file.

    Raises:
        MailError: If the recipient or subject would inject headers.
    """
    to, subject = message.to.strip(), message.subject.strip()
    if not to or any(c in to + subject for c in "\r\n\0"):
        raise MailError("invalid recipient or subject")  # no addresses in the message
    mail = EmailMessage()
    mail["From"] = settings.smtp_sender
    mail["To"] = to
    mail["Subject"] = subject
    mail["Date"] = format_datetime(dt.datetime.now(dt.UTC))
    if message_id is not None and (
        not message_id.startswith("<") or any(c in message_id for c in "\r\n\0")
    ):
        raise MailError("invalid Message-ID")
    mail["Message-ID"] = message_id or make_msgid(
        domain=settings.smtp_sender.rpartition("@")[2] or None
    )
    mail["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to us
    # 8bit keeps links readable in the raw message (dev_mail/*.eml) and in any mail client.
    mail.set_content(message.text_body, charset="utf-8", cte="8bit")
    # After set_content, which drops every Content-* header set before it.
    mail["Content-Language"] = coerce_language(message.language)
    return mail


def _write_dev_mail(mail: EmailMessage, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    # Random name, not the address: the folder listing should not show who was mailed.
    path = directory / f"{stamp}-{uuid.uuid4().hex[:12]}.eml"
    path.write_bytes(bytes(mail))
    return path


def _send_smtp(mail: EmailMessage, settings: Settings) -> None:
    starttls = settings.smtp_starttls
    if settings.smtp_user and not starttls and not settings.is_dev:
        raise MailError("refusing to send SMTP credentials without HEKA_SMTP_STARTTLS")
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT_SECONDS) as smtp:
        smtp.ehlo()
        if starttls:
            smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo()
        if settings.smtp_user:
            smtp.login(settings.smtp_user, settings.smtp_password)
        smtp.send_message(mail)


def send_mail(
    message: OutgoingMail,
    settings: Settings | None = None,
    *,
    dev_mail_dir: Path | None = None,
    message_id: str | None = None,
) -> Path | None:
    """Send one mail (blocking).

    Args:
        message: The mail to send.
        settings: Settings to use; the process settings when omitted.
        dev_mail_dir: Folder for the dev outbox (tests); ``<PROJECT_ROOT>/dev_mail``
            by default.
        message_id: Message-ID header (``build_message``); random when omitted.

    Returns:
        The ``.eml`` path when the dev outbox was used, else None.

    Raises:
        MailError: If the message is invalid or the SMTP server refused or was unreachable.
    """
    settings = settings or get_settings()
    mail = build_message(message, settings, message_id=message_id)
    if uses_dev_outbox(settings):
        path = _write_dev_mail(mail, dev_mail_dir or DEV_MAIL_DIR)
        LOGGER.info("dev mail written to %s", path)
        return path
    try:
        _send_smtp(mail, settings)
    except (OSError, smtplib.SMTPException) as exc:
        # The exception text may echo server replies; keep it out of user-facing errors.
        raise MailError(f"sending mail failed: {type(exc).__name__}") from exc
    LOGGER.info("mail sent via %s:%s", settings.smtp_host, settings.smtp_port)
    return None
