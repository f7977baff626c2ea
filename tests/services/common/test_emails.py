"""Finding 9: email addresses are checked by email-validator, not a loose regex."""

from __future__ import annotations

import pytest
from sqlmodel import select

from heka_app.models import UserAccount
from heka_app.services.common.emails import INVALID_EMAIL, email_problem
from heka_app.services.signup.registration import complete_registration, issue_ticket
from tests.factories import build_world

XSS = "<img/src=x/onerror=alert(1)>@evil.example"


@pytest.mark.parametrize(
    "email",
    [
        XSS.lower(),
        '"<script>"@evil.example',
        "a b@evil.example",
        "name@localhost",
        "name@",
        "@example.com",
        "a@b",
        "a..b@example.com",
        ".a@example.com",
        "name@[127.0.0.1]",
        "name <name@example.com>",
        "matti@münchen.de",
        "x" * 65 + "@example.com",
        "a@" + "b" * 250 + ".fi",
        "name@example.com\n",
        "",
    ],
)
def test_refused(email):
    assert email_problem(email) == INVALID_EMAIL


@pytest.mark.parametrize(
    "email",
    [
        "tenant@demo.heka.example",
        "first.last+heka@sub.helsinki.fi",
        "o'brien@example.com",
        "a@b.fi",
        "x_y-z@test.example",
    ],
)
def test_accepted(email):
    assert email_problem(email) == ""


def test_markup_address_is_not_stored_at_registration(session, now):
    """The replayed attack: registering with the markup address."""
    world = build_world(session, now, with_accounts=False)
    ticket = issue_ticket(
        session=session, person_id=world.people["primary"], method="broker", now=now
    )
    result = complete_registration(
        session=session,
        ticket_secret=ticket,
        email=XSS,
        password="sininen kettu juoksee 7",
        password_again="sininen kettu juoksee 7",
        language="fi",
        client_ip="198.51.100.1",
        now=now,
    )
    assert result.field_errors == {"email": INVALID_EMAIL}
    assert session.exec(select(UserAccount).where(UserAccount.email.contains("<"))).all() == []
