"""What a user keeps on their own account beyond the login (phone, refund account) and
the audit log of every change to it, which staff can read."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel


class AccountContact(SQLModel, table=True):
    """The account's phone (E.164, e.g. ``+358401234567``) and refund IBAN (compact,
    upper case). One row per account, made at the first change."""

    __tablename__ = "account_contact"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="user_account.id", unique=True)
    phone: str = Field(default="", max_length=16)
    refund_iban: str = Field(default="", max_length=34)
    updated_at: dt.datetime


class AccountChange(SQLModel, table=True):
    """One change a user made to their own details: which ``item`` (``phone``,
    ``refund_iban``, ``language``, ``notify:<kind>``), the value before and after (an IBAN
    masked to its last four characters), when, and who made it."""

    __tablename__ = "account_change"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="user_account.id", index=True)
    changed_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    item: str = Field(max_length=40)
    old_value: str = Field(default="", max_length=64)
    new_value: str = Field(default="", max_length=64)
    occurred_at: dt.datetime = Field(index=True)
