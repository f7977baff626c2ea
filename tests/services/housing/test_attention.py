"""The front page's "what needs attention": news not yet read, features that open later."""

from __future__ import annotations

import datetime as dt

import pytest

from heka_app.models import Article, ArticleTranslation, RentLedgerEntry, UserAccount
from heka_app.models.faults import FaultReport
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.common.results import NotAllowed
from heka_app.services.content.articles import get_article
from heka_app.services.housing.attention import attention_for
from tests.factories import build_world


@pytest.fixture
def world(session, now):
    return build_world(session, now)


def _actor(session, world, key, now):
    account = session.get(UserAccount, world.accounts[key])
    return actor_for_account(session=session, account=account, now=now)


def _news(session, now, slug, title):
    article = Article(slug=slug, kind="news", published_at=now - dt.timedelta(hours=1))
    session.add(article)
    session.flush()
    session.add(ArticleTranslation(article_id=article.id, language="fi", title=title, body="x"))
    session.flush()


def _of_kind(items, kind="news"):
    return [item for item in items if item.kind == kind]


def test_unread_news_until_opened(session, now, world):
    primary = _actor(session, world, "primary", now)
    _news(session, now, "talkoot", "Pihatalkoot")
    items = _of_kind(attention_for(session=session, actor=primary, now=now, language="sv"))
    assert [(i.kind, i.title, i.href) for i in items] == [
        ("news", "Ny: Pihatalkoot", "/news/talkoot")
    ]
    get_article(session=session, actor=primary, now=now, language="sv", slug="talkoot")
    assert _of_kind(attention_for(session=session, actor=primary, now=now, language="sv")) == []


def test_more_than_three_new_items_end_in_a_link_to_all(session, now, world):
    primary = _actor(session, world, "primary", now)
    for n in range(5):
        _news(session, now, f"n{n}", f"Uutinen {n}")
    items = _of_kind(attention_for(session=session, actor=primary, now=now, language="en"))
    assert len(items) == 4
    assert items[-1].title == "All new news (5)" and items[-1].href == "/news"


def test_upcoming_lease_sees_when_features_open(session, now, world):
    upcoming = _actor(session, world, "upcoming", now)
    items = attention_for(session=session, actor=upcoming, now=now, language="en")
    assert [i.title for i in items] == [
        "Rent payments opens on December 1, 2026.",
        "Fault reports opens on December 1, 2026.",
        "Messages to Heka opens on December 1, 2026.",
    ]
    finnish = attention_for(session=session, actor=upcoming, now=now, language="fi")
    assert finnish[1].title == "Vikailmoitukset: käytössä 1. joulukuuta 2026 alkaen."


def test_staff_have_no_front_page(session, now, world):
    with pytest.raises(NotAllowed):
        attention_for(
            session=session, actor=_actor(session, world, "admin", now), now=now, language="fi"
        )


def _charge(session, lease_id, due, cents):
    booked = due - dt.timedelta(days=7)
    session.add(
        RentLedgerEntry(
            lease_id=lease_id, kind="charge", booked_on=booked, due_on=due, amount_cents=cents
        )
    )
    session.flush()


def test_rent_overdue_due_soon_or_paid_up_for_primary_tenants_only(session, now, world):
    primary = _actor(session, world, "primary", now)
    rent = _of_kind(attention_for(session=session, actor=primary, now=now, language="en"), "rent")
    assert [(i.tone, i.title) for i in rent] == [("success", "Your rent is paid up")]
    _charge(session, world.leases["home"], dt.date(2026, 12, 2), 61_050)  # due in 4 days
    rent = _of_kind(attention_for(session=session, actor=primary, now=now, language="fi"), "rent")
    assert [(i.tone, i.title) for i in rent] == [
        ("warning", "Vuokra 610,50\xa0€ erääntyy 2. joulukuuta 2026")
    ]
    _charge(session, world.leases["home"], dt.date(2026, 11, 2), 50_000)  # overdue
    items = attention_for(session=session, actor=primary, now=now, language="en")
    assert items[0].tone == "danger" and items[0].title == "Rent overdue: €500.00"
    assert items[0].href == "/rent"
    co_resident = _actor(session, world, "co_resident", now)
    everything = attention_for(session=session, actor=co_resident, now=now, language="en")
    assert _of_kind(everything, "rent") == []


def _report(session, world, apartment_key, status, now, **fields):
    fields.setdefault("submission_id", f"s-{apartment_key}-{status}")
    report = FaultReport(
        apartment_id=world.apartments[apartment_key],
        category="plumbing",
        description="Hana vuotaa",
        status=status,
        created_at=now - dt.timedelta(days=3),
        updated_at=now - dt.timedelta(days=1),
        **fields,
    )
    session.add(report)
    session.flush()
    return report


def test_open_fault_reports_and_done_ones_waiting_for_feedback(session, now, world):
    mine = _report(session, world, "home", "in_progress", now)
    done = _report(session, world, "home", "done", now)
    _report(session, world, "home", "done", now, fixed=True, submission_id="answered")
    _report(session, world, "other", "received", now)  # the neighbour's
    co_resident = _actor(session, world, "co_resident", now)
    faults = _of_kind(
        attention_for(session=session, actor=co_resident, now=now, language="en"), "fault"
    )
    assert [(i.tone, i.title, i.href) for i in faults] == [
        (
            "warning",
            f"Fault report 2026-{done.id:05d} is done: was it fixed?",
            f"/faults/{done.id}",
        ),
        ("info", f"Fault report 2026-{mine.id:05d}: In progress", f"/faults/{mine.id}"),
    ]
