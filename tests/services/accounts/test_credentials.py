"""Password reset, password change and email change."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from heka_app.models import UserAccount
from heka_app.services.accounts import credentials as account_security
from heka_app.services.auth.passwords import verify_password
from heka_app.services.auth.sessions import resolve_actor, start_session
from heka_app.services.signup import registration
from tests.factories import NOW, PASSWORD, build_world

NEW = "vihreä omena putoaa 31"


def _token(mail) -> str:
    link = next(w for w in mail.text_body.split() if "token=" in w)
    return parse_qs(urlparse(link).query)["token"][0]


def test_reset_by_link_ends_every_session_and_works_once(session):
    world = build_world(session)
    secret = start_session(session=session, account_id=world.accounts["primary"], now=NOW)
    silent = account_security.request_password_reset(session=session, email="no@x.example", now=NOW)
    assert silent.ok and silent.mail is None
    asked = account_security.request_password_reset(
        session=session, email="PRIMARY@test.example", now=NOW
    )
    token = _token(asked.mail)
    weak = account_security.reset_password(
        session=session, token=token, new_password="short", again="short", now=NOW
    )
    assert "password" in weak.errors
    done = account_security.reset_password(
        session=session, token=token, new_password=NEW, again=NEW, now=NOW
    )
    assert done.ok and done.mail is not None
    account = session.get(UserAccount, world.accounts["primary"])
    assert verify_password(NEW, account.password_hash)[0]
    assert resolve_actor(session=session, secret=secret, now=NOW) is None
    again = account_security.reset_password(
        session=session, token=token, new_password=NEW + "x", again=NEW + "x", now=NOW
    )
    assert again.errors == {"form": registration.LINK_INVALID}


def test_change_password_needs_the_current_one_and_keeps_this_session(session):
    world = build_world(session)
    this = start_session(session=session, account_id=world.accounts["primary"], now=NOW)
    other = start_session(session=session, account_id=world.accounts["primary"], now=NOW)
    actor = resolve_actor(session=session, secret=this, now=NOW)
    wrong = account_security.change_password(
        session=session, actor=actor, current="nope", new_password=NEW, again=NEW,
        keep_secret=this, now=NOW,
    )  # fmt: skip
    assert wrong.errors == {"current": account_security.WRONG_PASSWORD}
    ok = account_security.change_password(
        session=session, actor=actor, current=PASSWORD, new_password=NEW, again=NEW,
        keep_secret=this, now=NOW,
    )  # fmt: skip
    assert ok.ok
    assert resolve_actor(session=session, secret=this, now=NOW) is not None
    assert resolve_actor(session=session, secret=other, now=NOW) is None


def test_email_change_reauthenticates_then_waits_for_the_link(session):
    world = build_world(session)
    secret = start_session(session=session, account_id=world.accounts["primary"], now=NOW)
    actor = resolve_actor(session=session, secret=secret, now=NOW)
    outcome, mails = account_security.request_email_change(
        session=session, actor=actor, password="wrong", new_email="new@test.example", now=NOW
    )
    assert outcome.errors == {"current": account_security.WRONG_PASSWORD} and mails == []
    taken, _ = account_security.request_email_change(
        session=session, actor=actor, password=PASSWORD, new_email="neighbour@test.example",
        now=NOW,
    )  # fmt: skip
    assert taken.errors == {"email": registration.EMAIL_TAKEN}
    outcome, mails = account_security.request_email_change(
        session=session, actor=actor, password=PASSWORD, new_email="New@Test.example", now=NOW
    )
    assert outcome.ok and [m.to for m in mails] == ["new@test.example", "primary@test.example"]
    account = session.get(UserAccount, world.accounts["primary"])
    assert account.email == "primary@test.example"  # not before the link is opened
    assert registration.confirm_email(session=session, token=_token(mails[0]), now=NOW).ok
    assert account.email == "new@test.example"


def test_a_password_reset_voids_a_pending_email_change(session):
    world = build_world(session)
    secret = start_session(session=session, account_id=world.accounts["primary"], now=NOW)
    actor = resolve_actor(session=session, secret=secret, now=NOW)
    _, mails = account_security.request_email_change(
        session=session, actor=actor, password=PASSWORD, new_email="thief@evil.example", now=NOW
    )
    asked = account_security.request_password_reset(
        session=session, email="primary@test.example", now=NOW
    )
    assert account_security.reset_password(
        session=session, token=_token(asked.mail), new_password=NEW, again=NEW, now=NOW
    ).ok
    assert registration.confirm_email(session=session, token=_token(mails[0]), now=NOW).ok is False
    assert session.get(UserAccount, world.accounts["primary"]).email == "primary@test.example"


def test_reauthentication_is_throttled(session):
    world = build_world(session)
    secret = start_session(session=session, account_id=world.accounts["primary"], now=NOW)
    actor = resolve_actor(session=session, secret=secret, now=NOW)
    for n in range(5):
        account_security.change_password(
            session=session, actor=actor, current=f"guess {n}", new_password=NEW, again=NEW,
            keep_secret=secret, now=NOW,
        )  # fmt: skip
    locked = account_security.change_password(
        session=session, actor=actor, current=PASSWORD, new_password=NEW, again=NEW,
        keep_secret=secret, now=NOW,
    )  # fmt: skip
    assert locked.ok is False and "Too many attempts" in locked.errors["current"]
