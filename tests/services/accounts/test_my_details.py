"""My details: the register facts shown, each change stored, confirmed and logged, and the
staff view of a resident's change history."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from heka_app.models import AccountChange, AccountContact, UserAccount
from heka_app.services.accounts import change_log, detail_changes
from heka_app.services.accounts.contact_formats import IBAN_INVALID, PHONE_INVALID
from heka_app.services.accounts.credentials import WRONG_PASSWORD
from heka_app.services.accounts.my_details import my_details
from heka_app.services.accounts.own_account import set_language
from heka_app.services.auth.actor import ANONYMOUS
from heka_app.services.common.results import NotAllowed
from heka_app.services.notifications.preferences import (
    FAULT_STATUS,
    MESSAGE_REPLIES,
    NEWS_MY_BUILDING,
    wants_email,
)
from tests.factories import PASSWORD
from tests.services.mail.queued import queued_mails

IBAN = "FI21 1234 5600 0007 85"


def _changes(session, account_id):
    session.flush()
    return session.exec(
        select(AccountChange)
        .where(AccountChange.account_id == account_id)
        .order_by(AccountChange.id)
    ).all()


def test_details_show_the_register_facts_masked(session, world, actor, now):
    view = my_details(session=session, actor=actor("primary"), now=now, language="fi")
    assert view.name == "Primary Testinen"
    code = world.codes["primary"]
    assert view.identity_code == code[:7] + "****" and code[7:] not in view.identity_code
    assert view.lease is not None and view.lease.role == "primary"
    assert "A 1" in view.lease.address
    assert set(view.lease.household) == {
        "Primary Testinen",
        "Co_Resident Testinen",
        "Child Testinen",
    }
    assert view.notify == {FAULT_STATUS: True, MESSAGE_REPLIES: True, NEWS_MY_BUILDING: False}
    staff = my_details(session=session, actor=actor("customer_service"), now=now, language="en")
    assert staff.lease is None and staff.identity_code == ""


def test_anonymous_gets_nothing(session, world, now):
    with pytest.raises(NotAllowed):
        my_details(session=session, actor=ANONYMOUS, now=now, language="fi")
    with pytest.raises(NotAllowed):
        detail_changes.change_phone(session=session, actor=ANONYMOUS, now=now, phone="040 1")


def test_a_phone_change_is_stored_in_e164_and_logged(session, world, actor, now):
    me = actor("co_resident")
    bad = detail_changes.change_phone(session=session, actor=me, now=now, phone="040 12")
    assert bad.field_errors == {"phone": PHONE_INVALID}
    assert _changes(session, me.account_id) == []
    ok = detail_changes.change_phone(session=session, actor=me, now=now, phone="040 123 4567")
    assert ok.ok
    later = now + dt.timedelta(minutes=5)
    detail_changes.change_phone(session=session, actor=me, now=later, phone="+46701234567")
    detail_changes.change_phone(session=session, actor=me, now=later, phone="+46 70 123 45 67")
    rows = _changes(session, me.account_id)
    assert [(r.item, r.old_value, r.new_value) for r in rows] == [
        ("phone", "", "+358401234567"),
        ("phone", "+358401234567", "+46701234567"),
    ]  # the same number typed differently is no change
    assert rows[0].changed_by_id == me.account_id
    view = my_details(session=session, actor=me, now=now, language="fi")
    assert view.phone == "+46 70 123 45 67"


def test_a_refund_account_needs_the_password_and_the_owner_is_told(session, world, actor, now):
    me = actor("primary")
    bad = detail_changes.change_refund_account(
        session=session, actor=me, now=now, iban="FI21 1234 5600 0007 86", password=PASSWORD
    )
    assert bad.field_errors == {"iban": IBAN_INVALID}
    wrong = detail_changes.change_refund_account(
        session=session, actor=me, now=now, iban=IBAN, password="not it"
    )
    assert wrong.field_errors == {"current": WRONG_PASSWORD}
    assert session.exec(select(AccountContact)).all() == []
    ok = detail_changes.change_refund_account(
        session=session, actor=me, now=now, iban=IBAN, password=PASSWORD
    )
    assert ok.ok
    view = my_details(session=session, actor=me, now=now, language="fi")
    assert (view.refund_iban, view.bic) == (IBAN, "NDEAFIHH")
    [row] = _changes(session, me.account_id)
    assert (row.item, row.old_value, row.new_value) == ("refund_iban", "", "FI** **** 0785")
    [mail] = queued_mails(session, "primary@test.example")
    assert "FI** **** 0785" in mail.text_body and "0007 85" not in mail.text_body


def test_staff_have_no_refund_account(session, world, actor, now):
    with pytest.raises(NotAllowed):
        detail_changes.change_refund_account(
            session=session, actor=actor("admin"), now=now, iban=IBAN, password=PASSWORD
        )


def test_preferences_and_language_are_stored_and_logged(session, world, actor, now):
    me = actor("primary")
    bad = detail_changes.save_preferences(
        session=session, actor=me, now=now, email_kinds={}, language="de"
    )
    assert "language" in bad.field_errors
    done = detail_changes.save_preferences(
        session=session,
        actor=me,
        now=now,
        email_kinds={NEWS_MY_BUILDING: True, MESSAGE_REPLIES: True, "odd": True},
        language="sv",
    )
    assert done.ok
    account = session.get(UserAccount, me.account_id)
    assert account.language == "sv"  # mails follow: every notifier reads account.language
    assert wants_email(session, me.account_id, NEWS_MY_BUILDING)
    assert not wants_email(session, me.account_id, FAULT_STATUS)  # left out: off
    items = {(r.item, r.old_value, r.new_value) for r in _changes(session, me.account_id)}
    assert items == {
        ("notify:news_my_building", "off", "on"),
        ("notify:fault_status", "on", "off"),
        ("language", "fi", "sv"),
    }


def test_the_header_language_switch_is_logged_too(session, world, actor, now):
    me = actor("neighbour")
    set_language(session=session, actor=me, language="en", now=now)
    set_language(session=session, actor=me, language="en", now=now)
    assert [(r.item, r.new_value) for r in _changes(session, me.account_id)] == [("language", "en")]


def test_customer_service_finds_a_resident_and_reads_the_history(session, world, actor, now):
    me = actor("primary")
    detail_changes.change_phone(session=session, actor=me, now=now, phone="040 123 4567")
    session.commit()
    staff = actor("customer_service")
    assert change_log.find_residents(session=session, actor=staff, text="__%") == []
    hits = change_log.find_residents(session=session, actor=staff, text="primary")
    assert [h.email for h in hits] == ["primary@test.example"]
    history = change_log.history_of(
        session=session, actor=staff, account_id=hits[0].account_id, language="fi"
    )
    assert [(h.item, h.new) for h in history] == [("Phone number", "+358401234567")]
    other_office = change_log.find_residents(
        session=session, actor=actor("area_office"), text="Pri"
    )
    assert [h.name for h in other_office] == ["Primary Testinen"]
    for who in ("maintenance", "rent_monitoring", "content_editor", "primary"):
        with pytest.raises(NotAllowed):
            change_log.find_residents(session=session, actor=actor(who), text="primary")
        with pytest.raises(NotAllowed):
            change_log.history_of(
                session=session, actor=actor(who), account_id=hits[0].account_id, language="fi"
            )
