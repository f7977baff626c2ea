"""Front-page item of the rent domain (primary tenants): overdue, due soon, or paid up."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from heka_app import routes
from heka_app.i18n import N_
from heka_app.i18n.catalogs import gettext
from heka_app.i18n.formatting import format_date, format_money
from heka_app.services.auth.actor import Actor
from heka_app.services.common.clock import helsinki_today
from heka_app.services.housing.attention_item import AttentionItem
from heka_app.services.rent.ledger import next_due, open_items, summary

DUE_SOON_DAYS = 7
OVERDUE = N_("Rent overdue: {amount}")
OVERDUE_SINCE = N_("Oldest unpaid since {date}")
DUE_SOON = N_("Rent {amount} is due on {date}")
PAID_UP = N_("Your rent is paid up")
NEXT = N_("Next payment {amount} on {date}")


def rent_attention(
    session: Session, actor: Actor, now: dt.datetime, language: str
) -> list[AttentionItem]:
    """One line: debt overdue (danger), a payment due within a week (warning), or paid up."""
    if actor.lease_id is None:
        return []
    today = helsinki_today(now)
    # One statement for the balance, the newest charge and the monthly charges (issue 15:
    # the front page reads this on every visit); the open charges only when there is debt.
    known = summary(session, actor.lease_id, on=today)
    balance = known.balance_cents
    items = open_items(session, actor.lease_id, on=today, balance=balance)
    overdue = [item for item in items if item.due_on < today]
    if overdue:
        owed = sum(item.open_cents for item in overdue)
        oldest = min(item.due_on for item in overdue)
        return [
            AttentionItem(
                kind="rent",
                tone="danger",
                title=gettext(language, OVERDUE, amount=format_money(owed, language)),
                detail=gettext(language, OVERDUE_SINCE, date=format_date(oldest, language)),
                href=routes.RENT,
            )
        ]
    due = next_due(session, actor.lease_id, today=today, balance=balance, items=items, known=known)
    if due is not None and due.cents > 0 and (due.due_on - today).days <= DUE_SOON_DAYS:
        amount, day = format_money(due.cents, language), format_date(due.due_on, language)
        return [
            AttentionItem(
                kind="rent",
                tone="warning",
                title=gettext(language, DUE_SOON, amount=amount, date=day),
                detail="",
                href=routes.RENT,
            )
        ]
    detail = ""
    if due is not None and due.cents > 0:
        amount, day = format_money(due.cents, language), format_date(due.due_on, language)
        detail = gettext(language, NEXT, amount=amount, date=day)
    return [
        AttentionItem(
            kind="rent",
            tone="success",
            title=gettext(language, PAID_UP),
            detail=detail,
            href=routes.RENT,
        )
    ]
