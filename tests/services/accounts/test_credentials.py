"""Password reset, password change and email change."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from heka_app.models import UserAccount
from heka_app.services.accounts import credentials as account_security
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.one_time_links import LINK_INVALID
from heka_app.services.auth.passwords import verify_password
from heka_app.services.auth.sessions import resolve_actor, start_session
from heka_app.services.common.results import NotAllowed
from heka_app.services.signup import registration
from tests.factories import PASSWORD, build_world
from tests.services.accounts.resets import request_reset_now
from tests.services.mail.queued import queued_mails

NEW = "vihreä omena putoaa 31"


def _token(mail) -> str:
    link = next(w for w in mail.text_body.split() if "token=" in w)
    return parse_qs(urlparse(link).query)["token"][0]


def test_reset_by_link_ends_every_session_and_works_once(session, now):
    world = build_world(session, now)
    secret = start_session(session=session, account_id=world.accounts["primary"], now=now)
    silent = request_reset_now(session, "no@x.example", now)
    assert silent.ok and queued_mails(session) == []
    asked = request_reset_now(session, "PRIMARY@test.example", now)
    assert asked.ok
    [reset_mail] = queued_mails(session)
    token = _token(reset_mail)
    weak = account_security.reset_password(
        session=session, token=token, new_password="short", again="short", now=now
    )
    assert "password" in weak.field_errors
    done = account_security.reset_password(
        session=session, token=token, new_password=NEW, again=NEW, now=now
    )
    assert done.ok and queued_mails(session)[-1].to == "primary@test.example"
    account = session.get(UserAccount, world.accounts["primary"])
    assert verify_password(NEW, account.password_hash)[0]
    assert resolve_actor(session=session, secret=secret, now=now) is None
    again = account_security.reset_password(
        session=session, token=token, new_password=NEW + "x", again=NEW + "x", now=now
    )
    assert again.messages() == {"form": LINK_INVALID}


def test_change_password_needs_the_current_one_and_keeps_this_session(session, now):
    world = build_world(session, now)
    this = start_session(session=session, account_id=world.accounts["primary"], now=now)
    other = start_session(session=session, account_id=world.accounts["primary"], now=now)
    actor = resolve_actor(session=session, secret=this, now=now)
    wrong = account_security.change_password(
        session=session,
        actor=actor,
        current="nope",
        new_password=NEW,
        again=NEW,
        keep_secret=this,
        now=now,
    )
    assert wrong.messages() == {"current": account_security.WRONG_PASSWORD}
    ok = account_security.change_password(
        session=session,
        actor=actor,
        current=PASSWORD,
        new_password=NEW,
        again=NEW,
        keep_secret=this,
        now=now,
    )
    assert ok.ok
    assert resolve_actor(session=session, secret=this, now=now) is not None
    assert resolve_actor(session=session, secret=other, now=now) is None


def test_email_change_reauthenticates_then_waits_for_the_link(session, now):
    world = build_world(session, now)
    secret = start_session(session=session, account_id=world.accounts["primary"], now=now)
    actor = resolve_actor(session=session, secret=secret, now=now)
    outcome = account_security.request_email_change(
        session=session, actor=actor, password="wrong", new_email="new@test.example", now=now
    )
    assert outcome.messages() == {"current": account_security.WRONG_PASSWORD}
    assert queued_mails(session) == []
    taken = account_security.request_email_change(
        session=session,
        actor=actor,
        password=PASSWORD,
        new_email="neighbour@test.example",
        now=now,
    )
    # A taken address gets the same answer; its owner is told instead (finding 4).
    assert taken.ok
    notices = queued_mails(session)
    assert [m.to for m in notices] == ["neighbour@test.example", "primary@test.example"]
    assert "Joku pyysi käyttämään tätä sähköpostiosoitetta" in notices[0].text_body
    assert "token=" not in notices[0].text_body
    outcome = account_security.request_email_change(
        session=session, actor=actor, password=PASSWORD, new_email="New@Test.example", now=now
    )
    mails = queued_mails(session)[2:]
    assert outcome.ok and [m.to for m in mails] == ["new@test.example", "primary@test.example"]
    account = session.get(UserAccount, world.accounts["primary"])
    assert account.email == "primary@test.example"  # not before the link is opened
    assert registration.confirm_email(session=session, token=_token(mails[0]), now=now).ok
    assert account.email == "new@test.example"


def test_a_password_reset_voids_a_pending_email_change(session, now):
    world = build_world(session, now)
    secret = start_session(session=session, account_id=world.accounts["primary"], now=now)
    actor = resolve_actor(session=session, secret=secret, now=now)
    account_security.request_email_change(
        session=session, actor=actor, password=PASSWORD, new_email="thief@evil.example", now=now
    )
    request_reset_now(session, "primary@test.example", now)
    change_link, _notice, reset_link = queued_mails(session)
    assert account_security.reset_password(
        session=session, token=_token(reset_link), new_password=NEW, again=NEW, now=now
    ).ok
    assert (
        registration.confirm_email(session=session, token=_token(change_link), now=now).ok is False
    )
    assert session.get(UserAccount, world.accounts["primary"]).email == "primary@test.example"


def test_reauthentication_is_throttled(session, now):
    world = build_world(session, now)
    secret = start_session(session=session, account_id=world.accounts["primary"], now=now)
    actor = resolve_actor(session=session, secret=secret, now=now)
    for n in range(5):
        account_security.change_password(
            session=session,
            actor=actor,
            current=f"guess {n}",
            new_password=NEW,
            again=NEW,
            keep_secret=secret,
            now=now,
        )
    locked = account_security.change_password(
        session=session,
        actor=actor,
        current=PASSWORD,
        new_password=NEW,
        again=NEW,
        keep_secret=secret,
        now=now,
    )
    assert locked.ok is False and "Too many attempts" in locked.field_errors["current"]
    assert locked.params["minutes"] >= 1  # fills the message's {minutes}


def test_services_refuse_an_actor_without_the_permission(session, now):
    anonymous = Actor()
    with pytest.raises(NotAllowed):
        account_security.change_password(
            session=session,
            actor=anonymous,
            current=PASSWORD,
            new_password=NEW,
            again=NEW,
            keep_secret="",
            now=now,
        )
    staff = Actor(role="customer_service", account_id=1)
    with pytest.raises(NotAllowed):  # staff accounts are not changed from the portal
        account_security.request_email_change(
            session=session, actor=staff, password=PASSWORD, new_email="x@test.example", now=now
        )


def _change_email(session, actor, address, password=PASSWORD, *, now):
    return account_security.request_email_change(
        session=session, actor=actor, password=password, new_email=address, now=now
    )


def test_email_change_is_no_oracle_and_no_mail_cannon(session, now):
    """Finding 4 replayed: a signed-in user tries addresses, taken and free."""
    world = build_world(session, now)
    secret = start_session(session=session, account_id=world.accounts["primary"], now=now)
    actor = resolve_actor(session=session, secret=secret, now=now)
    taken = _change_email(session, actor, "neighbour@test.example", now=now)
    free = _change_email(session, actor, "nobody@test.example", now=now)
    assert (taken.ok, taken.messages()) == (free.ok, free.messages()) == (True, {})
    # The third request starts a pause: probing and mail sending are capped per account.
    assert _change_email(session, actor, "upcoming@test.example", now=now).ok
    capped = _change_email(session, actor, "someone@test.example", now=now)
    assert capped.ok is False and "Too many attempts" in capped.field_errors["email"]
    assert len(queued_mails(session)) == 6  # 3 requests, 2 mails each


def test_a_right_password_does_not_reset_reauthentication_failures(session, now):
    """Finding 4 replayed: wrong, wrong, wrong, wrong, right, wrong... used to go on forever."""
    world = build_world(session, now)
    secret = start_session(session=session, account_id=world.accounts["primary"], now=now)
    actor = resolve_actor(session=session, secret=secret, now=now)
    answers = []
    for n in range(12):
        password = PASSWORD if n % 4 == 3 else f"guess {n}"
        answers.append(_change_email(session, actor, "bad address", password, now=now))
    wrong = [a for a in answers if a.field_errors.get("current") == account_security.WRONG_PASSWORD]
    assert len(wrong) == 5  # then the account's re-authentication is paused
    assert "Too many attempts" in answers[-1].field_errors["current"]
