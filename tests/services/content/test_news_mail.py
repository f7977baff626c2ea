"""News about my building by email: opt-in, right residents only, at the publishing
time, once per person, never for an item unpublished or moved before its time."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlmodel import select

from heka_app.models import Apartment, BackgroundJob, Building, UserAccount
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.content import editor
from heka_app.services.content.editor_form import ArticleForm
from heka_app.services.content.news_mail import KIND, send_news_mails
from heka_app.services.notifications.preferences import (
    NEWS_MY_BUILDING,
    email_choice,
    set_email_choice,
)
from tests.factories import build_world, make_property
from tests.services.mail.queued import queued_mails

FI = ("Pihatalkoot", "Lauantaina klo 10", "Tervetuloa!")
SV = ("Gårdstalko", "På lördag kl. 10", "Välkommen!")


@pytest.fixture
def world(session, now):
    return build_world(session, now)


def _actor(session, world, key, now):
    account = session.get(UserAccount, world.accounts[key])
    return actor_for_account(session=session, account=account, now=now)


def _property_id(session, world):
    apartment = session.get(Apartment, world.apartments["home"])
    return session.get(Building, apartment.building_id).property_id


def _publish(session, world, now, *, target, texts, publish_at=""):
    editor_actor = _actor(session, world, "content_editor", now)
    form = ArticleForm(
        audience="property", target_id=str(target), publish_at=publish_at, texts=texts
    )
    saved = editor.save_article(
        session=session, actor=editor_actor, now=now, form=form, article_id=None
    )
    assert saved.result.ok
    editor.publish(session=session, actor=editor_actor, now=now, article_id=saved.article_id)
    session.commit()
    return saved.article_id


def _opt_in(session, world, key, now, on=True):
    actor = _actor(session, world, key, now)
    set_email_choice(session=session, actor=actor, kind=NEWS_MY_BUILDING, email=on, now=now)
    session.commit()


def _run_news_jobs(session, now) -> int:
    """Run the news-mail jobs due at ``now`` (the mails they queue stay queued to be read);
    each job is removed after its run, as a worker would finish it."""
    session.commit()
    jobs = session.exec(
        select(BackgroundJob).where(BackgroundJob.kind == KIND, BackgroundJob.run_after <= now)
    ).all()
    for job in jobs:
        send_news_mails(json.loads(job.payload), key=job.dedupe_key, now=now)
        session.delete(job)
    session.commit()
    return len(jobs)


def test_opted_in_residents_of_the_property_get_one_mail_in_their_language(session, now, world):
    _opt_in(session, world, "primary", now)  # account language fi by default
    _opt_in(session, world, "neighbour", now)
    session.get(UserAccount, world.accounts["neighbour"]).language = "sv"
    session.commit()
    # co_resident did not opt in; a resident of another property opted in.
    article_id = _publish(
        session, world, now, target=_property_id(session, world), texts={"fi": FI, "sv": SV}
    )
    assert _run_news_jobs(session, now) == 1
    assert _run_news_jobs(session, now) == 0
    mails = queued_mails(session)
    assert sorted(m.to for m in mails) == ["neighbour@test.example", "primary@test.example"]
    swedish = queued_mails(session, "neighbour@test.example")[0]
    assert "Gårdstalko" in swedish.subject and swedish.language == "sv"
    assert "/news/pihatalkoot" in swedish.text_body
    # A second publish of the same item does not mail again.
    editor_actor = _actor(session, world, "content_editor", now)
    editor.publish(session=session, actor=editor_actor, now=now, article_id=article_id)
    _run_news_jobs(session, now)
    assert len(queued_mails(session)) == 2


def test_nobody_outside_the_target_and_nobody_who_opted_out(session, now, world):
    _opt_in(session, world, "primary", now)
    _opt_in(session, world, "primary", now, on=False)
    _opt_in(session, world, "neighbour", now)
    _publish(session, world, now, target=make_property(session).id, texts={"fi": FI})
    _run_news_jobs(session, now)
    assert queued_mails(session) == []
    assert not email_choice(
        session=session, actor=_actor(session, world, "primary", now), kind=NEWS_MY_BUILDING
    )


def test_a_scheduled_item_mails_at_its_time_unless_unpublished_first(session, now, world):
    _opt_in(session, world, "primary", now)
    target = _property_id(session, world)
    # now is 11:00 in Helsinki; published at 13:00.
    kept = _publish(
        session, world, now, target=target, texts={"fi": FI}, publish_at="2026-11-28T13:00"
    )
    dropped = _publish(
        session, world, now, target=target, texts={"fi": ("Toinen", "", "x")},
        publish_at="2026-11-28T13:00",
    )  # fmt: skip
    editor.unpublish(
        session=session, actor=_actor(session, world, "content_editor", now), now=now,
        article_id=dropped,
    )  # fmt: skip
    assert _run_news_jobs(session, now) == 0  # not due yet
    later = now + dt.timedelta(hours=2)
    assert _run_news_jobs(session, later) == 2
    mails = queued_mails(session)
    assert len(mails) == 1 and "Pihatalkoot" in mails[0].subject
    assert kept
