"""What a user wants to be told by email, per kind of notification."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel, UniqueConstraint


class NotificationPreference(SQLModel, table=True):
    """One account's choice for one kind (e.g. ``news_my_building``); no row: the kind's
    default."""

    __tablename__ = "notification_preference"
    __table_args__ = (UniqueConstraint("account_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="user_account.id", index=True)
    kind: str = Field(max_length=32)
    email: bool = False
    updated_at: dt.datetime
