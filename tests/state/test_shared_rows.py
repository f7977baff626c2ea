"""Equal view rows are one list for all tabs (state/shared_rows.py, issue 15: memory per
tab), and the tabs get the same rows as when each built its own."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session

from heka_app.models import Article, ArticleTranslation
from heka_app.services.auth.navigation import navigation_for
from heka_app.services.content.articles import list_articles
from heka_app.services.content.news import latest_public_news
from heka_app.services.housing.area_offices import list_area_offices
from heka_app.state import shared_rows
from heka_app.state.content import NewsState, PublicInfoState
from heka_app.state.session import SessionState
from tests.factories import build_world
from tests.state.handler_calls import call, new_root, run, signed_in_root, substate


def test_equal_keys_share_one_list_and_other_keys_get_their_own(monkeypatch):
    shared_rows.clear()
    first = shared_rows.shared(("k", 1), lambda: [{"x": 1}])
    again = shared_rows.shared(("k", 1), lambda: [{"x": 1}])
    other = shared_rows.shared(("k", 2), lambda: [{"x": 2}])
    assert first is again and first == [{"x": 1}]
    assert other is not first and other == [{"x": 2}]
    monkeypatch.setattr(shared_rows, "MAX_ENTRIES", 2)
    shared_rows.shared(("k", 3), lambda: [])  # the least recently used, ("k", 1), goes
    assert shared_rows.shared(("k", 1), lambda: [{"x": "new"}]) == [{"x": "new"}]


def test_two_tenants_tabs_hold_one_navigation_the_services_rows(engine, now):
    world, one = signed_in_root(engine, now)
    _, two = signed_in_root(engine, now, "co_resident", world=world)
    first, second = substate(one, SessionState), substate(two, SessionState)
    run(call(first, "refresh"))
    run(call(second, "refresh"))
    actor = run(first._actor())
    assert first.nav == navigation_for(actor) and len(first.nav) > 5
    assert first.nav.__wrapped__ is second.nav.__wrapped__  # Reflex's proxies around one list


def test_two_tenants_tabs_hold_one_news_list_the_services_rows(engine, now):
    world, one = signed_in_root(engine, now)
    with Session(engine) as s:
        for n in range(3):
            article = Article(slug=f"piha-{n}", kind="news", published_at=now - dt.timedelta(n))
            s.add(article)
            s.flush()
            s.add(ArticleTranslation(article_id=article.id, language="fi", title=f"Piha {n}",
                                     body="x"))  # fmt: skip
        s.commit()
    _, two = signed_in_root(engine, now, "co_resident", world=world)
    first, second = substate(one, NewsState), substate(two, NewsState)
    run(call(first, "load_news"))
    run(call(second, "load_news"))
    actor = run(substate(one, SessionState)._actor())
    with Session(engine) as s:  # the old path: the service's rows, each through asdict
        page = list_articles(session=s, actor=actor, now=now, language="fi", kind="news",
                             query="", page=1)  # fmt: skip
    assert first.items == [dataclasses.asdict(item) for item in page.items]
    assert len(first.items) >= 3
    assert first.items.__wrapped__ is second.items.__wrapped__


def test_every_tab_holds_one_list_of_offices_and_of_public_news(engine, now):
    with Session(engine) as s:
        build_world(s, now)
        article = Article(slug="kaikille", kind="news", published_at=now - dt.timedelta(1))
        s.add(article)
        s.flush()
        s.add(ArticleTranslation(article_id=article.id, language="fi", title="Kaikille", body="x"))
        s.commit()
    first, second = substate(new_root(), PublicInfoState), substate(new_root(), PublicInfoState)
    run(call(first, "load"))
    run(call(second, "load"))
    with Session(engine) as s:  # the old path: the services' rows, each through asdict
        offices = [dataclasses.asdict(o) for o in list_area_offices(session=s)]
        news = [dataclasses.asdict(item) for item in latest_public_news(session=s, now=now)]
    assert first.offices == offices and len(offices) > 0
    assert first.news == news and len(news) > 0
    assert first.offices.__wrapped__ is second.offices.__wrapped__
    assert first.news.__wrapped__ is second.news.__wrapped__
    assert shared_rows.shared_plain("t", [{"a": 1}]) is not shared_rows.shared_plain(
        "t", [{"a": True}]
    )  # equal to Python, but not the same rows for the browser
