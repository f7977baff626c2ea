"""Fault reports (vikailmoitukset) about a home or its property."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

FAULT_STATUSES = ("received", "in_progress", "waiting", "done", "cancelled")


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
    status: str = Field(default="received", max_length=16)
    created_at: dt.datetime
    updated_at: dt.datetime
