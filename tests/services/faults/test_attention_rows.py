"""The front page's fault items read four columns as plain rows (issue 15, round 4); the
items are those the whole-FaultReport reads gave (kept below as the reference), for every
household account, with open, finished, answered, old and a neighbour's reports."""

from __future__ import annotations

import datetime as dt

from sqlmodel import col, select

from heka_app import routes
from heka_app.i18n.catalogs import gettext
from heka_app.i18n.formatting import format_date
from heka_app.models import UserAccount
from heka_app.models.faults import FaultReport
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.faults import attention
from heka_app.services.faults.reports import report_number
from heka_app.services.faults.transitions import DONE, OPEN, STATUS_LABELS
from heka_app.services.housing.attention_item import AttentionItem
from tests.factories import build_world


def _reference(session, actor, now, language):
    """faults_attention as it was: whole FaultReport objects through the ORM."""
    household = col(FaultReport.apartment_id) == actor.apartment_id
    open_reports = session.exec(
        select(FaultReport)
        .where(household, col(FaultReport.status).in_(OPEN))
        .order_by(col(FaultReport.updated_at).desc())
        .limit(attention.SHOWN)
    ).all()
    done = session.exec(
        select(FaultReport)
        .where(household, col(FaultReport.status) == DONE)
        .where(col(FaultReport.updated_at) >= now - dt.timedelta(days=attention.FEEDBACK_DAYS))
        .where(col(FaultReport.fixed).is_(None))
        .order_by(col(FaultReport.updated_at).desc())
        .limit(attention.SHOWN)
    ).all()
    items = [
        AttentionItem("fault", "warning",
                      gettext(language, attention.FEEDBACK_ITEM, number=report_number(r)), "",
                      routes.fault_detail(r.id or 0))
        for r in done
    ]  # fmt: skip
    items += [
        AttentionItem("fault", "info",
                      gettext(language, attention.OPEN_ITEM, number=report_number(r),
                              status=gettext(language, STATUS_LABELS.get(r.status, r.status))),
                      gettext(language, attention.UPDATED,
                              date=format_date(r.updated_at.date(), language)),
                      routes.fault_detail(r.id or 0))
        for r in open_reports
    ]  # fmt: skip
    return items


def _report(session, apartment_id, status, now, days_ago, n, **fields):
    fields.setdefault("created_at", now - dt.timedelta(days=days_ago + 2))
    session.add(
        FaultReport(
            apartment_id=apartment_id, category="plumbing", description="Hana vuotaa",
            status=status, submission_id=f"s-{n}",
            updated_at=now - dt.timedelta(days=days_ago, hours=n),
            **fields,
        )
    )  # fmt: skip
    session.flush()


def test_the_items_are_those_the_orm_reads_gave(session, now):
    world = build_world(session, now)
    home, other = world.apartments["home"], world.apartments["other"]
    statuses = ["received", "assigned", "in_progress", "waiting", "rejected", "cancelled"]
    for n, status in enumerate(statuses):  # four open: one more than shown
        _report(session, home, status, now, n, n)
    _report(session, home, DONE, now, 1, 10)  # waits for "was it fixed?"
    _report(session, home, DONE, now, 2, 11, fixed=False)  # answered
    _report(session, home, DONE, now, 20, 12)  # finished too long ago
    _report(session, home, "waiting", now, 0, 15, created_at=now - dt.timedelta(days=400))
    _report(session, other, "received", now, 0, 13)
    _report(session, other, DONE, now, 0, 14)
    kinds = set()
    for who in ("primary", "co_resident", "neighbour", "upcoming"):
        account = session.get(UserAccount, world.accounts[who])
        actor = actor_for_account(session=session, account=account, now=now)
        for language in ("fi", "sv", "en"):
            items = attention.faults_attention(session, actor, now, language)
            assert items == _reference(session, actor, now, language), (who, language)
            kinds.add((who, len(items)))
    assert kinds == {("primary", 4), ("co_resident", 4), ("neighbour", 2), ("upcoming", 0)}
