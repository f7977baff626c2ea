"""The editor: validation that keeps nothing half-stored, publishing, scheduling,
unpublishing, the translations overview and the audit log."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from heka_app.models import Article, ArticleTranslation, ContentAuditEntry, UserAccount
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.content import editor
from heka_app.services.content.articles import get_article, list_articles
from heka_app.services.content.editor_form import ArticleForm
from heka_app.services.content.editor_list import list_for_editor
from tests.factories import build_world

FI = ("Vesikatko Capellan puistotie 9:ssä", "Lyhyesti", "Vesi on poikki **klo 9-13**.")


@pytest.fixture
def world(session, now):
    return build_world(session, now)


def _actor(session, world, key, now):
    account = session.get(UserAccount, world.accounts[key])
    return actor_for_account(session=session, account=account, now=now)


def _save(session, actor, now, form, article_id=None):
    return editor.save_article(
        session=session, actor=actor, now=now, form=form, article_id=article_id
    )


def test_tenants_and_other_staff_cannot_edit(session, now, world):
    form = ArticleForm(texts={"fi": FI})
    for key in ("primary", "customer_service", "maintenance", "area_office"):
        with pytest.raises(NotAllowed):
            _save(session, _actor(session, world, key, now), now, form)
    assert session.exec(select(Article)).all() == []


def test_bad_form_stores_nothing_and_names_every_field(session, now, world):
    editor_actor = _actor(session, world, "content_editor", now)
    form = ArticleForm(
        kind="ad",
        audience="property",
        target_id="99999999999",
        publish_at="1.12.2026 klo 8",
        expires_at="2026-11-01T08:00",
        texts={"sv": ("", "", "Bara text"), "en": ("T" * 201, "", "x")},
    )
    outcome = _save(session, editor_actor, now, form)
    assert not outcome.result.ok and outcome.article_id is None
    assert set(outcome.result.field_errors) == {
        "kind", "target_id", "publish_at", "title_fi", "body_fi", "title_sv", "title_en",
    }  # fmt: skip
    assert session.exec(select(Article)).all() == []
    assert session.exec(select(ContentAuditEntry)).all() == []


def test_expiry_before_publishing_is_refused(session, now, world):
    editor_actor = _actor(session, world, "content_editor", now)
    form = ArticleForm(
        publish_at="2026-12-02T08:00", expires_at="2026-12-01T08:00", texts={"fi": FI}
    )
    outcome = _save(session, editor_actor, now, form)
    assert outcome.result.field_errors == {
        "expires_at": "The end must be after the publishing time."
    }


def test_create_is_a_draft_until_published_then_readers_see_it(session, now, world):
    editor_actor = _actor(session, world, "content_editor", now)
    primary = _actor(session, world, "primary", now)
    saved = _save(session, editor_actor, now, ArticleForm(texts={"fi": FI}))
    assert saved.result.ok
    article = session.get(Article, saved.article_id)
    assert article.slug == "vesikatko-capellan-puistotie-9-ssa" and article.state == "draft"
    assert list_articles(session=session, actor=primary, now=now, language="sv").items == ()
    editor.publish(session=session, actor=editor_actor, now=now, article_id=saved.article_id)
    view = get_article(session=session, actor=primary, now=now, language="sv", slug=article.slug)
    assert view.fallback and "<strong>klo 9-13</strong>" in view.html
    editor.unpublish(session=session, actor=editor_actor, now=now, article_id=saved.article_id)
    with pytest.raises(NotFound):
        get_article(session=session, actor=primary, now=now, language="fi", slug=article.slug)
    actions = [row.action for row in editor.audit_log(
        session=session, actor=editor_actor, article_id=saved.article_id
    )]  # fmt: skip
    assert actions == ["unpublished", "published", "created"]


def test_scheduled_item_appears_at_its_time_and_expires(session, now, world):
    editor_actor = _actor(session, world, "admin", now)
    primary = _actor(session, world, "primary", now)
    # now = 2026-11-28 09:00 UTC = 11:00 in Helsinki.
    form = ArticleForm(
        publish_at="2026-11-28T12:00", expires_at="2026-11-29T12:00", texts={"fi": FI}
    )
    saved = _save(session, editor_actor, now, form)
    when = editor.publish(session=session, actor=editor_actor, now=now, article_id=saved.article_id)
    assert when == dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)

    def visible(at):
        page = list_articles(session=session, actor=primary, now=at, language="fi")
        return len(page.items)

    assert visible(now) == 0
    assert visible(when) == 1
    assert visible(dt.datetime(2026, 11, 29, 10, 0, tzinfo=dt.UTC)) == 0
    rows = list_for_editor(session=session, actor=editor_actor, now=now, language="fi")
    assert [(r.status, r.missing) for r in rows] == [("scheduled", ("sv", "en"))]


def test_edit_replaces_translations_and_slugs_stay_unique(session, now, world):
    editor_actor = _actor(session, world, "content_editor", now)
    first = _save(session, editor_actor, now, ArticleForm(texts={"fi": FI}))
    second = _save(session, editor_actor, now, ArticleForm(texts={"fi": FI}))
    slugs = {session.get(Article, i).slug for i in (first.article_id, second.article_id)}
    assert slugs == {"vesikatko-capellan-puistotie-9-ssa", "vesikatko-capellan-puistotie-9-ssa-2"}
    sv = ("Vattenavbrott", "", "Vattnet är avstängt.")
    edited = _save(
        session, editor_actor, now, ArticleForm(texts={"fi": FI, "sv": sv}), first.article_id
    )
    assert edited.result.ok
    langs = session.exec(
        select(ArticleTranslation.language).where(ArticleTranslation.article_id == first.article_id)
    ).all()
    assert sorted(langs) == ["fi", "sv"]
    loaded = editor.load_form(session=session, actor=editor_actor, article_id=first.article_id)
    assert loaded.texts["sv"] == sv
    with pytest.raises(NotFound):
        editor.load_form(session=session, actor=editor_actor, article_id=10**12)


def test_targets_must_exist(session, now, world):
    editor_actor = _actor(session, world, "content_editor", now)
    primary = _actor(session, world, "primary", now)
    from heka_app.models import Apartment, Building

    apartment = session.get(Apartment, world.apartments["home"])
    property_id = session.get(Building, apartment.building_id).property_id
    form = ArticleForm(audience="property", target_id=str(property_id), texts={"fi": FI})
    saved = _save(session, editor_actor, now, form)
    editor.publish(session=session, actor=editor_actor, now=now, article_id=saved.article_id)
    item = list_articles(session=session, actor=primary, now=now, language="fi").items[0]
    assert item.for_my_building
    neighbour_world_other = _actor(session, world, "neighbour", now)  # same property
    assert (
        list_articles(session=session, actor=neighbour_world_other, now=now, language="fi").total
        == 1
    )
