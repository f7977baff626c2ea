"""News and instructions, stored per language (Finnish always present)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel, UniqueConstraint

CONTENT_KINDS = ("news", "instruction")


class Article(SQLModel, table=True):
    """A news item or instruction; ``property_id`` None means for all tenants."""

    __tablename__ = "article"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, max_length=120)
    kind: str = Field(max_length=16)
    published_at: dt.datetime
    property_id: int | None = Field(default=None, foreign_key="property.id", index=True)


class ArticleTranslation(SQLModel, table=True):
    """One language version of an article."""

    __tablename__ = "article_translation"
    __table_args__ = (UniqueConstraint("article_id", "language"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    language: str = Field(max_length=2)
    title: str = Field(max_length=200)
    summary: str = Field(default="", max_length=500)
    body: str = Field(max_length=20000)
