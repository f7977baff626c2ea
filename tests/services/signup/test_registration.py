"""Registration rules, tickets, area-office codes and email confirmation."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlparse

import pytest
from sqlmodel import select

from heka_app.models import UserAccount
from heka_app.services.auth.actor import Actor
from heka_app.services.signup import codes as registration_codes
from heka_app.services.signup import eligibility, registration
from heka_app.services.signup.registration import complete_registration, confirm_email, issue_ticket
from tests.factories import CODES, NOW, TODAY, build_world

GOOD_PASSWORD = "sininen kettu juoksee 7"


def _eligible(session, code):
    return eligibility.check_registration_eligibility(
        session=session, identity_code=code, today=TODAY, allow_test_codes=True
    )


def test_eligibility_rules(session):
    build_world(session)
    assert _eligible(session, CODES["unregistered"]).error == eligibility.NOT_IN_REGISTER
    assert _eligible(session, "131052-308T").error == eligibility.NOT_IN_REGISTER
    assert _eligible(session, CODES["child"]).error == eligibility.UNDER_AGE
    assert _eligible(session, CODES["ended"]).error == eligibility.LEASE_ENDED
    assert _eligible(session, CODES["primary"]).error == eligibility.ALREADY_REGISTERED
    assert _eligible(session, "010594Y9033").error == eligibility.INVALID_IDENTITY_CODE
    # Test codes are refused where they are not allowed (production).
    refused = eligibility.check_registration_eligibility(
        session=session, identity_code=CODES["primary"], today=TODAY, allow_test_codes=False
    )
    assert refused.error == eligibility.INVALID_IDENTITY_CODE


def test_upcoming_lease_may_register(session):
    world = build_world(session, with_accounts=False)
    result = _eligible(session, CODES["upcoming"])
    assert result.ok and result.person_id == world.people["upcoming"]


def _complete(session, ticket, email="new@test.example", password=GOOD_PASSWORD, again=None):
    return complete_registration(
        session=session, ticket_secret=ticket, email=email, password=password,
        password_again=password if again is None else again, language="sv",
        client_ip="198.51.100.1", now=NOW,
    )  # fmt: skip


def _token(mail) -> str:
    link = next(w for w in mail.text_body.split() if "token=" in w)
    return parse_qs(urlparse(link).query)["token"][0]


def test_complete_registration_validates_and_creates_an_unconfirmed_account(session):
    world = build_world(session, with_accounts=False)
    ticket = issue_ticket(
        session=session, person_id=world.people["primary"], method="broker", now=NOW
    )
    assert _complete(session, "not-a-ticket").errors == {"form": registration.TICKET_EXPIRED}
    assert _complete(session, ticket, email="not an email").errors["email"]
    assert "password" in _complete(session, ticket, password="password1234").errors
    assert _complete(session, ticket, again="something else entirely").errors == {
        "password_again": registration.PASSWORDS_DIFFER
    }
    done = _complete(session, ticket)
    assert done.ok and done.mail.to == "new@test.example" and done.mail.language == "sv"
    account = session.exec(select(UserAccount).where(UserAccount.email == "new@test.example")).one()
    assert account.email_verified_at is None and account.language == "sv"
    assert account.password_hash.startswith("$argon2id$")
    # The ticket is single use.
    assert _complete(session, ticket, email="other@test.example").errors == {
        "form": registration.TICKET_EXPIRED
    }
    token = _token(done.mail)
    assert confirm_email(session=session, token=token, now=NOW).ok
    assert account.email_verified_at is not None
    assert confirm_email(session=session, token=token, now=NOW).ok is False


def test_ticket_expires(session):
    world = build_world(session, with_accounts=False)
    ticket = issue_ticket(
        session=session, person_id=world.people["primary"], method="office", now=NOW
    )
    late = complete_registration(
        session=session, ticket_secret=ticket, email="x@test.example", password=GOOD_PASSWORD,
        password_again=GOOD_PASSWORD, language="fi", client_ip="", now=NOW + dt.timedelta(hours=1),
    )  # fmt: skip
    assert late.errors == {"form": registration.TICKET_EXPIRED}


def _redeem(session, code, identity_code, now=NOW, ip="198.51.100.2"):
    return registration_codes.redeem_code(
        session=session, code=code, identity_code=identity_code, client_ip=ip, now=now,
        allow_test_codes=True,
    )  # fmt: skip


def test_area_office_codes(session):
    world = build_world(session, with_accounts=True)
    office = Actor(role="area_office", account_id=world.accounts["area_office"])
    with pytest.raises(registration_codes.NotAllowed):
        registration_codes.issue_code(
            session=session, actor=Actor(role="maintenance", account_id=1),
            person_id=world.people["unregistered"], now=NOW,
        )  # fmt: skip
    matches = registration_codes.find_people(
        session=session, actor=office, query="Testinen", now=NOW
    )
    assert {m.masked_identity_code[-4:] for m in matches} == {"****"}
    person = world.people["co_resident"]
    session.delete(session.get(UserAccount, world.accounts["co_resident"]))
    session.flush()
    first = registration_codes.issue_code(session=session, actor=office, person_id=person, now=NOW)
    second = registration_codes.issue_code(session=session, actor=office, person_id=person, now=NOW)
    assert len(second.code) == 14 and second.code != first.code
    # Issuing again cancelled the first code.
    assert _redeem(session, first.code, CODES["co_resident"])[0] is None
    # Wrong identity code, then the right one (case and dashes forgiven); single use.
    assert _redeem(session, second.code, CODES["primary"])[1] == registration_codes.CODE_INVALID
    ok = _redeem(session, second.code.lower().replace("-", ""), CODES["co_resident"])
    assert ok == (person, "", 0)
    assert _redeem(session, second.code, CODES["co_resident"])[0] is None


def test_codes_expire_after_fourteen_days(session):
    world = build_world(session, with_accounts=False)
    staff = UserAccount(email="o@x.example", password_hash="x", role="area_office", created_at=NOW)
    session.add(staff)
    session.flush()
    office = Actor(role="area_office", account_id=staff.id)
    issued = registration_codes.issue_code(
        session=session, actor=office, person_id=world.people["primary"], now=NOW
    )
    later = NOW + dt.timedelta(days=14, minutes=1)
    assert _redeem(session, issued.code, CODES["primary"], now=later)[0] is None


def test_guessing_codes_is_throttled_per_address(session):
    build_world(session, with_accounts=False)
    for n in range(5):
        _redeem(session, f"GUESS{n:07d}", CODES["primary"])
    person_id, error, minutes = _redeem(session, "GUESS9999999", CODES["primary"])
    assert person_id is None and error == registration_codes.CODE_TOO_MANY and minutes >= 1
    # Another address is not blocked.
    assert _redeem(session, "GUESS", CODES["primary"], ip="203.0.113.50")[1] == (
        registration_codes.CODE_INVALID
    )
