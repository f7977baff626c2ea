"""Rent ledger: what a lease was charged and what was paid, in euro cents."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

LEDGER_KINDS = ("charge", "payment", "credit")
# What a charge is for; "interest" is late-payment interest (korkolasku).
LEDGER_CHARGE_KINDS = ("rent", "water", "sauna", "parking", "interest", "other")


class RentLedgerEntry(SQLModel, table=True):
    """One ledger line. Charges are positive, payments and credits reduce the balance.

    ``erp_row_id`` is the ERP's id of the row (None for rows not from the ERP import), so
    importing the same export twice changes nothing and a corrected row updates.
    """

    __tablename__ = "rent_ledger_entry"
    # The overview reads one lease by date; amount_cents in the index makes the balance
    # sums index-only (benchmarks/rent_overview.py).
    __table_args__ = (
        Index("ix_rent_ledger_lease_booked", "lease_id", "booked_on", "amount_cents"),
        UniqueConstraint("erp_row_id", name="uq_rent_ledger_entry_erp_row_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    lease_id: int = Field(foreign_key="lease.id", index=True)
    kind: str = Field(max_length=16)
    booked_on: dt.date
    due_on: dt.date | None = None
    amount_cents: int
    description: str = Field(default="", max_length=200)
    erp_row_id: str | None = Field(default=None, max_length=40)
    charge_kind: str | None = Field(default=None, max_length=16)
    period: dt.date | None = None  # first day of the month a charge is for
    reference: str = Field(default="", max_length=20)
    payer: str = Field(default="", max_length=120)
