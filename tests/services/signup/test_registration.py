"""Registration rules, tickets, area-office codes and email confirmation."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlparse

import pytest
from sqlmodel import select

from heka_app.models import UserAccount
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.password_policy import PASSWORDS_DIFFER
from heka_app.services.common.clock import helsinki_today
from heka_app.services.common.results import NotAllowed
from heka_app.services.signup import codes as registration_codes
from heka_app.services.signup import eligibility, registration
from heka_app.services.signup.registration import complete_registration, confirm_email, issue_ticket
from tests.factories import build_world
from tests.services.mail.queued import queued_mails

GOOD_PASSWORD = "sininen kettu juoksee 7"


def _eligible(session, code, now):
    return eligibility.check_registration_eligibility(
        session=session, identity_code=code, today=helsinki_today(now), allow_test_codes=True
    )


def test_eligibility_rules(session, now):
    world = build_world(session, now)
    assert _eligible(session, world.codes["unregistered"], now).error == eligibility.NOT_IN_REGISTER
    assert _eligible(session, "131052-308T", now).error == eligibility.NOT_IN_REGISTER
    assert _eligible(session, world.codes["child"], now).error == eligibility.UNDER_AGE
    assert _eligible(session, world.codes["ended"], now).error == eligibility.LEASE_ENDED
    assert _eligible(session, world.codes["primary"], now).error == eligibility.ALREADY_REGISTERED
    assert _eligible(session, "010594Y9033", now).error == eligibility.INVALID_IDENTITY_CODE
    # Test codes are refused where they are not allowed (production).
    refused = eligibility.check_registration_eligibility(
        session=session,
        identity_code=world.codes["primary"],
        today=helsinki_today(now),
        allow_test_codes=False,
    )
    assert refused.error == eligibility.INVALID_IDENTITY_CODE


def test_upcoming_lease_may_register(session, now):
    world = build_world(session, now, with_accounts=False)
    result = _eligible(session, world.codes["upcoming"], now)
    assert result.ok and result.person_id == world.people["upcoming"]


def _complete(
    session, ticket, email="new@test.example", password=GOOD_PASSWORD, again=None, *, now
):
    return complete_registration(
        session=session,
        ticket_secret=ticket,
        email=email,
        password=password,
        password_again=password if again is None else again,
        language="sv",
        client_ip="198.51.100.1",
        now=now,
    )


def _token(mail) -> str:
    link = next(w for w in mail.text_body.split() if "token=" in w)
    return parse_qs(urlparse(link).query)["token"][0]


def test_complete_registration_validates_and_creates_an_unconfirmed_account(session, now):
    world = build_world(session, now, with_accounts=False)
    ticket = issue_ticket(
        session=session, person_id=world.people["primary"], method="broker", now=now
    )
    assert _complete(session, "not-a-ticket", now=now).messages() == {
        "form": registration.TICKET_EXPIRED
    }
    assert _complete(session, ticket, email="not an email", now=now).field_errors["email"]
    assert "password" in _complete(session, ticket, password="password1234", now=now).field_errors
    assert _complete(session, ticket, again="something else entirely", now=now).messages() == {
        "password_again": PASSWORDS_DIFFER
    }
    assert queued_mails(session) == []
    done = _complete(session, ticket, now=now)
    [mail] = queued_mails(session)
    assert done.ok and mail.to == "new@test.example" and mail.language == "sv"
    account = session.exec(select(UserAccount).where(UserAccount.email == "new@test.example")).one()
    assert account.email_verified_at is None and account.language == "sv"
    assert account.password_hash.startswith("$argon2id$")
    # The ticket is single use.
    assert _complete(session, ticket, email="other@test.example", now=now).messages() == {
        "form": registration.TICKET_EXPIRED
    }
    token = _token(mail)
    assert confirm_email(session=session, token=token, now=now).ok
    assert account.email_verified_at is not None
    assert confirm_email(session=session, token=token, now=now).ok is False


def test_ticket_expires(session, now):
    world = build_world(session, now, with_accounts=False)
    ticket = issue_ticket(
        session=session, person_id=world.people["primary"], method="office", now=now
    )
    late = complete_registration(
        session=session,
        ticket_secret=ticket,
        email="x@test.example",
        password=GOOD_PASSWORD,
        password_again=GOOD_PASSWORD,
        language="fi",
        client_ip="",
        now=now + dt.timedelta(hours=1),
    )
    assert late.messages() == {"form": registration.TICKET_EXPIRED}


def _redeem(session, code, identity_code, ip="198.51.100.2", *, now):
    return registration_codes.redeem_code(
        session=session,
        code=code,
        identity_code=identity_code,
        client_ip=ip,
        now=now,
        allow_test_codes=True,
    )


def test_area_office_codes(session, now):
    world = build_world(session, now, with_accounts=True)
    office = Actor(role="area_office", account_id=world.accounts["area_office"])
    with pytest.raises(NotAllowed):
        registration_codes.issue_code(
            session=session,
            actor=Actor(role="maintenance", account_id=1),
            person_id=world.people["unregistered"],
            now=now,
        )
    matches = registration_codes.find_people(
        session=session, actor=office, query="Testinen", now=now
    )
    assert {m.masked_identity_code[-4:] for m in matches} == {"****"}
    person = world.people["co_resident"]
    session.delete(session.get(UserAccount, world.accounts["co_resident"]))
    session.flush()
    first = registration_codes.issue_code(session=session, actor=office, person_id=person, now=now)
    second = registration_codes.issue_code(session=session, actor=office, person_id=person, now=now)
    assert len(second.code) == 14 and second.code != first.code
    # Issuing again cancelled the first code.
    assert _redeem(session, first.code, world.codes["co_resident"], now=now).ticket == ""
    # Wrong identity code, then the right one (case and dashes forgiven); single use.
    assert (
        _redeem(session, second.code, world.codes["primary"], now=now).error
        == registration_codes.CODE_INVALID
    )
    ok = _redeem(session, second.code.lower().replace("-", ""), world.codes["co_resident"], now=now)
    assert ok.ticket and ok.error == ""
    assert registration.ticket_person(session=session, secret=ok.ticket, now=now).id == person
    assert _redeem(session, second.code, world.codes["co_resident"], now=now).ticket == ""


def test_codes_expire_after_fourteen_days(session, now):
    world = build_world(session, now, with_accounts=False)
    staff = UserAccount(email="o@x.example", password_hash="x", role="area_office", created_at=now)
    session.add(staff)
    session.flush()
    office = Actor(role="area_office", account_id=staff.id)
    issued = registration_codes.issue_code(
        session=session, actor=office, person_id=world.people["primary"], now=now
    )
    later = now + dt.timedelta(days=14, minutes=1)
    assert _redeem(session, issued.code, world.codes["primary"], now=later).ticket == ""


def test_guessing_codes_is_throttled_per_address(session, now):
    world = build_world(session, now, with_accounts=False)
    for n in range(5):
        _redeem(session, f"GUESS{n:07d}", world.codes["primary"], now=now)
    blocked = _redeem(session, "GUESS9999999", world.codes["primary"], now=now)
    assert blocked.ticket == "" and blocked.error == registration_codes.CODE_TOO_MANY
    assert blocked.minutes >= 1
    # Another address is not blocked.
    assert _redeem(session, "GUESS", world.codes["primary"], ip="203.0.113.50", now=now).error == (
        registration_codes.CODE_INVALID
    )


def test_registering_a_taken_address_answers_like_a_new_one(session, now):
    """No registration oracle: the registrant sees "check your mail" either way; the
    address's owner gets a notice, no account is made, and the ticket is used up (so a
    second try with the same ticket cannot tell the two apart either)."""
    world = build_world(session, now, with_accounts=False)
    owner = UserAccount(
        email="taken@test.example", password_hash="x", created_at=now, language="en"
    )
    session.add(owner)
    session.flush()
    taken_ticket = issue_ticket(
        session=session, person_id=world.people["primary"], method="broker", now=now
    )
    free_ticket = issue_ticket(
        session=session, person_id=world.people["co_resident"], method="broker", now=now
    )
    taken = _complete(session, taken_ticket, email="Taken@test.example", now=now)
    free = _complete(session, free_ticket, email="free@test.example", now=now)
    assert (taken.ok, taken.messages()) == (free.ok, free.messages()) == (True, {})
    notice, confirm = queued_mails(session)
    assert notice.to == "taken@test.example" and notice.language == "en"
    assert "token=" not in notice.text_body and confirm.to == "free@test.example"
    registered = select(UserAccount.email).where(UserAccount.person_id.is_not(None))
    assert session.exec(registered).all() == ["free@test.example"]
    for ticket in (taken_ticket, free_ticket):
        assert _complete(session, ticket, email="again@test.example", now=now).messages() == {
            "form": registration.TICKET_EXPIRED
        }
