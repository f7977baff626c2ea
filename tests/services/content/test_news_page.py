"""The news list's one service call gives the page and the mail choice the two calls it
replaced gave; only residents have a choice."""

from __future__ import annotations

import datetime as dt

from heka_app.models import Article, ArticleTranslation, UserAccount
from heka_app.services.auth.actor import ANONYMOUS
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.content.articles import list_articles
from heka_app.services.content.news_page import news_page
from heka_app.services.notifications.preferences import (
    NEWS_MY_BUILDING,
    email_choice,
    set_email_choice,
)
from tests.factories import build_world


def test_page_and_choice_as_the_two_calls_gave(session, now):
    world = build_world(session, now)
    for n, kind in enumerate(("news", "instruction", "news")):
        article = Article(slug=f"a{n}", kind=kind, published_at=now - dt.timedelta(days=n))
        session.add(article)
        session.flush()
        session.add(ArticleTranslation(article_id=article.id, language="fi", title="T", body="x"))
    session.commit()
    actors = {"anonymous": ANONYMOUS}
    for key in ("primary", "co_resident", "customer_service"):
        account = session.get(UserAccount, world.accounts[key])
        actors[key] = actor_for_account(session=session, account=account, now=now)
    set_email_choice(
        session=session, actor=actors["primary"], kind=NEWS_MY_BUILDING, email=True, now=now
    )
    choices = {}
    for key, actor in actors.items():
        for kind in ("news", "instruction", None):
            view = news_page(session=session, actor=actor, now=now, language="sv", kind=kind)
            expected = list_articles(
                session=session, actor=actor, now=now, language="sv", kind=kind
            )
            assert view.articles == expected and expected.items, (key, kind)
        choices[key] = view.news_mail
        if actor.is_tenant:
            assert view.news_mail == email_choice(
                session=session, actor=actor, kind=NEWS_MY_BUILDING
            )
    assert choices == {
        "anonymous": None, "primary": True, "co_resident": False, "customer_service": None
    }  # fmt: skip
