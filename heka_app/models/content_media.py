"""An article's lead image and PDF attachments: files stored by the upload pipeline under
random tokens, served by ``/_files/content/`` to exactly the readers of the article."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

ALT_MAX = 250  # characters of image alt text per language
ATTACHMENT_NAME_MAX = 120


class ArticleImage(SQLModel, table=True):
    """The one lead image of an article, with its alt text per language (Finnish always)."""

    __tablename__ = "article_image"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", unique=True)
    token: str = Field(unique=True, max_length=64)
    width: int
    height: int
    size_bytes: int = 0
    alt_fi: str = Field(max_length=ALT_MAX)
    alt_sv: str = Field(default="", max_length=ALT_MAX)
    alt_en: str = Field(default="", max_length=ALT_MAX)
    created_at: dt.datetime


class ArticleAttachment(SQLModel, table=True):
    """A PDF attached to an article, shown by its file name and size."""

    __tablename__ = "article_attachment"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    token: str = Field(unique=True, max_length=64)
    name: str = Field(max_length=ATTACHMENT_NAME_MAX)
    size_bytes: int = 0
    created_at: dt.datetime
