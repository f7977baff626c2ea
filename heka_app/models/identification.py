"""Server-side records of the registration flow: area-office codes, OpenID Connect
attempts, identified-but-not-yet-registered tickets, and used one-time tokens."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel


class RegistrationCode(SQLModel, table=True):
    """A one-time code issued at an area office after an ID check. Only its hash is kept."""

    __tablename__ = "registration_code"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    code_hash: str = Field(unique=True, max_length=64)
    issued_by_id: int = Field(foreign_key="user_account.id")
    created_at: dt.datetime
    expires_at: dt.datetime
    used_at: dt.datetime | None = None
    failed_attempts: int = 0


class OidcAttempt(SQLModel, table=True):
    """State, nonce and PKCE verifier between the redirect to the broker and the callback."""

    __tablename__ = "oidc_attempt"

    id: int | None = Field(default=None, primary_key=True)
    state_hash: str = Field(unique=True, max_length=64)
    nonce: str = Field(max_length=128)
    code_verifier: str = Field(max_length=128)
    redirect_uri: str = Field(max_length=300)
    created_at: dt.datetime
    used_at: dt.datetime | None = None


class RegistrationTicket(SQLModel, table=True):
    """A person identified (strongly or at an office) who may now choose email/password."""

    __tablename__ = "registration_ticket"

    id: int | None = Field(default=None, primary_key=True)
    secret_hash: str = Field(unique=True, max_length=64)
    person_id: int = Field(foreign_key="person.id", index=True)
    method: str = Field(max_length=16)
    created_at: dt.datetime
    expires_at: dt.datetime
    used_at: dt.datetime | None = None


class UsedToken(SQLModel, table=True):
    """The jti of a signed one-time link once used (email verification, password reset)."""

    __tablename__ = "used_token"

    id: int | None = Field(default=None, primary_key=True)
    jti: str = Field(unique=True, max_length=64)
    used_at: dt.datetime
