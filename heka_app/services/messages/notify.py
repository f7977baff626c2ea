"""Telling the household that Heka answered or decided in a thread: a mail to every
household member who may see the thread (a rent-monitoring thread: the primary tenants
only) and has the "replies" preference on, each in their own language. Each mail goes
through the durable job queue in the same transaction, keyed by line and recipient so it
is sent once. The mail carries no message text, only a link behind the login."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, or_, select

from heka_app import routes
from heka_app.i18n import N_
from heka_app.i18n.catalogs import gettext
from heka_app.models import LeaseResident, UserAccount
from heka_app.models.messages import MessageThread, ThreadMessage
from heka_app.services.common.clock import helsinki_today
from heka_app.services.mail.jobs import enqueue_mail
from heka_app.services.mail.sender import OutgoingMail
from heka_app.services.mail.templates import AUTOMATIC, HELLO, SIGNATURE
from heka_app.services.messages.routing import RENT_TOPICS
from heka_app.services.notifications.preferences import MESSAGE_REPLIES, wants_email
from heka_app.settings import get_settings

SUBJECT = N_("Heka answered your message - Heka resident pages")
BODY = N_("There is a new answer or decision in your message to Heka.")
READ_LINK = N_("Read it on the resident pages (you need to log in):\n{link}")


def thread_audience(session: Session, thread: MessageThread, *, now: dt.datetime) -> list:
    """The active, verified accounts of the thread's household who may see it: residents
    of its lease who have not moved out; for a rent-monitoring thread only the primary
    tenants (the same rule as ``access.scope``)."""
    today = helsinki_today(now)
    query = (
        select(UserAccount)
        .join(LeaseResident, LeaseResident.person_id == UserAccount.person_id)  # type: ignore[arg-type]
        .where(
            LeaseResident.lease_id == thread.lease_id,
            or_(col(LeaseResident.moved_out_on).is_(None), col(LeaseResident.moved_out_on) > today),
            col(UserAccount.is_active).is_(True),
            col(UserAccount.email_verified_at).is_not(None),
        )
        .order_by(col(UserAccount.id))
    )
    if thread.topic in RENT_TOPICS:
        query = query.where(LeaseResident.role == "primary")
    return list(session.exec(query).all())


def _mail_to(account: UserAccount, link: str) -> OutgoingMail:
    lang = account.language
    paragraphs = [
        gettext(lang, HELLO),
        gettext(lang, BODY),
        gettext(lang, READ_LINK, link=link),
        gettext(lang, SIGNATURE) + "\n" + gettext(lang, AUTOMATIC),
    ]
    return OutgoingMail(
        to=account.email,
        subject=gettext(lang, SUBJECT),
        text_body="\n\n".join(paragraphs),
        language=lang,
    )


def notify_household(
    session: Session, thread: MessageThread, line: ThreadMessage, *, now: dt.datetime
) -> int:
    """Queue a mail about the public staff ``line`` to each household member who wants it.

    Returns:
        How many mails were queued (0: internal line, nobody with consent, or a repeat).
    """
    if not line.public or not line.by_staff:
        return 0
    link = get_settings().public_base_url + routes.message_detail(thread.id or 0)
    queued = 0
    for account in thread_audience(session, thread, now=now):
        if not wants_email(session, account.id or 0, MESSAGE_REPLIES):
            continue
        key = f"mail:thread:{thread.id}:{line.id}:{account.id}"
        queued += bool(enqueue_mail(session, _mail_to(account, link), key=key, now=now))
    return queued
