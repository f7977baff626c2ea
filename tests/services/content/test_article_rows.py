"""The prebuilt page statement (content/article_rows.py) lists exactly what the ORM queries
it replaced listed (kept below as the reference), for every kind of reader and list."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func
from sqlmodel import col, select

from heka_app.i18n.formatting import format_date
from heka_app.models import (
    Apartment,
    Article,
    ArticleRead,
    ArticleTranslation,
    Building,
    Property,
    UserAccount,
)
from heka_app.services.auth.actor import ANONYMOUS
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.content.articles import (
    ArticlePage,
    ArticleSummary,
    _pick,
    _reader,
    _versions,
    list_articles,
    unread_count,
    unread_news_page,
)
from heka_app.services.content.audience import visible_to
from tests.factories import build_world, make_property


def _reference(session, actor, now, language, kind="news", query="", page=1, page_size=10):
    """list_articles as it was before issue 15's round 2 (four ORM queries)."""
    reader = _reader(session, actor)
    condition = visible_to(reader, now)
    if kind is not None:
        condition = condition & (col(Article.kind) == kind)
    query = query.strip()[:100]
    if query:
        escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped.lower()}%"
        fields = (ArticleTranslation.title, ArticleTranslation.summary, ArticleTranslation.body)
        matching = select(ArticleTranslation.article_id).where(
            func.lower(col(fields[0])).like(pattern, escape="\\")
            | func.lower(col(fields[1])).like(pattern, escape="\\")
            | func.lower(col(fields[2])).like(pattern, escape="\\")
        )
        condition = condition & col(Article.id).in_(matching)
    total = session.exec(select(func.count()).select_from(Article).where(condition)).one()
    pages = max(1, -(-total // page_size))
    page = min(max(1, page), pages)
    articles = session.exec(
        select(Article)
        .where(condition)
        .order_by(col(Article.published_at).desc(), col(Article.id).desc())
        .offset((page - 1) * page_size)
        .limit(page_size)
    ).all()
    ids = [a.id for a in articles]
    versions = _versions(session, ids)
    read = set()
    if actor.account_id is not None and ids:
        read = set(
            session.exec(
                select(ArticleRead.article_id).where(
                    ArticleRead.account_id == actor.account_id,
                    col(ArticleRead.article_id).in_(ids),
                )
            ).all()
        )
    items = []
    for article in articles:
        picked = _pick(versions[article.id], language)
        if picked is None:
            continue
        version, fallback = picked
        items.append(
            ArticleSummary(
                slug=article.slug,
                kind=article.kind,
                title=version.title,
                summary=version.summary,
                date=format_date(article.published_at.date(), language),
                fallback=fallback,
                unread=not actor.is_anonymous and article.id not in read,
                for_my_building=article.audience == "property" and not reader.sees_all,
            )
        )
    return ArticlePage(items=tuple(items), page=page, pages=pages, total=total)


def _fill(session, now, world) -> None:
    """Articles of every audience, state, schedule, kind and language coverage."""
    apartment = session.get(Apartment, world.apartments["home"])
    home = session.get(Property, session.get(Building, apartment.building_id).property_id)
    other = make_property(session)
    audiences = (
        {"audience": "everyone"},
        {"audience": "property", "property_id": home.id},
        {"audience": "property", "property_id": other.id},
        {"audience": "area", "area_office_id": home.area_office_id},
        {"audience": "area", "area_office_id": other.area_office_id},
    )
    texts = ({"fi": "Sauna"}, {"fi": "Piha", "sv": "Gård"}, {"sv": "Bara svenska"}, {"en": "50%"})
    for n in range(36):
        article = Article(
            slug=f"a{n}",
            kind="news" if n % 3 else "instruction",
            state="draft" if n % 11 == 5 else "published",
            published_at=now - dt.timedelta(days=n % 9 - 1, hours=n % 2),  # ties: by id
            expires_at=now - dt.timedelta(hours=1) if n % 13 == 7 else None,
            **audiences[n % len(audiences)],
        )
        session.add(article)
        session.flush()
        for language, title in texts[n % len(texts)].items():
            session.add(
                ArticleTranslation(
                    article_id=article.id, language=language, title=f"{title} {n}",
                    summary=f"s{n}", body="Sauna_vuoro" if n % 5 == 0 else "x",
                )
            )  # fmt: skip
    for n in range(0, 36, 4):
        account = world.accounts["primary"] if n % 8 else world.accounts["co_resident"]
        session.add(ArticleRead(account_id=account, article_id=n + 1, read_at=now))
    session.commit()


def test_every_reader_and_list_gets_the_pages_the_orm_queries_gave(session, now):
    world = build_world(session, now)
    _fill(session, now, world)
    actors = {"anonymous": ANONYMOUS}
    for key in ("primary", "co_resident", "upcoming", "neighbour", "customer_service"):
        account = session.get(UserAccount, world.accounts[key])
        actors[key] = actor_for_account(session=session, account=account, now=now)
    compared = 0
    for key, actor in actors.items():
        for language in ("fi", "sv", "en"):
            for kind in ("news", "instruction", None):
                for query in ("", "SAUNA_", "50%", "ei löydy"):
                    for page, size in ((2, 5), (99, 4), (1, 100)):
                        args = (session, actor, now, language, kind, query, page, size)
                        new = list_articles(
                            session=session, actor=actor, now=now, language=language,
                            kind=kind, query=query, page=page, page_size=size,
                        )  # fmt: skip
                        assert new == _reference(*args), (key, language, kind, query, page)
                        compared += bool(new.items)
    assert compared > 150  # the comparisons saw real rows, not only empty pages


def test_the_front_pages_count_of_unread_news_is_unread_count(session, now):
    world = build_world(session, now)
    _fill(session, now, world)
    for key in ("primary", "co_resident", "neighbour", "customer_service"):
        account = session.get(UserAccount, world.accounts[key])
        actor = actor_for_account(session=session, account=account, now=now)
        for at in (now, now + dt.timedelta(days=3)):
            page, unread = unread_news_page(
                session=session, actor=actor, now=at, language="sv", page_size=20
            )
            assert unread == unread_count(session=session, actor=actor, now=at), key
            assert page == _reference(session, actor, at, "sv", page_size=20)
    assert unread > 0
    page, unread = unread_news_page(
        session=session, actor=ANONYMOUS, now=now, language="fi", page_size=20
    )
    assert unread == 0 and page.items
