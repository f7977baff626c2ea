"""Fixtures of the account tests: the shared world and actors from its accounts."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from heka_app.models import UserAccount
from heka_app.services.auth.sessions import actor_for_account
from tests.factories import build_world


@pytest.fixture
def world(session: Session, now):
    return build_world(session, now)


@pytest.fixture
def actor(session: Session, world, now):
    """``actor("primary")`` / ``actor("customer_service")``: the actor of a world account."""

    def make(key: str):
        account = session.get(UserAccount, world.accounts[key])
        return actor_for_account(session=session, account=account, now=now)

    return make
