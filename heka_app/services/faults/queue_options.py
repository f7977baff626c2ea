"""Choices of the maintenance queue's filters: area offices and properties by name."""

from __future__ import annotations

from sqlmodel import Session, col, select

from heka_app.models import AreaOffice, Property
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.faults.permissions import HANDLE


def filter_options(*, session: Session, actor: Actor) -> dict[str, list[dict[str, str]]]:
    """``{"offices": [{"id", "name"}], "properties": [{"id", "name"}]}`` for the filters."""
    require(actor, HANDLE)
    offices = session.exec(select(AreaOffice).order_by(col(AreaOffice.name))).all()
    properties = session.exec(select(Property).order_by(col(Property.name))).all()
    return {
        "offices": [{"id": str(o.id), "name": o.name} for o in offices],
        "properties": [
            {"id": str(p.id), "name": f"{p.name} ({p.street_address})"} for p in properties
        ],
    }
