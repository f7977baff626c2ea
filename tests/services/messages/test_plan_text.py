"""The rent page's payment plan in one prebuilt statement (issue 15) says what the two ORM
queries it replaced said, kept here as the reference: no plan, a plan, a newer plan
replacing it, a plan without instalments, only inactive plans, another lease's plan."""

from __future__ import annotations

import datetime as dt

from sqlmodel import col, select

from heka_app.i18n.catalogs import gettext
from heka_app.i18n.formatting import format_date, format_money
from heka_app.models import Lease
from heka_app.models.messages import MessageThread, PaymentPlan, PaymentPlanInstalment
from heka_app.services.common.clock import helsinki_today
from heka_app.services.messages import payment_plans, threads
from heka_app.services.messages.payment_plans import PLAN_TITLE, Instalment
from tests.services.messages.conftest import a_message, sid


def _orm_plan_text(session, lease_id, language):
    plan = session.exec(
        select(PaymentPlan)
        .where(PaymentPlan.lease_id == lease_id, col(PaymentPlan.active).is_(True))
        .order_by(col(PaymentPlan.id).desc())
    ).first()
    if plan is None:
        return ""
    rows = session.exec(
        select(PaymentPlanInstalment)
        .where(PaymentPlanInstalment.plan_id == plan.id)
        .order_by(col(PaymentPlanInstalment.due_on))
    ).all()
    lines = [
        f"{format_date(r.due_on, language)}: {format_money(r.amount_cents, language)}" for r in rows
    ]
    return "\n".join([gettext(language, PLAN_TITLE), *lines])


def _same_for_every_lease(session) -> list[str]:
    texts = []
    for lease_id in session.exec(select(Lease.id)).all():
        for language in ("fi", "sv", "en"):
            text = payment_plans.plan_text(session, lease_id, language)
            assert text == _orm_plan_text(session, lease_id, language), (lease_id, language)
            texts.append(text)
    return texts


def _plan(session, staff, now, thread_id, days):
    today = helsinki_today(now)
    rows = [Instalment((today + dt.timedelta(days=d)).isoformat(), f"{d + 100},25") for d in days]
    result = payment_plans.record_plan(
        session=session, actor=staff, now=now, language="fi", thread_id=thread_id, rows=rows
    )
    session.commit()
    assert result.ok, result


def test_the_plan_text_is_the_same_as_the_orm_reads(session, actor, now):
    assert set(_same_for_every_lease(session)) == {""}
    thread_id = threads.send_message(
        session=session, actor=actor("primary"), now=now, submission_id=sid(),
        form=a_message(topic="rent_plan", subject="Plan"),
    ).thread_id  # fmt: skip
    session.commit()
    staff = actor("rent_monitoring")
    _plan(session, staff, now, thread_id, (0, 60, 90))
    first = [t for t in _same_for_every_lease(session) if t]
    assert len(first) == 3 and all(t.count("\n") == 3 for t in first)
    _plan(session, staff, now, thread_id, (7,))  # replaces the first
    assert [t.count("\n") for t in _same_for_every_lease(session) if t] == [1, 1, 1]
    lease_id = session.get(MessageThread, thread_id).lease_id
    # A plan without instalments (the title alone), then none active at all.
    session.add(PaymentPlan(lease_id=lease_id, thread_id=thread_id, created_at=now))
    session.commit()
    assert [t.count("\n") for t in _same_for_every_lease(session) if t] == [0, 0, 0]
    for plan in session.exec(select(PaymentPlan)).all():
        plan.active = False
        session.add(plan)
    session.commit()
    assert set(_same_for_every_lease(session)) == {""}
