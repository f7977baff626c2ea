"""Fixtures of the message tests: the shared world plus a second signatory on the home
lease and an area office's handler, actors from its accounts, a private upload dir."""

from __future__ import annotations

import dataclasses
import secrets

import pytest
from sqlmodel import Session

from heka_app.models import Apartment, Building, Lease, Property, UserAccount
from heka_app.models.messages import StaffAreaOffice
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.messages.threads import MessageForm
from tests.factories import build_world, make_person, make_tenant_account


@pytest.fixture(autouse=True)
def upload_dir(tmp_path, monkeypatch):
    """Photos go to this test's own directory."""
    root = tmp_path / "uploads"
    root.mkdir()
    monkeypatch.setattr("heka_app.services.uploads.storage.upload_root", lambda: root)
    return root


@pytest.fixture
def world(session: Session, now):
    w = build_world(session, now)
    home = session.get(Lease, w.leases["home"])
    spouse = make_person(session, now=now, first_name="Spouse", lease=home, role="primary")
    account = make_tenant_account(session, spouse, now=now, email="spouse@test.example")
    apartment = session.get(Apartment, home.apartment_id)
    office_id = session.get(Property, session.get(Building, apartment.building_id).property_id)
    session.add(
        StaffAreaOffice(
            account_id=w.accounts["area_office"], area_office_id=office_id.area_office_id
        )
    )
    session.commit()
    accounts = {**w.accounts, "spouse": account.id}
    return dataclasses.replace(w, accounts=accounts)


@pytest.fixture
def actor(session: Session, world, now):
    """``actor("primary")`` / ``actor("customer_service")``: the actor of a world account."""

    def make(key: str):
        account = session.get(UserAccount, world.accounts[key])
        return actor_for_account(session=session, account=account, now=now)

    return make


def sid() -> str:
    """A fresh submission id."""
    return secrets.token_urlsafe(16)


def a_message(**changes) -> MessageForm:
    values = {"topic": "general", "subject": "Stairwell light", "text": "The light is out."}
    values.update(changes)
    return MessageForm(**values)
