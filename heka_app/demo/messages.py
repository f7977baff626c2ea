"""Demo data of the messages domain: the area-office demo account handles the threads of
the demo tenant's area office."""

from __future__ import annotations

from sqlmodel import Session, select

from heka_app.models import UserAccount
from heka_app.models.messages import StaffAreaOffice
from heka_app.services.messages.create import area_office_of_lease


def link_area_office_staff(*, session: Session, apartment_id: int | None) -> None:
    """Every area-office account handles the area office of ``apartment_id``."""
    office = area_office_of_lease(session, apartment_id)
    if office is None:
        return
    for account_id in session.exec(
        select(UserAccount.id).where(UserAccount.role == "area_office")
    ).all():
        session.add(StaffAreaOffice(account_id=account_id or 0, area_office_id=office))
    session.flush()
