"""What the report form shows before anything is typed: the property's 24-hour emergency
number and whether the form is open to the actor."""

from __future__ import annotations

from sqlmodel import Session, col, select

from heka_app.models import Apartment, Building, Property
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.faults.permissions import REPORT


def emergency_phone(*, session: Session, actor: Actor) -> str:
    """The 24-hour emergency number of the actor's property ("" if none is known)."""
    require(actor, REPORT)
    phone = session.exec(
        select(Property.emergency_phone)
        .join(Building, col(Building.property_id) == col(Property.id))
        .join(Apartment, col(Apartment.building_id) == col(Building.id))
        .where(Apartment.id == actor.apartment_id)
    ).first()
    return phone or ""
