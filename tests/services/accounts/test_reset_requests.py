"""Findings 1 and 3 replayed against password-reset requests.

3: the request answers from the same work for any email (the lookup and the mail are in
   the background job), so its timing reveals nothing.
1: strangers' requests can neither stop the tenant's own reset mail nor flood the mailbox.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import event

from heka_app.services.accounts import reset_requests
from heka_app.services.auth.devices import new_device_token
from tests.factories import build_world
from tests.services.accounts.resets import run_reset_requests
from tests.services.mail.queued import queued_mails

VICTIM = "primary@test.example"


def _statements(session, email: str, now, ip: str) -> list[str]:
    seen: list[str] = []

    def record(_conn, _cursor, statement, _params, _context, _many):
        seen.append(statement)

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", record)
    try:
        result = reset_requests.request_password_reset(
            session=session, email=email, now=now, client_ip=ip
        )
        session.flush()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert result.ok and result.messages() == {}
    return seen


def test_a_request_does_the_same_work_for_registered_and_unknown_addresses(session, now):
    build_world(session, now)
    registered = _statements(session, VICTIM, now, "198.51.100.1")
    unknown = _statements(session, "nobody@test.example", now, "198.51.100.2")
    assert registered == unknown  # same statements, in the same order
    assert not any("user_account" in s for s in registered)  # no lookup in the request
    assert queued_mails(session) == []  # nothing is sent from the request
    assert run_reset_requests(session, now) == 2
    [mail] = queued_mails(session)
    assert mail.to == VICTIM


def _mails_to_victim(session) -> int:
    return len(queued_mails(session, to=VICTIM))


def test_strangers_cannot_stop_the_tenants_own_reset_mail(session, now):
    """The attack: many requests for the victim from many addresses, then the victim asks."""
    world = build_world(session, now)
    for n in range(5):
        reset_requests.request_password_reset(
            session=session, email=VICTIM, now=now, client_ip=f"203.0.113.{n}"
        )
    run_reset_requests(session, now)
    before = _mails_to_victim(session)
    assert before == 1  # the strangers' five requests got one mail, to the victim
    # The victim, from the browser they signed in with before, a few seconds later.
    device = new_device_token(world.accounts["primary"])
    asked = now + dt.timedelta(seconds=5)
    reset_requests.request_password_reset(
        session=session, email=VICTIM, now=asked, client_ip="198.51.100.50", device=device
    )
    run_reset_requests(session, asked)
    assert _mails_to_victim(session) == before + 1  # at once: their own device's spacing
    # Again within the minute: the mail comes when the minute is over, not later.
    again = asked + dt.timedelta(seconds=10)
    reset_requests.request_password_reset(
        session=session, email=VICTIM, now=again, client_ip="198.51.100.50", device=device
    )
    run_reset_requests(session, again)
    assert _mails_to_victim(session) == before + 1
    run_reset_requests(session, asked + dt.timedelta(seconds=60))
    assert _mails_to_victim(session) >= before + 2  # (the strangers' pause ended too)


def test_from_an_unknown_device_the_mail_still_comes_and_floods_are_capped(session, now):
    build_world(session, now)
    sent_at = []
    t = now
    # An attacker asks every 20 s for an hour from 13 rotating addresses (180 requests).
    for n in range(180):
        reset_requests.request_password_reset(
            session=session, email=VICTIM, now=t, client_ip=f"203.0.113.{n % 13}"
        )
        before = _mails_to_victim(session)
        run_reset_requests(session, t)
        if _mails_to_victim(session) > before:
            sent_at.append(t)
        t += dt.timedelta(seconds=20)
    assert len(sent_at) <= 8  # 1, 2, 4, 8 then 15-minute spacing: no mailbox flood
    gaps = [b - a for a, b in zip(sent_at, sent_at[1:], strict=False)]
    assert max(gaps) <= dt.timedelta(minutes=15, seconds=20)  # every request answered soon


def test_device_cookies_cannot_be_forged_or_moved_to_another_account(session, now):
    from heka_app.services.auth.devices import device_account

    token = new_device_token(7)
    assert device_account(token) == 7
    account, nonce, signature = token.split(".")
    for forged in (f"8.{nonce}.{signature}", f"7.{nonce}x.{signature}", "1.abc.def", "", "7"):
        assert device_account(forged) is None, forged
