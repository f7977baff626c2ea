"""Sending mails from handlers: off the event loop, failures turned into a message."""

from __future__ import annotations

import asyncio
import logging

from heka_app.i18n import N_
from heka_app.services.mail.sender import MailError, OutgoingMail, send_mail

log = logging.getLogger(__name__)
MAIL_FAILED = N_("We could not send the email right now. Please try again in a moment.")


async def send_mails(mails: list[OutgoingMail | None]) -> bool:
    """Send mails in a worker thread; False if the mail server refused or was down."""
    try:
        for mail in mails:
            if mail is not None:
                await asyncio.to_thread(send_mail, mail)
    except MailError:
        log.exception("sending mail failed")
        return False
    return True


_BACKGROUND: set[asyncio.Task] = set()


def send_in_background(mails: list[OutgoingMail | None]) -> None:
    """Send without making the user wait (and without timing showing whether a mail went)."""
    task = asyncio.get_running_loop().create_task(send_mails(mails))
    _BACKGROUND.add(task)  # keep a reference until done, or the task may be collected
    task.add_done_callback(_BACKGROUND.discard)
