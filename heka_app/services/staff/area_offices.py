"""Which area offices each area-office handler covers: the inbox shows an area-office
handler only the threads of its offices' properties (services/messages/access.py), so an
administrator keeps this list. A handler with no office sees no threads."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, col, delete, select

from heka_app.i18n import N_
from heka_app.models import UserAccount
from heka_app.models.messages import StaffAreaOffice
from heka_app.models.places import AreaOffice
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.common.results import FormResult, NotFound
from heka_app.services.messages.routing import AREA_OFFICE
from heka_app.services.staff.permissions import ASSIGN_OFFICES

UNKNOWN_OFFICE = N_("Choose offices from the list.")
MAX_OFFICES = 100  # more than Heka has; caps what a crafted form can make us read


@dataclasses.dataclass(frozen=True)
class Office:
    """An area office as a choice."""

    id: int
    code: str
    name: str


@dataclasses.dataclass(frozen=True)
class Handler:
    """An area-office staff member and the offices they cover."""

    account_id: int
    name: str
    email: str
    office_ids: list[int]


@dataclasses.dataclass(frozen=True)
class OfficeBoard:
    """Every area office and every active area-office handler."""

    offices: list[Office]
    handlers: list[Handler]


def office_board(*, session: Session, actor: Actor) -> OfficeBoard:
    """The offices and the area-office handlers with their offices (admin only)."""
    require(actor, ASSIGN_OFFICES)
    offices = session.exec(select(AreaOffice).order_by(col(AreaOffice.name))).all()
    accounts = session.exec(
        select(UserAccount)
        .where(UserAccount.role == AREA_OFFICE, col(UserAccount.is_active).is_(True))
        .order_by(col(UserAccount.display_name), col(UserAccount.id))
    ).all()
    covered: dict[int, list[int]] = {}
    for account_id, office_id in session.exec(
        select(StaffAreaOffice.account_id, StaffAreaOffice.area_office_id)
    ).all():
        covered.setdefault(account_id, []).append(office_id)
    return OfficeBoard(
        offices=[Office(o.id or 0, o.code, o.name) for o in offices],
        handlers=[
            Handler(a.id or 0, a.display_name, a.email, sorted(covered.get(a.id or 0, [])))
            for a in accounts
        ],
    )


def _handler(session: Session, account_id: object) -> UserAccount:
    if not isinstance(account_id, int) or isinstance(account_id, bool):
        raise NotFound("handler")
    account = session.get(UserAccount, account_id) if 0 < account_id < 2**63 else None
    if account is None or account.role != AREA_OFFICE or not account.is_active:
        raise NotFound("handler")
    return account


def set_offices(
    *, session: Session, actor: Actor, now: dt.datetime, account_id: int, office_ids: list[int]
) -> FormResult:
    """Make ``office_ids`` exactly the offices the handler ``account_id`` covers.

    Raises:
        NotFound: No active area-office handler ``account_id``.
    """
    require(actor, ASSIGN_OFFICES)
    _handler(session, account_id)
    wanted = {i for i in office_ids[:MAX_OFFICES] if isinstance(i, int) and not isinstance(i, bool)}
    if len(wanted) != len(office_ids) or any(not 0 < i < 2**63 for i in wanted):
        return FormResult.refused(UNKNOWN_OFFICE)
    known = set(session.exec(select(AreaOffice.id).where(col(AreaOffice.id).in_(wanted))).all())
    if known != wanted:
        return FormResult.refused(UNKNOWN_OFFICE)
    session.exec(
        delete(StaffAreaOffice).where(
            col(StaffAreaOffice.account_id) == account_id,
            col(StaffAreaOffice.area_office_id).not_in(wanted),
        )
    )
    have = set(
        session.exec(
            select(StaffAreaOffice.area_office_id).where(StaffAreaOffice.account_id == account_id)
        ).all()
    )
    for office_id in sorted(wanted - have):
        session.add(StaffAreaOffice(account_id=account_id, area_office_id=office_id))
    return FormResult.done()
