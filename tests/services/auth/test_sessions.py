"""Server-side sessions: hashed secrets, idle and absolute expiry, lease end ends them."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from heka_app.models import LoginSession, UserAccount
from heka_app.services.auth.sessions import (
    end_all_sessions,
    end_session,
    resolve_actor,
    start_session,
)
from heka_app.services.common.secrets import hash_secret
from tests.factories import (
    build_world,
    make_lease,
    make_person,
    make_tenant,
    make_tenant_account,
)


def test_only_the_hash_of_the_secret_is_stored(session, now):
    tenant = make_tenant(session, now=now)
    secret = start_session(session=session, account_id=tenant.id, now=now)
    stored = session.exec(select(LoginSession)).one()
    assert len(secret) >= 43  # 256 bits, URL-safe base64
    assert stored.secret_hash == hash_secret(secret)
    assert secret not in stored.secret_hash


def test_resolve_gives_the_actor_with_household_and_role(session, now):
    world = build_world(session, now)
    secret = start_session(session=session, account_id=world.accounts["primary"], now=now)
    actor = resolve_actor(session=session, secret=secret, now=now)
    assert actor.account_id == world.accounts["primary"]
    assert actor.lease_id == world.leases["home"]
    assert actor.is_primary and actor.residency == "active"
    co = start_session(session=session, account_id=world.accounts["co_resident"], now=now)
    assert resolve_actor(session=session, secret=co, now=now).is_primary is False
    staff = start_session(session=session, account_id=world.accounts["area_office"], now=now)
    assert resolve_actor(session=session, secret=staff, now=now).role == "area_office"


def test_idle_timeout_and_activity(session, now):
    tenant = make_tenant(session, now=now)
    secret = start_session(session=session, account_id=tenant.id, now=now)
    later = now + dt.timedelta(minutes=25)
    assert resolve_actor(session=session, secret=secret, now=later) is not None
    # Activity at +25 min keeps it alive until +55.
    assert resolve_actor(session=session, secret=secret, now=later + dt.timedelta(minutes=29))
    assert (
        resolve_actor(session=session, secret=secret, now=later + dt.timedelta(minutes=60)) is None
    )
    # Once expired it stays ended.
    assert (
        resolve_actor(session=session, secret=secret, now=later + dt.timedelta(minutes=61)) is None
    )


def test_absolute_timeout_of_twelve_hours(session, now):
    tenant = make_tenant(session, now=now)
    secret = start_session(session=session, account_id=tenant.id, now=now)
    t = now
    while t < now + dt.timedelta(hours=11, minutes=50):
        t += dt.timedelta(minutes=20)
        assert resolve_actor(session=session, secret=secret, now=t) is not None
    assert (
        resolve_actor(session=session, secret=secret, now=now + dt.timedelta(hours=12, seconds=1))
        is None
    )


def test_logout_and_end_all(session, now):
    account = make_tenant(session, now=now).id
    a = start_session(session=session, account_id=account, now=now)
    b = start_session(session=session, account_id=account, now=now)
    c = start_session(session=session, account_id=account, now=now)
    assert end_session(session=session, secret=a, now=now) == account
    assert resolve_actor(session=session, secret=a, now=now) is None
    assert end_all_sessions(session=session, account_id=account, now=now, keep_secret=b) == 1
    assert resolve_actor(session=session, secret=b, now=now) is not None
    assert resolve_actor(session=session, secret=c, now=now) is None


def test_lease_ending_ends_every_session_on_the_next_event(session, now):
    lease = make_lease(session, now=now, state="active")
    tenant = make_tenant_account(session, make_person(session, now=now, lease=lease), now=now)
    secret = start_session(session=session, account_id=tenant.id, now=now)
    other = start_session(session=session, account_id=tenant.id, now=now)
    lease.ends_on = now.date() - dt.timedelta(days=1)
    session.flush()
    assert resolve_actor(session=session, secret=secret, now=now) is None
    open_rows = session.exec(select(LoginSession).where(LoginSession.ended_at == None)).all()  # noqa: E711
    assert open_rows == []
    assert resolve_actor(session=session, secret=other, now=now) is None


def test_disabled_account_is_refused(session, now):
    tenant = make_tenant(session, now=now)
    secret = start_session(session=session, account_id=tenant.id, now=now)
    session.get(UserAccount, tenant.id).is_active = False
    session.flush()
    assert resolve_actor(session=session, secret=secret, now=now) is None


def test_garbage_secrets_resolve_to_nobody(session, now):
    make_tenant(session, now=now)
    for bad in ["", "x", "a" * 5000, "' OR 1=1 --"]:
        assert resolve_actor(session=session, secret=bad, now=now) is None
