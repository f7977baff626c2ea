"""The audit log of a user's own detail changes: written with each change, read by the
user (in the data export) and by customer service / area office staff.

Staff find a resident by name or email and open the history; the state keeps the account
ids on the server and the browser sees only row numbers of the result (like the rent
tool's contract numbers), so no internal id leaves the server.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, col, func, or_, select

from heka_app.i18n import LANGUAGE_NAMES, N_
from heka_app.i18n.formatting import format_date
from heka_app.models import AccountChange, Person, UserAccount
from heka_app.models.accounts import TENANT_ROLE
from heka_app.services.accounts.permissions import VIEW_CHANGES
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.common.clock import HELSINKI

# What a history line says (msgids, translated in the browser); values as stored otherwise.
ITEM_LABELS = {
    "phone": N_("Phone number"),
    "refund_iban": N_("Bank account for refunds"),
    "language": N_("Preferred language"),
    "notify:fault_status": N_("Email when my fault report is updated"),
    "notify:replies": N_("Email when Heka answers my message"),
    "notify:news_my_building": N_("Email about news for my building"),
}
VALUE_LABELS = {"on": N_("Email on"), "off": N_("Email off"), **LANGUAGE_NAMES}
MIN_SEARCH_CHARACTERS = 3
SEARCH_LIMIT = 20
HISTORY_LIMIT = 200


def record_change(
    session: Session, *, account_id: int, item: str, old: str, new: str, now: dt.datetime
) -> None:
    """Write one change by the account's owner (nothing when the value did not change)."""
    if old == new:
        return
    session.add(
        AccountChange(
            account_id=account_id,
            changed_by_id=account_id,
            item=item[:40],
            old_value=old[:64],
            new_value=new[:64],
            occurred_at=now,
        )
    )


@dataclasses.dataclass(frozen=True)
class ResidentHit:
    """A resident account found by staff (``account_id`` stays on the server)."""

    account_id: int
    name: str
    email: str


def find_residents(*, session: Session, actor: Actor, text: str) -> list[ResidentHit]:
    """Tenant accounts whose name or email contains ``text`` (at least 3 letters or digits;
    wildcards taken literally)."""
    require(actor, VIEW_CHANGES)
    needle = (text or "").strip()[:100]
    if sum(ch.isalnum() for ch in needle) < MIN_SEARCH_CHARACTERS:
        return []
    pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    full_name = Person.first_name + " " + Person.last_name
    rows = session.exec(
        select(UserAccount.id, UserAccount.email, Person.first_name, Person.last_name)
        .join(Person, col(Person.id) == UserAccount.person_id)
        .where(UserAccount.role == TENANT_ROLE)
        .where(
            or_(
                func.lower(UserAccount.email).like(pattern.lower(), escape="\\"),
                func.lower(full_name).like(pattern.lower(), escape="\\"),
            )
        )
        .order_by(col(Person.last_name), col(Person.first_name))
        .limit(SEARCH_LIMIT)
    ).all()
    return [ResidentHit(row[0] or 0, f"{row[2]} {row[3]}", row[1]) for row in rows]


@dataclasses.dataclass(frozen=True)
class ChangeRow:
    """One history line for a screen or the export."""

    when: str
    item: str
    old: str
    new: str


def _rows(session: Session, account_id: int, language: str) -> list[ChangeRow]:
    changes = session.exec(
        select(AccountChange)
        .where(AccountChange.account_id == account_id)
        .order_by(col(AccountChange.occurred_at).desc(), col(AccountChange.id).desc())
        .limit(HISTORY_LIMIT)
    ).all()
    return [
        ChangeRow(
            when=_when(change.occurred_at, language),
            item=ITEM_LABELS.get(change.item, change.item),
            old=VALUE_LABELS.get(change.old_value, change.old_value),
            new=VALUE_LABELS.get(change.new_value, change.new_value),
        )
        for change in changes
    ]


def _when(moment: dt.datetime, language: str) -> str:
    local = (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(HELSINKI)
    return f"{format_date(local.date(), language, 'medium')} {local:%H:%M}"


def history_of(
    *, session: Session, actor: Actor, account_id: int, language: str
) -> list[ChangeRow]:
    """The change history of resident ``account_id``, newest first (staff)."""
    require(actor, VIEW_CHANGES)
    return _rows(session, account_id, language)


def own_history(session: Session, account_id: int) -> list[dict[str, str]]:
    """The account's own history for its data export (ISO times, UTC)."""
    changes = session.exec(
        select(AccountChange)
        .where(AccountChange.account_id == account_id)
        .order_by(col(AccountChange.occurred_at), col(AccountChange.id))
    ).all()
    return [
        {
            "at": c.occurred_at.isoformat(),
            "item": c.item,
            "old": c.old_value,
            "new": c.new_value,
        }
        for c in changes
    ]
