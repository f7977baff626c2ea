"""The front page's "what needs attention": news not yet read, features that open later."""

from __future__ import annotations

import datetime as dt

import pytest

from heka_app.models import Article, ArticleTranslation, UserAccount
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


def test_unread_news_until_opened(session, now, world):
    primary = _actor(session, world, "primary", now)
    _news(session, now, "talkoot", "Pihatalkoot")
    items = attention_for(session=session, actor=primary, now=now, language="sv")
    assert [(i.kind, i.title, i.href) for i in items] == [
        ("news", "Ny: Pihatalkoot", "/news/talkoot")
    ]
    get_article(session=session, actor=primary, now=now, language="sv", slug="talkoot")
    assert attention_for(session=session, actor=primary, now=now, language="sv") == ()


def test_more_than_three_new_items_end_in_a_link_to_all(session, now, world):
    primary = _actor(session, world, "primary", now)
    for n in range(5):
        _news(session, now, f"n{n}", f"Uutinen {n}")
    items = attention_for(session=session, actor=primary, now=now, language="en")
    assert len(items) == 4
    assert items[-1].title == "All new news (5)" and items[-1].href == "/news"


def test_upcoming_lease_sees_when_features_open(session, now, world):
    upcoming = _actor(session, world, "upcoming", now)
    items = attention_for(session=session, actor=upcoming, now=now, language="en")
    assert [i.title for i in items] == [
        "Fault reports opens on December 1, 2026.",
        "Messages to Heka opens on December 1, 2026.",
        "Rent payments opens on December 1, 2026.",
    ]
    finnish = attention_for(session=session, actor=upcoming, now=now, language="fi")
    assert finnish[0].title == "Vikailmoitukset: käytössä 1. joulukuuta 2026 alkaen."


def test_staff_have_no_front_page(session, now, world):
    with pytest.raises(NotAllowed):
        attention_for(
            session=session, actor=_actor(session, world, "admin", now), now=now, language="fi"
        )
