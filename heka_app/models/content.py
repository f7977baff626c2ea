"""News and instructions, stored per language (Finnish always present), and who read what."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel, UniqueConstraint

CONTENT_KINDS = ("news", "instruction")
# Who an article is for: every visitor (also the public landing), the residents of one
# area office's properties, or the residents of one property. Staff see every article.
AUDIENCES = ("everyone", "area", "property")
# A draft is seen only in the editor; "published" items show from published_at until
# expires_at (both may lie in the future: scheduling).
ARTICLE_STATES = ("draft", "published")


class Article(SQLModel, table=True):
    """A news item or instruction and its audience and schedule."""

    __tablename__ = "article"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, max_length=120)
    kind: str = Field(max_length=16)
    state: str = Field(default="published", max_length=16)
    audience: str = Field(default="everyone", max_length=16)
    published_at: dt.datetime = Field(index=True)
    expires_at: dt.datetime | None = None
    property_id: int | None = Field(default=None, foreign_key="property.id", index=True)
    area_office_id: int | None = Field(default=None, foreign_key="area_office.id", index=True)
    updated_at: dt.datetime | None = None
    updated_by_id: int | None = Field(default=None, foreign_key="user_account.id")


class ArticleTranslation(SQLModel, table=True):
    """One language version of an article; the body is Markdown (rendered and sanitized)."""

    __tablename__ = "article_translation"
    __table_args__ = (UniqueConstraint("article_id", "language"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    language: str = Field(max_length=2)
    title: str = Field(max_length=200)
    summary: str = Field(default="", max_length=500)
    body: str = Field(max_length=20000)


class ArticleRead(SQLModel, table=True):
    """A signed-in user opened an article: what the unread markers leave out."""

    __tablename__ = "article_read"
    __table_args__ = (UniqueConstraint("account_id", "article_id"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="user_account.id", index=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    read_at: dt.datetime


class ContentAuditEntry(SQLModel, table=True):
    """Every editor change: who, when, what (``action``) and a short human summary."""

    __tablename__ = "content_audit"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    account_id: int | None = Field(default=None, foreign_key="user_account.id")
    action: str = Field(max_length=32)
    summary: str = Field(default="", max_length=500)
    at: dt.datetime
