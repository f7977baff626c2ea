"""Area offices for the public pages (footer, contact lists)."""

from __future__ import annotations

import dataclasses

from sqlmodel import Session, select

from heka_app.i18n.formatting import format_opening_hours
from heka_app.models import AreaOffice
from heka_app.services.common.localized import localized


@dataclasses.dataclass(frozen=True)
class AreaOfficeView:
    """An office as shown to anyone; opening hours pre-formatted in every language."""

    name: str
    address: str
    phone: str
    email: str
    hours: dict[str, str]


def _hours(spec: str) -> dict[str, str]:
    """Opening hours ``spec`` formatted in every UI language."""
    return localized(lambda lang: ", ".join(format_opening_hours(spec, lang)))


def list_area_offices(*, session: Session) -> tuple[AreaOfficeView, ...]:
    """All area offices by name. Public information: no actor needed."""
    offices = session.exec(select(AreaOffice).order_by(AreaOffice.name)).all()
    return tuple(
        AreaOfficeView(
            name=office.name,
            address=f"{office.street_address}, {office.postal_code} {office.city}",
            phone=office.phone,
            email=office.email,
            hours=_hours(office.opening_hours),
        )
        for office in offices
    )
