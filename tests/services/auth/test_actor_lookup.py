"""The one-statement session check (auth/actor_lookup.py) gives the ORM path's actor,
and declines whenever the ORM path has something to write."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from heka_app.models import LeaseResident, LoginSession, UserAccount
from heka_app.services.auth.actor_lookup import quick_actor
from heka_app.services.auth.sessions import (
    ABSOLUTE_TIMEOUT,
    IDLE_TIMEOUT,
    TOUCH_INTERVAL,
    actor_for_account,
    resolve_actor,
    start_session,
)
from heka_app.services.common.secrets import hash_secret
from tests.factories import build_world, make_lease, make_person, make_tenant_account


def _quick(session, secret, now):
    return quick_actor(
        session=session,
        secret_hash=hash_secret(secret),
        now=now,
        idle_timeout=IDLE_TIMEOUT,
        absolute_timeout=ABSOLUTE_TIMEOUT,
        touch_interval=TOUCH_INTERVAL,
    )


def test_same_actor_as_the_orm_path_for_every_kind_of_account(session, now):
    world = build_world(session, now)
    assert len(world.accounts) > 5
    for key, account_id in world.accounts.items():
        secret = start_session(session=session, account_id=account_id, now=now)
        expected = actor_for_account(
            session=session, account=session.get(UserAccount, account_id), now=now
        )
        assert _quick(session, secret, now) == expected, key
    # The ended tenant is refused by both (and the ORM path then ends the session).
    assert expected is not None
    ended = start_session(session=session, account_id=world.accounts["ended"], now=now)
    assert _quick(session, ended, now) is None
    assert resolve_actor(session=session, secret=ended, now=now) is None


def test_the_best_of_several_tenancies_wins_as_on_the_orm_path(session, now):
    active = make_lease(session, now=now, state="active")
    person = make_person(session, now=now, lease=active, role="co_resident")
    upcoming = make_lease(session, now=now, state="upcoming")
    ended = make_lease(session, now=now, state="ended")
    for lease, role in ((upcoming, "primary"), (ended, "primary")):
        session.add(
            LeaseResident(
                lease_id=lease.id, person_id=person.id, role=role, moved_in_on=lease.starts_on
            )
        )
    account = make_tenant_account(session, person, now=now)
    session.flush()
    secret = start_session(session=session, account_id=account.id, now=now)
    actor = _quick(session, secret, now)
    assert actor == actor_for_account(session=session, account=account, now=now)
    assert actor.lease_id == active.id and actor.residency == "active"
    assert actor.is_primary is False


def test_touches_last_seen_when_due_as_the_orm_path_did(session, now):
    world = build_world(session, now)
    secret = start_session(session=session, account_id=world.accounts["primary"], now=now)
    row = session.exec(select(LoginSession)).one()
    soon = now + TOUCH_INTERVAL  # not yet due: nothing written
    assert _quick(session, secret, soon) is not None
    assert row.last_seen_at == now
    later = now + TOUCH_INTERVAL + dt.timedelta(seconds=1)
    assert _quick(session, secret, later) is not None
    assert row.last_seen_at == later  # the loaded row sees it too
    session.expire_all()
    assert session.exec(select(LoginSession)).one().last_seen_at == later


def test_declines_past_the_absolute_timeout(session, now):
    world = build_world(session, now)
    secret = start_session(session=session, account_id=world.accounts["primary"], now=now)
    row = session.exec(select(LoginSession)).one()
    row.created_at = now - ABSOLUTE_TIMEOUT - dt.timedelta(seconds=1)  # last seen just now
    session.flush()
    assert _quick(session, secret, now) is None
    assert resolve_actor(session=session, secret=secret, now=now) is None
