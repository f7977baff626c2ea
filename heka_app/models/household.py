"""What a household change or a notice of termination needs beyond its request thread:
the identity code of a resident moving in (server-side only, never in the thread's JSON)
and the signatories who must each confirm a notice before Heka receives it."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel, UniqueConstraint


class HouseholdChange(SQLModel, table=True):
    """A reported move in (``person`` details) or out (``resident_id``); ``applied_at`` is
    set when staff confirmed it and the register followed."""

    __tablename__ = "household_change"

    id: int | None = Field(default=None, primary_key=True)
    thread_id: int = Field(foreign_key="message_thread.id", unique=True)
    kind: str = Field(max_length=8)  # move_in | move_out
    first_name: str = Field(default="", max_length=80)
    last_name: str = Field(default="", max_length=80)
    identity_code: str = Field(default="", max_length=11)
    resident_id: int | None = Field(default=None, foreign_key="lease_resident.id")
    effective_on: dt.date
    applied_at: dt.datetime | None = None


class RequestSignatory(SQLModel, table=True):
    """A signatory of the lease who must confirm a request (``confirm_by`` every signatory),
    taken when it was sent; ``confirmed_at`` after they signed in again and confirmed."""

    __tablename__ = "request_signatory"
    __table_args__ = (UniqueConstraint("thread_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    thread_id: int = Field(foreign_key="message_thread.id", index=True)
    person_id: int = Field(foreign_key="person.id")
    confirmed_at: dt.datetime | None = None
    confirmed_by_account_id: int | None = Field(default=None, foreign_key="user_account.id")
