"""Readers' side of news and instructions: audience, schedule, fallback, search, unread."""

from __future__ import annotations

import datetime as dt

import pytest

from heka_app.models import Apartment, Article, ArticleTranslation, Building, Property, UserAccount
from heka_app.services.auth.actor import ANONYMOUS, Actor
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.content.articles import get_article, list_articles, unread_count
from tests.factories import build_world, make_property


def _article(session, now, slug, *, audience="everyone", days_ago=1, texts=None, **fields):
    article = Article(
        slug=slug,
        kind=fields.pop("kind", "news"),
        audience=audience,
        published_at=now - dt.timedelta(days=days_ago),
        **fields,
    )
    session.add(article)
    session.flush()
    for lang, (title, body) in (texts or {"fi": (f"Otsikko {slug}", "Teksti")}).items():
        session.add(
            ArticleTranslation(article_id=article.id, language=lang, title=title, body=body)
        )
    session.flush()
    return article


def _actor(session, world, key, now):
    account = session.get(UserAccount, world.accounts[key])
    return actor_for_account(session=session, account=account, now=now)


@pytest.fixture
def world(session, now):
    return build_world(session, now)


def _slugs(page):
    return [item.slug for item in page.items]


def test_audience_everyone_area_property_and_staff(session, now, world):
    primary = _actor(session, world, "primary", now)
    apartment = session.get(Apartment, world.apartments["home"])
    prop = session.get(Property, session.get(Building, apartment.building_id).property_id)
    other = make_property(session)  # in another area office
    _article(session, now, "x")
    _article(session, now, "mine", audience="property", property_id=prop.id)
    _article(session, now, "theirs", audience="property", property_id=other.id)
    _article(session, now, "my-area", audience="area", area_office_id=prop.area_office_id)
    _article(session, now, "other-area", audience="area", area_office_id=other.area_office_id)

    mine = list_articles(session=session, actor=primary, now=now, language="fi")
    assert set(_slugs(mine)) == {"x", "mine", "my-area"}
    assert {i.slug for i in mine.items if i.for_my_building} == {"mine"}
    public = _slugs(list_articles(session=session, actor=ANONYMOUS, now=now, language="fi"))
    assert public == ["x"]
    staff = _actor(session, world, "customer_service", now)
    everything = list_articles(session=session, actor=staff, now=now, language="fi")
    assert set(_slugs(everything)) == {"x", "mine", "theirs", "my-area", "other-area"}
    with pytest.raises(NotFound):
        get_article(session=session, actor=primary, now=now, language="fi", slug="theirs")
    with pytest.raises(NotFound):
        get_article(session=session, actor=ANONYMOUS, now=now, language="fi", slug="mine")
    assert get_article(session=session, actor=primary, now=now, language="fi", slug="mine")


def test_schedule_and_expiry_and_drafts(session, now, world):
    primary = _actor(session, world, "primary", now)
    _article(session, now, "live")
    _article(session, now, "later", days_ago=-1)
    _article(session, now, "gone", expires_at=now - dt.timedelta(minutes=1))
    _article(session, now, "draft", state="draft")
    _article(session, now, "ends-soon", expires_at=now + dt.timedelta(minutes=1))
    page = list_articles(session=session, actor=primary, now=now, language="fi")
    assert set(_slugs(page)) == {"live", "ends-soon"}
    later = list_articles(
        session=session, actor=primary, now=now + dt.timedelta(days=2), language="fi"
    )
    assert set(_slugs(later)) == {"live", "later"}
    for slug in ("later", "gone", "draft"):
        with pytest.raises(NotFound):
            get_article(session=session, actor=primary, now=now, language="fi", slug=slug)


def test_finnish_fallback_is_labelled_and_translation_used_when_present(session, now, world):
    primary = _actor(session, world, "primary", now)
    _article(
        session, now, "both", texts={"fi": ("Suomeksi", "Teksti"), "sv": ("På svenska", "Text")}
    )
    _article(session, now, "fi-only", days_ago=2, texts={"fi": ("Vain suomeksi", "Teksti")})
    sv = list_articles(session=session, actor=primary, now=now, language="sv").items
    assert [(i.title, i.fallback) for i in sv] == [("På svenska", False), ("Vain suomeksi", True)]
    fi = list_articles(session=session, actor=primary, now=now, language="fi").items
    assert [i.fallback for i in fi] == [False, False]
    view = get_article(session=session, actor=primary, now=now, language="en", slug="fi-only")
    assert view.fallback and view.title == "Vain suomeksi"


def test_paging_and_search_with_literal_wildcards(session, now, world):
    primary = _actor(session, world, "primary", now)
    for n in range(23):
        _article(session, now, f"n{n}", days_ago=n + 1, texts={"fi": (f"Uutinen {n}", "x")})
    _article(session, now, "sauna", days_ago=30, texts={"fi": ("Saunavuorot", "100% varattu")})
    first = list_articles(session=session, actor=primary, now=now, language="fi", page_size=10)
    assert (first.total, first.pages, len(first.items)) == (24, 3, 10)
    assert first.items[0].slug == "n0"
    last = list_articles(session=session, actor=primary, now=now, language="fi", page=99)
    assert last.page == 3 and len(last.items) == 4
    found = list_articles(session=session, actor=primary, now=now, language="fi", query="SAUNA")
    assert _slugs(found) == ["sauna"]
    percent = list_articles(session=session, actor=primary, now=now, language="fi", query="0%")
    assert _slugs(percent) == ["sauna"]
    wildcard = list_articles(session=session, actor=primary, now=now, language="fi", query="%")
    assert _slugs(wildcard) == ["sauna"]  # "%" is a literal percent sign, not "anything"
    assert (
        list_articles(session=session, actor=primary, now=now, language="fi", query="_").total == 0
    )


def test_unread_markers_and_count(session, now, world):
    primary = _actor(session, world, "primary", now)
    co = _actor(session, world, "co_resident", now)
    _article(session, now, "a")
    _article(session, now, "b", days_ago=2)
    assert unread_count(session=session, actor=primary, now=now) == 2
    get_article(session=session, actor=primary, now=now, language="fi", slug="a")
    get_article(session=session, actor=primary, now=now, language="fi", slug="a")  # twice: one row
    assert unread_count(session=session, actor=primary, now=now) == 1
    items = list_articles(session=session, actor=primary, now=now, language="fi").items
    assert [(i.slug, i.unread) for i in items] == [("a", False), ("b", True)]
    assert unread_count(session=session, actor=co, now=now) == 2  # reading is per person
    assert unread_count(session=session, actor=ANONYMOUS, now=now) == 0


def test_a_tenant_without_access_is_refused_not_served_public_items(session, now, world):
    _article(session, now, "a")
    ended_account = session.get(UserAccount, world.accounts["ended"])
    assert actor_for_account(session=session, account=ended_account, now=now) is None
    ended = Actor(role="tenant", account_id=ended_account.id, residency="ended")
    with pytest.raises(NotAllowed):
        list_articles(session=session, actor=ended, now=now, language="fi")
    with pytest.raises(NotAllowed):
        get_article(session=session, actor=ended, now=now, language="fi", slug="a")
