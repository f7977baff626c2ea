"""A payment plan rent monitoring agreed in a rent thread: due dates and amounts, recorded
against the thread's lease. The newest one replaces earlier ones, is said in the thread
and is shown on the tenant's rent page (``RentOverview.payment_plan``)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import bindparam
from sqlmodel import Session, col, select, update

from heka_app.i18n import N_
from heka_app.i18n.catalogs import gettext
from heka_app.i18n.formatting import format_date, format_money
from heka_app.models.messages import PaymentPlan, PaymentPlanInstalment, ThreadMessage
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.common.clock import helsinki_today
from heka_app.services.common.results import FormResult
from heka_app.services.messages.access import get_thread_for
from heka_app.services.messages.notify import notify_household
from heka_app.services.messages.permissions import PAYMENT_PLAN
from heka_app.services.messages.routing import RENT_TOPICS
from heka_app.services.messages.threads import touch
from heka_app.services.rent.money import MAX_CENTS, InvalidAmount, parse_euros, to_cents
from heka_app.services.service_requests.fields import parse_date

MAX_ROWS = 24
NOT_RENT_THREAD = N_("A payment plan is recorded in a rent-monitoring thread.")
ROWS_REQUIRED = N_("Add at least one due date and amount.")
TOO_MANY_ROWS = N_("A plan can have at most {max} instalments.")
ROW_INVALID = N_("Row {row}: enter a date from today on and an amount, e.g. 15.1.2027 and 250,00.")
DATES_ORDER = N_("The due dates must be in order, each after the previous one.")
PLAN_LINE = N_("Payment plan agreed:")
PLAN_TITLE = N_("Agreed payment plan")


@dataclasses.dataclass(frozen=True)
class Instalment:
    """One row as typed: a date and an amount in euros."""

    due_on: str
    amount: str


def _parse(rows: list[Instalment], today: dt.date) -> tuple[list[tuple[dt.date, int]], str, int]:
    """Parsed rows, or ("", error msgid, failing row number)."""
    parsed: list[tuple[dt.date, int]] = []
    for n, row in enumerate(rows, start=1):
        day = parse_date(row.due_on.strip()) if isinstance(row.due_on, str) else None
        try:
            cents = to_cents(parse_euros(row.amount)) if isinstance(row.amount, str) else 0
        except InvalidAmount:
            cents = 0
        if day is None or day < today or not 0 < cents <= MAX_CENTS:
            return [], ROW_INVALID, n
        if parsed and day <= parsed[-1][0]:
            return [], DATES_ORDER, n
        parsed.append((day, cents))
    return parsed, "", 0


def record_plan(
    *,
    session: Session,
    actor: Actor,
    now: dt.datetime,
    language: str,
    thread_id: int,
    rows: list[Instalment],
) -> FormResult:
    """Record the agreed plan for the rent thread's lease (replacing earlier plans)."""
    require(actor, PAYMENT_PLAN)
    thread = get_thread_for(session=session, actor=actor, thread_id=thread_id)
    if thread.topic not in RENT_TOPICS:
        return FormResult.refused(NOT_RENT_THREAD)
    rows = [r for r in rows if (r.due_on or "").strip() or (r.amount or "").strip()]
    if not rows:
        return FormResult.refused(ROWS_REQUIRED)
    if len(rows) > MAX_ROWS:
        return FormResult.refused(TOO_MANY_ROWS, params={"max": MAX_ROWS})
    parsed, error, row = _parse(rows, helsinki_today(now))
    if error:
        return FormResult.refused(error, params={"row": row})
    session.exec(
        update(PaymentPlan)
        .where(col(PaymentPlan.lease_id) == thread.lease_id, col(PaymentPlan.active).is_(True))
        .values(active=False)
    )
    plan = PaymentPlan(
        lease_id=thread.lease_id, thread_id=thread.id, recorded_by_id=actor.account_id,
        created_at=now,
    )  # fmt: skip
    session.add(plan)
    session.flush()
    for day, cents in parsed:
        session.add(PaymentPlanInstalment(plan_id=plan.id or 0, due_on=day, amount_cents=cents))
    text = "\n".join(
        [gettext(language, PLAN_LINE)]
        + [f"{format_date(d, language)}: {format_money(c, language)}" for d, c in parsed]
    )
    line = ThreadMessage(
        thread_id=thread.id or 0, kind="message", text=text, by_staff=True,
        author_account_id=actor.account_id, created_at=now,
    )  # fmt: skip
    session.add(line)
    touch(thread, now)
    session.add(thread)
    session.flush()
    notify_household(session, thread, line, now=now)
    return FormResult.done()


# The rent page reads the plan on every visit (issue 15): one statement built once, the
# newest active plan with its instalments (none: one row of NULLs; no plan: no rows).
_NEWEST_PLAN = (
    select(col(PaymentPlan.id))
    .where(col(PaymentPlan.lease_id) == bindparam("lease_id"), col(PaymentPlan.active).is_(True))
    .order_by(col(PaymentPlan.id).desc())
    .limit(1)
    .scalar_subquery()
)
_PLAN_ROWS = (
    select(col(PaymentPlanInstalment.due_on), col(PaymentPlanInstalment.amount_cents))
    .select_from(PaymentPlan)
    .outerjoin(PaymentPlanInstalment, col(PaymentPlanInstalment.plan_id) == col(PaymentPlan.id))
    .where(col(PaymentPlan.id) == _NEWEST_PLAN)
    .order_by(col(PaymentPlanInstalment.due_on))
)


def plan_text(session: Session, lease_id: int, language: str) -> str:
    """The lease's active plan as lines for the rent page ("" when there is none)."""
    rows = session.connection().execute(_PLAN_ROWS, {"lease_id": lease_id}).all()
    if not rows:
        return ""
    lines = [
        f"{format_date(due_on, language)}: {format_money(cents, language)}"
        for due_on, cents in rows
        if due_on is not None
    ]
    return "\n".join([gettext(language, PLAN_TITLE), *lines])
