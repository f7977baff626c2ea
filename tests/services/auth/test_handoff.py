"""The login's session handoff: the secret is made only when the browser redeems the
handoff over HTTP (/_session/start), once, within 60 s (services/auth/handoff.py)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from heka_app.models import LoginSession
from heka_app.services.auth import tokens
from heka_app.services.auth.handoff import (
    HANDOFF,
    make_handoff,
    make_return,
    read_return,
    redeem_handoff,
)
from heka_app.services.auth.login import login
from heka_app.services.auth.sessions import end_session, resolve_actor
from tests.factories import PASSWORD, build_world


def _login(session, email, now, origin="https://asukas.example"):
    result = login(
        session=session,
        email=email,
        password=PASSWORD,
        client_ip="198.51.100.7",
        now=now,
        origin=origin,
    )
    assert result.ok
    session.commit()
    return result


def test_the_handoff_is_redeemed_once_for_a_working_secret(session, now):
    world = build_world(session, now)
    result = _login(session, "primary@test.example", now)
    redeemed = redeem_handoff(session=session, token=result.handoff, now=now)
    assert redeemed is not None and len(redeemed.secret) >= 43
    assert redeemed.next_url == "https://asukas.example/login"  # forwards to /home
    assert redeemed.secret not in result.handoff  # the secret is made here, not at login
    actor = resolve_actor(session=session, secret=redeemed.secret, now=now)
    assert actor is not None and actor.account_id == world.accounts["primary"]
    # A second use (a proxy log's copy, a replay) gets nothing.
    assert redeem_handoff(session=session, token=result.handoff, now=now) is None


def test_without_an_origin_the_handoff_returns_to_the_login_path(session, now):
    build_world(session, now)
    result = _login(session, "area_office@staff.example", now, origin="")
    redeemed = redeem_handoff(session=session, token=result.handoff, now=now)
    assert redeemed is not None and redeemed.next_url == "/login"


def test_late_forged_or_ended_handoffs_give_nothing(session, now):
    build_world(session, now)
    late = _login(session, "primary@test.example", now)
    assert (
        redeem_handoff(session=session, token=late.handoff, now=now + dt.timedelta(seconds=61))
        is None
    )
    assert redeem_handoff(session=session, token="forged", now=now) is None
    row = session.exec(select(LoginSession).order_by(LoginSession.id.desc())).first()
    other_purpose = tokens.make_signed_token(
        "reset-password", str(row.id), ttl=dt.timedelta(minutes=1), now=now
    )
    assert redeem_handoff(session=session, token=other_purpose, now=now) is None
    # A handoff of a session that ended meanwhile (e.g. every session of the account).
    ended = _login(session, "primary@test.example", now)
    row = session.exec(select(LoginSession).order_by(LoginSession.id.desc())).first()
    row.ended_at = now
    assert redeem_handoff(session=session, token=ended.handoff, now=now) is None
    # No secret of the pending session was ever handed out: ending by a guess does nothing.
    assert end_session(session=session, secret="guess", now=now) is None


def test_a_handoff_names_a_session_only_through_its_signature(session, now):
    build_world(session, now)
    _login(session, "primary@test.example", now)
    row = session.exec(select(LoginSession).order_by(LoginSession.id.desc())).first()
    mine = make_handoff(login_session_id=row.id, next_url="/home", now=now)
    assert tokens.read_signed_token(mine, HANDOFF, now=now).subject == str(row.id)
    tampered = mine[:-3] + ("AAA" if not mine.endswith("AAA") else "BBB")
    assert redeem_handoff(session=session, token=tampered, now=now) is None


def test_the_logout_return_address_is_signed(now):
    token = make_return("https://asukas.example/", now=now)
    assert read_return(token, now=now) == "https://asukas.example/"
    assert read_return("https://evil.example/", now=now) is None
    assert read_return(token, now=now + dt.timedelta(hours=13)) is None
