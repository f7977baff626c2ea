"""A page load's session check with the messages badge (auth/page_check.py) gives what the
two calls it replaced gave: resolve_actor's actor and unread_count's number."""

from __future__ import annotations

from sqlmodel import select

from heka_app.models import LoginSession
from heka_app.services.auth.actor import ANONYMOUS
from heka_app.services.auth.page_check import check_page
from heka_app.services.auth.sessions import end_session, resolve_actor, start_session
from heka_app.services.messages import inbox, threads
from tests.factories import build_world
from tests.services.messages.conftest import a_message, sid


def test_same_actor_and_count_as_the_two_calls_for_every_account(session, now):
    world = build_world(session, now)
    secrets = {
        key: start_session(session=session, account_id=account_id, now=now)
        for key, account_id in world.accounts.items()
    }
    primary = resolve_actor(session=session, secret=secrets["primary"], now=now)
    sent = threads.send_message(
        session=session, actor=primary, now=now, submission_id=sid(), form=a_message()
    )
    staff = resolve_actor(session=session, secret=secrets["customer_service"], now=now)
    inbox.staff_reply(
        session=session, actor=staff, now=now, thread_id=sent.thread_id, text="Hi", internal=False
    )
    session.commit()
    counts = {}
    for key, secret in secrets.items():
        expected = resolve_actor(session=session, secret=secret, now=now) or ANONYMOUS
        check = check_page(session=session, secret=secret, now=now)
        assert check.actor == expected, key
        assert check.unread_messages == threads.unread_count(session=session, actor=expected)
        counts[key] = check.unread_messages
    assert counts["primary"] == counts["co_resident"] == 1 and counts["neighbour"] == 0
    assert counts["ended"] == 0  # refused: no lease


def test_no_session_and_an_ended_one_are_anonymous(session, now):
    world = build_world(session, now)
    assert check_page(session=session, secret="", now=now).actor == ANONYMOUS
    secret = start_session(session=session, account_id=world.accounts["primary"], now=now)
    end_session(session=session, secret=secret, now=now)
    assert check_page(session=session, secret=secret, now=now) == check_page(
        session=session, secret="", now=now
    )


def test_a_session_whose_lease_ended_is_ended_as_resolve_actor_does(session, now):
    world = build_world(session, now)
    secret = start_session(session=session, account_id=world.accounts["ended"], now=now)
    assert check_page(session=session, secret=secret, now=now).actor == ANONYMOUS
    row = session.exec(select(LoginSession)).one()
    assert row.ended_at is not None
