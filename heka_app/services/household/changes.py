"""Household changes: what is kept when a move in or out is reported, and how the resident
register follows when staff confirm it. Access follows the register by itself: sign-up and
every session check read it (services/housing/residency.py), so a confirmed new resident
can register and a moved-out one is refused from the moving-out day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlmodel import Session, select

from heka_app.i18n import N_
from heka_app.models import LeaseResident, MessageThread, Person
from heka_app.models.household import HouseholdChange
from heka_app.services.common.identity_codes import birth_date_of

MOVE_IN, MOVE_OUT = "move_in", "move_out"
ALREADY_RESIDENT = N_("This person already lives in the apartment according to the register.")
NOT_A_RESIDENT = N_("This person no longer lives in the apartment according to the register.")
BEFORE_MOVING_IN = N_("The moving-out date is before the person moved in.")
ALREADY_APPLIED = N_("This change has already been entered in the register.")


def record_move_in(session: Session, thread: MessageThread, values: Mapping[str, str]) -> None:
    """Keep the new resident's details, identity code included, beside the thread."""
    session.add(
        HouseholdChange(
            thread_id=thread.id or 0,
            kind=MOVE_IN,
            first_name=values["first_name"],
            last_name=values["last_name"],
            identity_code=values["identity_code"],
            effective_on=dt.date.fromisoformat(values["moved_in_on"]),
        )
    )


def record_move_out(session: Session, thread: MessageThread, values: Mapping[str, str]) -> None:
    """Keep which register row moves out, and when."""
    session.add(
        HouseholdChange(
            thread_id=thread.id or 0,
            kind=MOVE_OUT,
            resident_id=int(values["resident"]),
            effective_on=dt.date.fromisoformat(values["moved_out_on"]),
        )
    )


def _change_of(session: Session, thread: MessageThread) -> HouseholdChange:
    return session.exec(select(HouseholdChange).where(HouseholdChange.thread_id == thread.id)).one()


def _person_for(session: Session, change: HouseholdChange) -> Person:
    """The register's person with this identity code, or a new one."""
    person = session.exec(
        select(Person).where(Person.identity_code == change.identity_code)
    ).first()
    if person is None:
        person = Person(
            identity_code=change.identity_code,
            first_name=change.first_name,
            last_name=change.last_name,
            birth_date=birth_date_of(change.identity_code),
        )
        session.add(person)
        session.flush()
    return person


def apply_move_in(session: Session, thread: MessageThread, now: dt.datetime) -> str:
    """Add the person to the lease from the moving-in day ("" when done, else a msgid)."""
    change = _change_of(session, thread)
    if change.applied_at is not None:
        return ALREADY_APPLIED
    person = _person_for(session, change)
    row = session.exec(
        select(LeaseResident).where(
            LeaseResident.lease_id == thread.lease_id, LeaseResident.person_id == person.id
        )
    ).first()
    if row is not None and (row.moved_out_on is None or row.moved_out_on > change.effective_on):
        return ALREADY_RESIDENT
    if row is None:  # one row per person and lease: someone moving back gets theirs again
        row = LeaseResident(
            lease_id=thread.lease_id,
            person_id=person.id or 0,
            role="co_resident",
            moved_in_on=change.effective_on,
        )
    row.moved_in_on, row.moved_out_on = change.effective_on, None
    session.add(row)
    change.applied_at = now
    session.add(change)
    return ""


def apply_move_out(session: Session, thread: MessageThread, now: dt.datetime) -> str:
    """Mark the resident moved out from the day given ("" when done, else a msgid)."""
    change = _change_of(session, thread)
    if change.applied_at is not None:
        return ALREADY_APPLIED
    row = session.get(LeaseResident, change.resident_id or 0)
    if row is None or row.lease_id != thread.lease_id or row.moved_out_on is not None:
        return NOT_A_RESIDENT
    if change.effective_on < row.moved_in_on:
        return BEFORE_MOVING_IN
    row.moved_out_on = change.effective_on
    change.applied_at = now
    session.add_all([row, change])
    return ""
