"""Finding 1 replayed: a distributed attacker cannot keep the tenant out.

Before: 4 wrong passwords from each of 13 addresses (52) pushed the account-wide counter to
50 and the tenant, with the right password from their own address, got "Too many
attempts" (at 100 the account was locked for the hour). Now the tenant's browser, known by
its device cookie from an earlier login, counts only its own failures.
"""

from __future__ import annotations

from heka_app.services.auth.devices import new_device_token
from heka_app.services.auth.login import TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS, login
from tests.factories import PASSWORD, build_world

VICTIM = "primary@test.example"
HOME_IP = "198.51.100.7"


def _login(session, password, ip, now, device=""):
    return login(
        session=session, email=VICTIM, password=password, client_ip=ip, now=now, device=device
    )


def _attack(session, now, per_address: int = 4, addresses: int = 25) -> None:
    for a in range(addresses):
        for n in range(per_address):
            _login(session, f"guess {a}-{n}", f"203.0.113.{a}", now)


def test_strangers_cannot_lock_out_the_tenants_own_browser(session, now):
    build_world(session, now)
    first = _login(session, PASSWORD, HOME_IP, now)
    assert first.ok and first.device  # the browser is known from now on
    _attack(session, now)  # 100 failures: the account-wide cap for strangers is reached
    stranger = _login(session, PASSWORD, "192.0.2.1", now)
    assert (stranger.ok, stranger.error) == (False, TOO_MANY_ATTEMPTS)
    again = _login(session, PASSWORD, HOME_IP, now, device=first.device)
    assert again.ok, again.error
    assert again.device == first.device  # the same browser keeps its cookie


def test_the_known_browser_is_still_throttled_for_its_own_failures(session, now):
    build_world(session, now)
    device = _login(session, PASSWORD, HOME_IP, now).device
    answers = [_login(session, f"typo {n}", HOME_IP, now, device).error for n in range(7)]
    assert answers[:5] == [WRONG_CREDENTIALS] * 5
    assert answers[5:] == [TOO_MANY_ATTEMPTS] * 2
    # Its failures do not lock anyone else out either.
    assert _login(session, PASSWORD, "192.0.2.1", now).ok


def test_a_device_cookie_of_another_account_or_forged_is_a_stranger(session, now):
    world = build_world(session, now)
    neighbours = new_device_token(world.accounts["neighbour"])
    _attack(session, now)
    for device in (neighbours, "1.forged.cookie", ""):
        assert _login(session, PASSWORD, HOME_IP, now, device).error == TOO_MANY_ATTEMPTS
