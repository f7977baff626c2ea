"""Portal user accounts and their server-side login sessions."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

TENANT_ROLE = "tenant"
STAFF_ROLES = (
    "customer_service",
    "maintenance",
    "rent_monitoring",
    "content_editor",
    "area_office",
    "admin",
)


class UserAccount(SQLModel, table=True):
    """A login. Tenants link to a register person; staff accounts have a staff role."""

    __tablename__ = "user_account"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True, max_length=254)
    password_hash: str = Field(max_length=255)
    language: str = Field(default="fi", max_length=2)
    person_id: int | None = Field(default=None, foreign_key="person.id", unique=True)
    role: str = Field(default=TENANT_ROLE, max_length=32)
    display_name: str = Field(default="", max_length=120)
    email_verified_at: dt.datetime | None = None
    created_at: dt.datetime
    is_active: bool = True


class LoginSession(SQLModel, table=True):
    """A server-side session. Only the SHA-256 of its random secret is stored."""

    __tablename__ = "login_session"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="user_account.id", index=True)
    secret_hash: str = Field(unique=True, max_length=64)
    created_at: dt.datetime
    last_seen_at: dt.datetime
    ended_at: dt.datetime | None = None
