"""Log in: right and wrong credentials, unconfirmed email, lease states, throttling."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from heka_app.models import UserAccount
from heka_app.models.security import SecurityEvent
from heka_app.services.auth.login import (
    EMAIL_NOT_VERIFIED,
    LEASE_NOT_VALID,
    TOO_MANY_ATTEMPTS,
    WRONG_CREDENTIALS,
    login,
)
from heka_app.services.common.clock import helsinki_today
from tests.factories import PASSWORD, build_world, first_of_next_month


def _login(session, email, password=PASSWORD, ip="198.51.100.7", *, now):
    return login(session=session, email=email, password=password, client_ip=ip, now=now)


def test_right_password_starts_a_session_for_the_actor(session, now):
    world = build_world(session, now)
    result = _login(session, "  Primary@Test.Example ", now=now)
    assert result.ok and result.handoff  # the secret itself reaches the browser over HTTP
    assert result.actor.account_id == world.accounts["primary"]
    events = [e.event for e in session.exec(select(SecurityEvent)).all()]
    assert events == ["login_succeeded"]
    assert PASSWORD not in str([e.detail for e in session.exec(select(SecurityEvent)).all()])


def test_wrong_password_and_unknown_email_look_the_same(session, now):
    build_world(session, now)
    wrong = _login(session, "primary@test.example", "wrong password here", now=now)
    unknown = _login(session, "nobody@test.example", "wrong password here", now=now)
    assert (wrong.ok, wrong.error, wrong.handoff) == (False, WRONG_CREDENTIALS, "")
    assert (unknown.ok, unknown.error, unknown.handoff) == (False, WRONG_CREDENTIALS, "")


def test_unconfirmed_email_cannot_log_in_yet(session, now):
    world = build_world(session, now)
    session.get(UserAccount, world.accounts["primary"]).email_verified_at = None
    assert _login(session, "primary@test.example", now=now).error == EMAIL_NOT_VERIFIED


def test_lease_states(session, now):
    build_world(session, now)
    upcoming = _login(session, "upcoming@test.example", now=now)
    assert upcoming.ok and upcoming.actor.residency == "upcoming"
    assert upcoming.actor.opens_on == first_of_next_month(helsinki_today(now))
    ended = _login(session, "ended@test.example", now=now)
    assert (ended.ok, ended.error) == (False, LEASE_NOT_VALID)
    staff = _login(session, "admin@staff.example", now=now)
    assert staff.ok and staff.actor.is_staff


def test_repeated_failures_pause_the_account_even_for_the_right_password(session, now):
    build_world(session, now)
    for n in range(5):
        assert (
            _login(session, "primary@test.example", f"wrong {n}", now=now).error
            == WRONG_CREDENTIALS
        )
    locked = _login(session, "primary@test.example", now=now)
    assert (locked.ok, locked.error) == (False, TOO_MANY_ATTEMPTS)
    assert locked.retry_after_seconds >= 60
    # Another tenant from another address is not affected.
    assert _login(session, "neighbour@test.example", ip="203.0.113.9", now=now).ok
    # The pause is short: a few minutes later the right password works again.
    assert _login(session, "primary@test.example", now=now + dt.timedelta(minutes=16)).ok


def test_odd_input_never_crashes(session, now):
    build_world(session, now)
    for email, password in [("", ""), ("a" * 5000, "x"), ("primary@test.example", None)]:
        assert _login(session, email, password, now=now).ok is False


def test_a_strangers_guesses_do_not_lock_the_tenant_out_at_home(session, now):
    build_world(session, now)
    for n in range(30):
        _login(session, "primary@test.example", f"guess {n}", ip="203.0.113.66", now=now)
    assert (
        _login(session, "primary@test.example", ip="203.0.113.66", now=now).error
        == TOO_MANY_ATTEMPTS
    )
    assert _login(session, "primary@test.example", ip="198.51.100.7", now=now).ok


def test_a_distributed_burst_is_capped_and_a_password_reset_lifts_it(session, now):
    from heka_app.services.accounts import credentials as account_security
    from tests.services.accounts.resets import request_reset_now
    from tests.services.mail.queued import queued_mails

    build_world(session, now)
    for n in range(100):
        _login(session, "primary@test.example", "wrong", ip=f"203.0.113.{n}", now=now)
    assert _login(session, "primary@test.example", now=now).error == TOO_MANY_ATTEMPTS
    request_reset_now(session, "primary@test.example", now)
    [mail] = queued_mails(session, to="primary@test.example")
    token = next(w for w in mail.text_body.split() if "token=" in w).split("token=")[1]
    new = "lumi peittää pellon 88"
    assert account_security.reset_password(
        session=session, token=token, new_password=new, again=new, now=now
    ).ok
    assert _login(session, "primary@test.example", new, now=now).ok
