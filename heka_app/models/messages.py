"""Threads between a household and Heka: messages by topic and service requests (a
thread with a ``request_type``), their lines, attachments, read marks, the area offices a
staff member handles, and payment plans agreed by rent monitoring."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel, UniqueConstraint

THREAD_STATUSES = ("sent", "in_handling", "decided", "done", "rejected")


class MessageThread(SQLModel, table=True):
    """One conversation of a lease's household with Heka. ``submission_id`` stops double
    submits; ``queue`` and ``area_office_id`` route it; ``version`` is polled by open pages."""

    __tablename__ = "message_thread"

    id: int | None = Field(default=None, primary_key=True)
    submission_id: str = Field(unique=True, max_length=64)
    lease_id: int = Field(foreign_key="lease.id", index=True)
    area_office_id: int | None = Field(default=None, foreign_key="area_office.id", index=True)
    started_by_person_id: int | None = Field(default=None, foreign_key="person.id")
    started_by_account_id: int | None = Field(default=None, foreign_key="user_account.id")
    topic: str = Field(max_length=24, index=True)  # general | feedback | ... | request
    request_type: str = Field(default="", max_length=32, index=True)
    request_data: str = Field(default="", max_length=8000)  # JSON of the checked fields
    subject: str = Field(max_length=200)
    queue: str = Field(max_length=24, index=True)
    status: str = Field(default="sent", max_length=16, index=True)
    decision: str = Field(default="", max_length=2000)
    assigned_to_id: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1


class ThreadMessage(SQLModel, table=True):
    """A line of a thread: a message, a status change or an internal note.

    ``public`` False (internal notes) never reaches a tenant.
    """

    __tablename__ = "thread_message"

    id: int | None = Field(default=None, primary_key=True)
    thread_id: int = Field(foreign_key="message_thread.id", index=True)
    kind: str = Field(max_length=16)  # message | status | note
    text: str = Field(default="", max_length=4000)
    old_status: str = Field(default="", max_length=16)
    new_status: str = Field(default="", max_length=16)
    public: bool = True
    by_staff: bool = False
    author_account_id: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: dt.datetime


class ThreadAttachment(SQLModel, table=True):
    """A photo or PDF of a message, stored by the upload pipeline under ``token``."""

    __tablename__ = "thread_attachment"

    id: int | None = Field(default=None, primary_key=True)
    thread_id: int = Field(foreign_key="message_thread.id", index=True)
    message_id: int = Field(foreign_key="thread_message.id", index=True)
    token: str = Field(unique=True, max_length=64)
    kind: str = Field(default="photo", max_length=8)  # photo | pdf
    size_bytes: int = 0
    uploaded_by_account_id: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: dt.datetime


class ThreadRead(SQLModel, table=True):
    """How far an account has read a thread (the newest public line it has seen)."""

    __tablename__ = "thread_read"
    __table_args__ = (UniqueConstraint("thread_id", "account_id"),)

    id: int | None = Field(default=None, primary_key=True)
    thread_id: int = Field(foreign_key="message_thread.id", index=True)
    account_id: int = Field(foreign_key="user_account.id", index=True)
    last_read_message_id: int = 0


class StaffAreaOffice(SQLModel, table=True):
    """An area-office staff member handles the threads of this office's properties."""

    __tablename__ = "staff_area_office"
    __table_args__ = (UniqueConstraint("account_id", "area_office_id"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="user_account.id", index=True)
    area_office_id: int = Field(foreign_key="area_office.id")


class PaymentPlan(SQLModel, table=True):
    """A payment plan rent monitoring agreed for a lease; the newest active one shows on
    the tenant's rent page."""

    __tablename__ = "payment_plan"

    id: int | None = Field(default=None, primary_key=True)
    lease_id: int = Field(foreign_key="lease.id", index=True)
    thread_id: int | None = Field(default=None, foreign_key="message_thread.id")
    recorded_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: dt.datetime
    active: bool = True


class PaymentPlanInstalment(SQLModel, table=True):
    """One due date and amount (euro cents) of a payment plan."""

    __tablename__ = "payment_plan_instalment"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="payment_plan.id", index=True)
    due_on: dt.date
    amount_cents: int
