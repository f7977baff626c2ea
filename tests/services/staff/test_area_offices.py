"""Assigning area-office handlers to offices: admin only, exactly the offices chosen,
junk refused without a write, and the inbox follows the assignment at once."""

from __future__ import annotations

import pytest
from sqlmodel import select

from heka_app.models import UserAccount
from heka_app.models.messages import StaffAreaOffice
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.messages import inbox
from heka_app.services.messages.inbox import InboxFilters
from heka_app.services.staff.area_offices import UNKNOWN_OFFICE, office_board, set_offices
from tests.factories import build_world, make_area_office
from tests.services.messages.test_inbox import _disturbance


@pytest.fixture
def world(session, now):
    return build_world(session, now)


def _actor(session, world, now, key):
    account = session.get(UserAccount, world.accounts[key])
    return actor_for_account(session=session, account=account, now=now)


def _rows(session, account_id):
    return sorted(
        session.exec(
            select(StaffAreaOffice.area_office_id).where(StaffAreaOffice.account_id == account_id)
        ).all()
    )


def test_admin_sets_exactly_the_offices_and_the_inbox_follows(session, world, now):
    admin = _actor(session, world, now, "admin")
    handler_id = world.accounts["area_office"]
    board = office_board(session=session, actor=admin)
    (home_office,) = [o.id for o in board.offices]
    other = make_area_office(session, code="LANSI", name="Länsi").id
    assert [h.account_id for h in board.handlers] == [handler_id]
    assert board.handlers[0].office_ids == []
    thread_id = _disturbance(session, _actor(session, world, now, "primary"), now)
    handler = _actor(session, world, now, "area_office")

    def seen():
        found = inbox.inbox(
            session=session, actor=handler, now=now, language="fi", filters=InboxFilters()
        )
        return [c.id for c in found.cards]

    assert seen() == []  # no office: no threads
    assert set_offices(
        session=session, actor=admin, now=now, account_id=handler_id,
        office_ids=[home_office, other],
    ).ok  # fmt: skip
    session.commit()
    assert _rows(session, handler_id) == sorted([home_office, other]) and seen() == [thread_id]
    assert set_offices(
        session=session, actor=admin, now=now, account_id=handler_id, office_ids=[other]
    ).ok
    session.commit()
    assert _rows(session, handler_id) == [other] and seen() == []
    assert office_board(session=session, actor=admin).handlers[0].office_ids == [other]


@pytest.mark.parametrize(
    "office_ids", [[999], [True], ["1"], [-1], [2**70], list(range(1, 200)), [None]]
)
def test_junk_offices_are_refused_without_a_write(session, world, now, office_ids):
    admin = _actor(session, world, now, "admin")
    handler_id = world.accounts["area_office"]
    result = set_offices(
        session=session, actor=admin, now=now, account_id=handler_id, office_ids=office_ids
    )
    assert (result.ok, result.form_error) == (False, UNKNOWN_OFFICE)
    assert _rows(session, handler_id) == []


@pytest.mark.parametrize("who", ["customer_service", "admin", "primary", 10**30, "1", None])
def test_only_area_office_handlers_can_be_assigned(session, world, now, who):
    admin = _actor(session, world, now, "admin")
    account_id = world.accounts[who] if isinstance(who, str) and who in world.accounts else who
    with pytest.raises(NotFound):
        set_offices(session=session, actor=admin, now=now, account_id=account_id, office_ids=[])


@pytest.mark.parametrize("role", ["area_office", "customer_service", "primary"])
def test_only_an_admin_may_see_or_change_the_board(session, world, now, role):
    actor = _actor(session, world, now, role)
    with pytest.raises(NotAllowed):
        office_board(session=session, actor=actor)
    with pytest.raises(NotAllowed):
        set_offices(
            session=session, actor=actor, now=now,
            account_id=world.accounts["area_office"], office_ids=[],
        )  # fmt: skip
