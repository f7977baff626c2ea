"""Fixtures of the fault tests: the shared world, actors from its accounts, a private
upload directory per test."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from heka_app.models import UserAccount
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.faults.reports import FaultForm
from tests.factories import build_world


@pytest.fixture(autouse=True)
def upload_dir(tmp_path, monkeypatch):
    """Photos go to this test's own directory."""
    root = tmp_path / "uploads"
    root.mkdir()
    monkeypatch.setattr("heka_app.services.uploads.storage.upload_root", lambda: root)
    return root


@pytest.fixture
def world(session: Session, now):
    return build_world(session, now)


@pytest.fixture
def actor(session: Session, world, now):
    """``actor("primary")`` / ``actor("maintenance")``: the actor of a world account."""

    def make(key: str):
        account = session.get(UserAccount, world.accounts[key])
        return actor_for_account(session=session, account=account, now=now)

    return make


def a_form(**changes) -> FaultForm:
    """A valid non-urgent form; ``changes`` override fields."""
    values = {
        "urgent": False,
        "category": "plumbing.tap",
        "location": "room:kitchen",
        "description": "The kitchen tap drips all the time.",
        "permission_to_enter": True,
        "contact_phone": "040 123 4567",
    }
    values.update(changes)
    return FaultForm(**values)
