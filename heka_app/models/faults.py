"""Fault reports (vikailmoitukset) about a home or its property, their handling timeline
and photos. The allowed status changes live in services/faults/transitions.py."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

FAULT_STATUSES = (
    "received",
    "assigned",
    "in_progress",
    "waiting",
    "done",
    "rejected",
    "cancelled",
)


class FaultReport(SQLModel, table=True):
    """A fault in an apartment or common area. ``submission_id`` stops double submits."""

    __tablename__ = "fault_report"

    id: int | None = Field(default=None, primary_key=True)
    submission_id: str = Field(unique=True, max_length=64)
    apartment_id: int = Field(foreign_key="apartment.id", index=True)
    reported_by_id: int | None = Field(default=None, foreign_key="person.id")
    category: str = Field(max_length=32)
    description: str = Field(max_length=4000)
    permission_to_enter: bool = False
    status: str = Field(default="received", max_length=16, index=True)
    created_at: dt.datetime
    updated_at: dt.datetime
    urgent: bool = False
    # "room:<key>" in the own apartment or "common:<key>" of the property.
    location: str = Field(default="room:other", max_length=40)
    reachable_at: str = Field(default="", max_length=200)
    pets: str = Field(default="", max_length=200)
    contact_phone: str = Field(default="", max_length=40)
    assigned_to_id: int | None = Field(default=None, foreign_key="user_account.id")
    # Bumped on every change a tenant or staff member sees (live pages poll it).
    version: int = 1
    fixed: bool | None = None  # the tenant's "was it fixed?" answer after done
    feedback: str = Field(default="", max_length=1000)
    notify_by_email: bool = True  # the reporter's choice: mail on status change or comment


class FaultEvent(SQLModel, table=True):
    """One line of a report's timeline: a status change, a comment or an internal note.

    ``public`` False (internal notes) never reaches a tenant.
    """

    __tablename__ = "fault_event"

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="fault_report.id", index=True)
    kind: str = Field(max_length=16)  # status | comment | note | photo | feedback
    old_status: str = Field(default="", max_length=16)
    new_status: str = Field(default="", max_length=16)
    text: str = Field(default="", max_length=2000)
    public: bool = True
    by_staff: bool = False
    author_account_id: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: dt.datetime


class FaultPhoto(SQLModel, table=True):
    """A re-encoded photo of a report, stored outside the web root under ``token``."""

    __tablename__ = "fault_photo"

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="fault_report.id", index=True)
    token: str = Field(unique=True, max_length=64)
    width: int
    height: int
    size_bytes: int
    uploaded_by_account_id: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: dt.datetime
