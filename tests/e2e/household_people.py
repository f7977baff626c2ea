"""Accounts for one demo household of the e2e run, so moving someone out or giving
notice there leaves the demo accounts the other e2e tests use untouched: an active lease
with two signatories and an adult co-resident, none of them registered yet."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import col, select

from heka_app.db import session_scope
from heka_app.models import LeaseResident, Person, UserAccount
from heka_app.services.common.clock import helsinki_today
from heka_app.services.common.identity_codes import age_on
from heka_app.services.household.members import members_of
from heka_app.services.housing.residency import residency_of
from tests.factories import make_tenant_account

SIGNATORY = "hh.signatory@e2e.example"
SPOUSE = "hh.spouse@e2e.example"
CO_RESIDENT = "hh.coresident@e2e.example"


@dataclasses.dataclass(frozen=True)
class Household:
    """The e2e household: its accounts and the co-resident's name as the form lists it."""

    co_resident_name: str
    spouse_name: str


def e2e_household(now: dt.datetime) -> Household:
    """Register the household's three adults (once per run) and name them."""
    today = helsinki_today(now)
    with session_scope() as session:
        registered = set(
            session.exec(
                select(UserAccount.person_id).where(col(UserAccount.person_id).is_not(None))
            ).all()
        )
        leases = session.exec(select(LeaseResident.lease_id).distinct()).all()
        for lease_id in sorted(leases):
            members = members_of(session=session, lease_id=lease_id, today=today)
            people = {m.person_id: session.get_one(Person, m.person_id) for m in members}
            adults = [m for m in members if age_on(people[m.person_id].identity_code, today) >= 18]
            primaries = [m for m in adults if m.is_primary]
            others = [m for m in adults if not m.is_primary]
            first = primaries[0] if primaries else None
            if first is None or len(primaries) != 2 or not others:
                continue
            if (
                residency_of(session=session, person_id=first.person_id, today=today).status
                != ("active")
                or {m.person_id for m in members} & registered
            ):
                continue
            for member, email in zip(
                (primaries[0], primaries[1], others[0]), (SIGNATORY, SPOUSE, CO_RESIDENT)
            ):
                make_tenant_account(session, people[member.person_id], now=now, email=email)
            return Household(co_resident_name=others[0].name, spouse_name=primaries[1].name)
        existing = session.exec(select(UserAccount).where(UserAccount.email == SIGNATORY)).first()
        if existing is None:
            raise AssertionError("the demo data has no unregistered two-signatory household")
        raise AssertionError("call e2e_household once per run (its accounts exist)")
