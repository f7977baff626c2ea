"""Telling the tenant who started a thread that Heka answered or decided: a mail through
the durable job queue in the same transaction, keyed by the line so it is sent once, and
only when their "replies" preference is on. The mail carries no message text, only a link
behind the login."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from heka_app import routes
from heka_app.i18n import N_
from heka_app.i18n.catalogs import gettext
from heka_app.models import UserAccount
from heka_app.models.messages import MessageThread, ThreadMessage
from heka_app.services.mail.jobs import enqueue_mail
from heka_app.services.mail.sender import OutgoingMail
from heka_app.services.mail.templates import AUTOMATIC, HELLO, SIGNATURE
from heka_app.services.notifications.preferences import MESSAGE_REPLIES, wants_email
from heka_app.settings import get_settings

SUBJECT = N_("Heka answered your message - Heka resident pages")
BODY = N_("There is a new answer or decision in your message to Heka.")
READ_LINK = N_("Read it on the resident pages (you need to log in):\n{link}")


def notify_household(
    session: Session, thread: MessageThread, line: ThreadMessage, *, now: dt.datetime
) -> bool:
    """Queue a mail about the public staff ``line`` to the thread's starter if they want it.

    Returns:
        True if a mail was queued (False: internal, no account, no consent, or a repeat).
    """
    if not line.public or not line.by_staff or thread.started_by_account_id is None:
        return False
    account = session.get(UserAccount, thread.started_by_account_id)
    if account is None or not account.is_active or account.email_verified_at is None:
        return False
    if not wants_email(session, account.id or 0, MESSAGE_REPLIES):
        return False
    lang = account.language
    link = get_settings().public_base_url + routes.message_detail(thread.id or 0)
    paragraphs = [
        gettext(lang, HELLO),
        gettext(lang, BODY),
        gettext(lang, READ_LINK, link=link),
        gettext(lang, SIGNATURE) + "\n" + gettext(lang, AUTOMATIC),
    ]
    mail = OutgoingMail(
        to=account.email,
        subject=gettext(lang, SUBJECT),
        text_body="\n\n".join(paragraphs),
        language=lang,
    )
    return enqueue_mail(session, mail, key=f"mail:thread:{thread.id}:{line.id}", now=now)
