"""Leases and the people on them, as imported from Heka's resident register (ERP)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel, UniqueConstraint

RESIDENT_ROLES = ("primary", "co_resident")
CHARGE_KINDS = ("rent", "water", "sauna", "parking", "other")


class Person(SQLModel, table=True):
    """A person in the resident register. The identity code never leaves the server."""

    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    identity_code: str = Field(unique=True, max_length=11)
    first_name: str = Field(max_length=80)
    last_name: str = Field(max_length=80)
    birth_date: dt.date


class Lease(SQLModel, table=True):
    """A lease of one apartment. ``ends_on`` is the fixed-term end or termination date."""

    __tablename__ = "lease"

    id: int | None = Field(default=None, primary_key=True)
    contract_number: str = Field(unique=True, max_length=32)
    apartment_id: int = Field(foreign_key="apartment.id", index=True)
    signed_on: dt.date
    starts_on: dt.date
    ends_on: dt.date | None = None
    # Domestic reference (viitenumero) fixed for the lease's whole life.
    payment_reference: str = Field(unique=True, max_length=20)


class LeaseCharge(SQLModel, table=True):
    """One monthly charge of a lease (rent, water, sauna...), in euro cents."""

    __tablename__ = "lease_charge"
    __table_args__ = (UniqueConstraint("lease_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    lease_id: int = Field(foreign_key="lease.id", index=True)
    kind: str = Field(max_length=16)
    amount_cents: int


class LeaseResident(SQLModel, table=True):
    """A person living under a lease: primary tenant (signatory/spouse) or co-resident."""

    __tablename__ = "lease_resident"
    __table_args__ = (UniqueConstraint("lease_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    lease_id: int = Field(foreign_key="lease.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    role: str = Field(max_length=16)
    moved_in_on: dt.date
    moved_out_on: dt.date | None = None
