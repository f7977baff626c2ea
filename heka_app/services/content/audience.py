"""Which articles a reader may see: audience (everyone / area / property) and schedule."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

from sqlalchemy import ColumnElement, and_, bindparam, false, or_, true
from sqlmodel import Session, col, select

from heka_app.models import Apartment, Article, Building, Property
from heka_app.services.auth.actor import Actor


@dataclasses.dataclass(frozen=True)
class Reader:
    """Where the reader lives; staff and editors see every audience."""

    sees_all: bool = False
    property_id: int | None = None
    area_office_id: int | None = None


PUBLIC = Reader()


def reader_for(session: Session, actor: Actor) -> Reader:
    """The :class:`Reader` for ``actor`` (anonymous: public items only).

    Remembered for the database session: the front page's news item asks twice in one
    transaction (the unread count and the list), and each ask cost a query (issue 15)."""
    sees_all, apartment_id = reader_place(actor)
    if sees_all:
        return Reader(sees_all=True)
    if apartment_id is None:
        return PUBLIC
    known: dict[int, Reader] = session.info.setdefault("content.readers", {})
    if apartment_id not in known:
        known[apartment_id] = _reader_of_apartment(session, apartment_id)
    return known[apartment_id]


def reader_place(actor: Actor) -> tuple[bool, int | None]:
    """Whether ``actor`` sees every audience (staff), else the apartment whose property
    and area office decide what they see (None: public items only)."""
    if actor.is_staff:
        return True, None
    return False, actor.apartment_id


# The property and area office of the apartment ``apartment_id`` (a bound parameter).
# Built once (the front page and the news list ask on every load: issue 15).
PLACE_OF_APARTMENT = (
    select(col(Property.id), col(Property.area_office_id))
    .join(Building, col(Building.property_id) == col(Property.id))
    .join(Apartment, col(Apartment.building_id) == col(Building.id))
    .where(col(Apartment.id) == bindparam("apartment_id"))
)


def _reader_of_apartment(session: Session, apartment_id: int) -> Reader:
    params = {"apartment_id": apartment_id}
    row = session.connection().execute(PLACE_OF_APARTMENT, params).first()
    if row is None:
        return PUBLIC
    return Reader(property_id=row[0], area_office_id=row[1])


# A service asks with the same reader and moment more than once (the front page's unread
# count and list); building the condition costs ~0.4 ms, and it is immutable: shared.
@functools.lru_cache(maxsize=64)
def visible_to(reader: Reader, now: dt.datetime) -> ColumnElement[bool]:
    """SQL condition: published, in its time window, and meant for ``reader``."""
    live = and_(
        col(Article.state) == "published",
        col(Article.published_at) <= now,
        or_(col(Article.expires_at).is_(None), col(Article.expires_at) > now),
    )
    if reader.sees_all:
        return and_(live, true())
    audience = [col(Article.audience) == "everyone"]
    if reader.property_id is not None:
        audience.append(
            and_(
                col(Article.audience) == "property", col(Article.property_id) == reader.property_id
            )
        )
    if reader.area_office_id is not None:
        audience.append(
            and_(
                col(Article.audience) == "area",
                col(Article.area_office_id) == reader.area_office_id,
            )
        )
    return and_(live, or_(*audience) if audience else false())
