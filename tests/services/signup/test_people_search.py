"""Finding 8: the staff person search takes its query literally (no LIKE wildcards)."""

from __future__ import annotations

from heka_app.services.auth.actor import Actor
from heka_app.services.signup import codes as registration_codes
from tests.factories import build_world


def _find(session, office, query, now):
    return registration_codes.find_people(session=session, actor=office, query=query, now=now)


def test_wildcards_do_not_list_the_register(session, now):
    world = build_world(session, now, with_accounts=True)
    office = Actor(role="area_office", account_id=world.accounts["area_office"])
    assert len(_find(session, office, "Testinen", now)) >= 5  # the register is there
    # The replayed attack: wildcards only, or wildcards padding out a short query.
    for query in ("__%", "%%%", "___", "%_%_%", "a_%", "T%n", "\\%\\"):
        assert _find(session, office, query, now) == (), query


def test_at_least_three_letters_or_digits(session, now):
    world = build_world(session, now, with_accounts=True)
    office = Actor(role="area_office", account_id=world.accounts["area_office"])
    assert _find(session, office, "Ts", now) == ()
    assert _find(session, office, " T e ", now) == ()
    assert {m.name.split()[-1] for m in _find(session, office, "tes", now)} == {"Testinen"}


def test_escape_like_keeps_plain_text():
    assert registration_codes.escape_like("O'Brien-Ström") == "O'Brien-Ström"
    assert registration_codes.escape_like("a_b%c\\") == "a\\_b\\%c\\\\"
