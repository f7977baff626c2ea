"""Rent ledger: what a lease was charged and what was paid, in euro cents."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

LEDGER_KINDS = ("charge", "payment", "credit")


class RentLedgerEntry(SQLModel, table=True):
    """One ledger line. Charges are positive, payments and credits reduce the balance."""

    __tablename__ = "rent_ledger_entry"

    id: int | None = Field(default=None, primary_key=True)
    lease_id: int = Field(foreign_key="lease.id", index=True)
    kind: str = Field(max_length=16)
    booked_on: dt.date
    due_on: dt.date | None = None
    amount_cents: int
    description: str = Field(default="", max_length=200)
