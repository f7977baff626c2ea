""" "Tell me of news about my building": when an item for one property or area office
goes live, a mail to each resident there who asked for it.

Publishing queues one ``content.news_mail`` job (in the editor's transaction), delayed to
the publishing time; the job checks the item is still live at that moment (an unpublish
or a new schedule cancels it: the key holds the time) and queues one mail per recipient,
keyed by article and account, so nobody gets the same item twice.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from heka_app.db import session_scope
from heka_app.i18n import DEFAULT_LANGUAGE, N_
from heka_app.i18n.catalogs import gettext
from heka_app.models import (
    Apartment,
    Article,
    ArticleTranslation,
    Building,
    Lease,
    LeaseResident,
    NotificationPreference,
    Property,
    UserAccount,
)
from heka_app.services.common.clock import helsinki_today
from heka_app.services.jobs.queue import enqueue
from heka_app.services.jobs.registry import job_handler
from heka_app.services.mail.jobs import enqueue_mail
from heka_app.services.mail.sender import OutgoingMail
from heka_app.services.mail.templates import AUTOMATIC, HELLO, SIGNATURE
from heka_app.services.notifications.preferences import NEWS_MY_BUILDING
from heka_app.settings import get_settings

KIND = "content.news_mail"
SUBJECT = N_("News about your building: {title} - Heka resident pages")
READ_MORE = N_("Read it on the resident pages:\n{link}")
FINNISH_ONLY = N_("This item is available in Finnish only.")
WHY = N_(
    "You get this mail because you asked to be told of news about your building. "
    "You can turn it off on the news page."
)


def queue_news_mail(session: Session, article: Article, *, now: dt.datetime) -> bool:
    """Queue the mail-out of ``article`` for its publishing time (items for one property
    or area office only). Returns True if a job was queued."""
    if article.audience == "everyone" or article.id is None or article.state != "published":
        return False
    when = article.published_at
    return enqueue(
        session,
        kind=KIND,
        key=f"news-mail:{article.id}:{when.isoformat()}",
        payload={"article_id": article.id, "published_at": when.isoformat()},
        now=now,
        delay=max(dt.timedelta(0), when - now),
    )


@job_handler(KIND)
def send_news_mails(payload: dict[str, Any], *, key: str, now: dt.datetime) -> None:
    """The job: one mail per resident who asked, if the item is live as scheduled."""
    with session_scope() as session:
        article = session.get(Article, int(payload["article_id"]))
        if article is None or not _live_as_scheduled(article, payload["published_at"], now):
            return
        versions = {
            tr.language: tr
            for tr in session.exec(
                select(ArticleTranslation).where(ArticleTranslation.article_id == article.id)
            ).all()
        }
        if DEFAULT_LANGUAGE not in versions:
            return
        for account in _recipients(session, article, helsinki_today(now)):
            enqueue_mail(
                session,
                _mail(article, versions, account),
                key=f"mail:news:{article.id}:{account.id}",
                now=now,
            )


def _live_as_scheduled(article: Article, published_at: str, now: dt.datetime) -> bool:
    if article.state != "published" or article.published_at.isoformat() != published_at:
        return False
    return article.expires_at is None or article.expires_at > now


def _recipients(session: Session, article: Article, today: dt.date) -> list[UserAccount]:
    """Residents (accounts confirmed) of the item's property or area who opted in."""
    statement = (
        select(UserAccount)
        .join(LeaseResident, col(LeaseResident.person_id) == UserAccount.person_id)
        .join(Lease, col(Lease.id) == LeaseResident.lease_id)
        .join(Apartment, col(Apartment.id) == Lease.apartment_id)
        .join(Building, col(Building.id) == Apartment.building_id)
        .join(Property, col(Property.id) == Building.property_id)
        .join(NotificationPreference, col(NotificationPreference.account_id) == UserAccount.id)
        .where(
            col(UserAccount.is_active),
            col(UserAccount.email_verified_at).is_not(None),
            NotificationPreference.kind == NEWS_MY_BUILDING,
            col(NotificationPreference.email),
            or_(col(Lease.ends_on).is_(None), col(Lease.ends_on) >= today),
            or_(col(LeaseResident.moved_out_on).is_(None), col(LeaseResident.moved_out_on) > today),
        )
        .distinct()
    )
    if article.audience == "property":
        statement = statement.where(Property.id == article.property_id)
    else:
        statement = statement.where(Property.area_office_id == article.area_office_id)
    return list(session.exec(statement).all())


def _mail(article: Article, versions: dict, account: UserAccount) -> OutgoingMail:
    lang = account.language if account.language in ("fi", "sv", "en") else DEFAULT_LANGUAGE
    version = versions.get(lang) or versions[DEFAULT_LANGUAGE]
    prefix = "/instructions/" if article.kind == "instruction" else "/news/"
    link = get_settings().public_base_url + prefix + article.slug
    lines = [gettext(lang, HELLO), version.title]
    if version.summary:
        lines.append(version.summary)
    if lang not in versions:
        lines.append(gettext(lang, FINNISH_ONLY))
    lines += [
        gettext(lang, READ_MORE, link=link),
        gettext(lang, WHY),
        gettext(lang, SIGNATURE) + "\n" + gettext(lang, AUTOMATIC),
    ]
    return OutgoingMail(
        to=account.email,
        subject=gettext(lang, SUBJECT, title=version.title),
        text_body="\n\n".join(lines),
        language=lang,
    )
