"""Front-page items of the fault domain: the household's open reports and their status,
and a finished report still waiting for "was it fixed?"."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from heka_app import routes
from heka_app.i18n import N_
from heka_app.i18n.catalogs import gettext
from heka_app.i18n.formatting import format_date
from heka_app.models.faults import FaultReport
from heka_app.services.auth.actor import Actor
from heka_app.services.faults.reports import number_of
from heka_app.services.faults.transitions import DONE, OPEN, STATUS_LABELS
from heka_app.services.housing.attention_item import AttentionItem

SHOWN = 3
FEEDBACK_DAYS = 14
OPEN_ITEM = N_("Fault report {number}: {status}")
FEEDBACK_ITEM = N_("Fault report {number} is done: was it fixed?")
UPDATED = N_("Updated {date}")

# Built once, executed with the household and moment bound (every front-page load: issue
# 15, building the two statements cost more than running them). Only the four columns the
# items show, as plain rows: loading whole FaultReport objects was most of the work.
_HOUSEHOLD = col(FaultReport.apartment_id) == bindparam("apartment_id")
_COLUMNS = (
    col(FaultReport.id),
    col(FaultReport.created_at),
    col(FaultReport.status),
    col(FaultReport.updated_at),
)
_OPEN_REPORTS = (
    select(*_COLUMNS)
    .where(_HOUSEHOLD, col(FaultReport.status).in_(OPEN))
    .order_by(col(FaultReport.updated_at).desc())
    .limit(SHOWN)
)
_DONE_WITHOUT_FEEDBACK = (
    select(*_COLUMNS)
    .where(_HOUSEHOLD, col(FaultReport.status) == DONE)
    .where(col(FaultReport.updated_at) >= bindparam("since"))
    .where(col(FaultReport.fixed).is_(None))
    .order_by(col(FaultReport.updated_at).desc())
    .limit(SHOWN)
)


def faults_attention(
    session: Session, actor: Actor, now: dt.datetime, language: str
) -> list[AttentionItem]:
    """Up to three open reports (newest change first) and recently finished ones without
    feedback."""
    params = {
        "apartment_id": actor.apartment_id,
        "since": now - dt.timedelta(days=FEEDBACK_DAYS),
    }
    connection = session.connection()
    open_reports = connection.execute(_OPEN_REPORTS, params).all()
    done = connection.execute(_DONE_WITHOUT_FEEDBACK, params).all()
    items = [
        AttentionItem(
            kind="fault",
            tone="warning",
            title=gettext(language, FEEDBACK_ITEM, number=number_of(report.id, report.created_at)),
            detail="",
            href=routes.fault_detail(report.id),
        )
        for report in done
    ]
    items += [
        AttentionItem(
            kind="fault",
            tone="info",
            title=gettext(
                language,
                OPEN_ITEM,
                number=number_of(report.id, report.created_at),
                status=gettext(language, STATUS_LABELS.get(report.status, report.status)),
            ),
            detail=gettext(language, UPDATED, date=format_date(report.updated_at.date(), language)),
            href=routes.fault_detail(report.id),
        )
        for report in open_reports
    ]
    return items
