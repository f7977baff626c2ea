"""A lease with a ledger written month by month, and the actors who look at it."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from heka_app.models import LeaseCharge, RentLedgerEntry, UserAccount
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.rent.ledger import add_months


def charge(session: Session, lease_id: int, month: dt.date, cents: int, kind: str = "rent"):
    """A charge for ``month`` due on its 2nd, booked on its 1st."""
    entry = RentLedgerEntry(
        lease_id=lease_id,
        kind="charge",
        charge_kind=kind,
        period=month,
        booked_on=month,
        due_on=month.replace(day=2),
        amount_cents=cents,
    )
    session.add(entry)
    session.flush()
    return entry


def pay(session: Session, lease_id: int, day: dt.date, cents: int, kind: str = "payment"):
    """A payment (or credit) of ``cents`` on ``day``."""
    entry = RentLedgerEntry(lease_id=lease_id, kind=kind, booked_on=day, amount_cents=-cents)
    session.add(entry)
    session.flush()
    return entry


def monthly(session: Session, lease_id: int, first: dt.date, months: int, cents: int, paid=True):
    """``months`` months of rent from ``first``, each paid on the 2nd if ``paid``."""
    session.add(LeaseCharge(lease_id=lease_id, kind="rent", amount_cents=cents))
    for n in range(months):
        month = add_months(first, n)
        charge(session, lease_id, month, cents)
        if paid:
            pay(session, lease_id, month.replace(day=2), cents)
    session.flush()


def actor(session: Session, account_id: int, now: dt.datetime):
    """The actor of an account on ``now``."""
    account = session.get_one(UserAccount, account_id)
    return actor_for_account(session=session, account=account, now=now)
