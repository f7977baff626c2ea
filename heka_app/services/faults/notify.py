"""Telling the reporter that their report moved: a mail through the durable job queue,
queued in the same transaction as the change, keyed by the timeline event so it is never
sent twice (and never lost: the worker retries)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from heka_app import routes
from heka_app.i18n import N_
from heka_app.i18n.catalogs import gettext
from heka_app.models import UserAccount
from heka_app.models.faults import FaultEvent, FaultReport
from heka_app.services.faults.reports import report_number
from heka_app.services.faults.transitions import STATUS_LABELS
from heka_app.services.mail.jobs import enqueue_mail
from heka_app.services.mail.sender import OutgoingMail
from heka_app.services.mail.templates import AUTOMATIC, HELLO, SIGNATURE
from heka_app.services.notifications.preferences import FAULT_STATUS, wants_email
from heka_app.settings import get_settings

SUBJECT = N_("Your fault report {number} was updated - Heka resident pages")
STATUS_LINE = N_("Status: {status}")
COMMENT_LINE = N_("Comment from maintenance: {comment}")
FOLLOW_LINK = N_("Follow the report on the resident pages:\n{link}")


def notify_reporter(
    session: Session, report: FaultReport, event: FaultEvent, *, now: dt.datetime
) -> bool:
    """Queue a mail about public ``event`` to the reporter, if they asked for mail.

    Returns:
        True if a mail was queued (False: no consent, no account, internal, or a repeat).
    """
    if not event.public or not report.notify_by_email or report.reported_by_id is None:
        return False
    account = session.exec(
        select(UserAccount).where(
            UserAccount.person_id == report.reported_by_id, UserAccount.is_active
        )
    ).first()
    if account is None or account.email_verified_at is None:
        return False
    # The report's own tick box and the account-wide choice on My details both must say yes.
    if not wants_email(session, account.id or 0, FAULT_STATUS):
        return False
    lang = account.language
    number = report_number(report)
    lines = [gettext(lang, HELLO)]
    if event.kind == "status":
        status = gettext(lang, STATUS_LABELS.get(report.status, report.status))
        lines.append(gettext(lang, STATUS_LINE, status=status))
    if event.text:
        lines.append(gettext(lang, COMMENT_LINE, comment=event.text))
    link = get_settings().public_base_url + routes.fault_detail(report.id or 0)
    lines.append(gettext(lang, FOLLOW_LINK, link=link))
    lines.append(gettext(lang, SIGNATURE) + "\n" + gettext(lang, AUTOMATIC))
    mail = OutgoingMail(
        to=account.email,
        subject=gettext(lang, SUBJECT, number=number),
        text_body="\n\n".join(lines),
        language=lang,
    )
    return enqueue_mail(session, mail, key=f"mail:fault:{report.id}:{event.id}", now=now)
