"""The household's side after submitting: its reports, one report's page, a comment or
more photos, cancelling before work starts, and "was it fixed?" after done.

Co-residents of the same apartment see and act on the same reports; every lookup goes
through ``get_fault_for`` so another household's id answers "not found".
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import bindparam
from sqlmodel import Session, col, func, select

from heka_app.i18n import N_
from heka_app.models.faults import FaultEvent, FaultReport
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.common.paging import Paged, paginate_prebuilt
from heka_app.services.common.results import FormResult
from heka_app.services.faults.permissions import REPORT
from heka_app.services.faults.reports import MAX_PHOTOS, get_fault_for, photo_row, photos_of
from heka_app.services.faults.transitions import CANCELLED, DONE, allowed
from heka_app.services.faults.views import FaultCard, FaultDetail, card_of, detail_of
from heka_app.services.uploads.storage import photo_exists

PAGE_SIZE = 10
MAX_COMMENT = 2000
COMMENT_EMPTY = N_("Write a comment first.")
COMMENT_LONG = N_("The comment can be at most {max} characters.")
CANNOT_CANCEL = N_("Work on this report has started, so it can no longer be cancelled.")
FEEDBACK_NOT_OPEN = N_("Feedback can be given once the report is done.")
ALREADY_GIVEN = N_("You have already given feedback.")


@dataclasses.dataclass(frozen=True)
class FaultPage(Paged):
    """One page of the household's reports, newest first."""

    cards: list[FaultCard] = dataclasses.field(default_factory=list)


# The household's list, built once (issue 15: it loads on every visit to /faults).
_HOUSEHOLDS = col(FaultReport.apartment_id) == bindparam("apartment_id")
_COUNT = select(func.count(col(FaultReport.id))).where(_HOUSEHOLDS)
_PAGE = (
    select(FaultReport)
    .where(_HOUSEHOLDS)
    .order_by(col(FaultReport.created_at).desc(), col(FaultReport.id).desc())
    .offset(bindparam("offset"))
    .limit(bindparam("limit"))
)


def list_my_reports(
    *, session: Session, actor: Actor, now: dt.datetime, language: str, page: int = 1
) -> FaultPage:
    """The household's reports, ``PAGE_SIZE`` a page (``page`` clamped into range)."""
    require(actor, REPORT)
    ids = {"apartment_id": actor.apartment_id}
    rows, paged = paginate_prebuilt(session, _COUNT, _PAGE, ids, page=page, size=PAGE_SIZE)
    cards = [card_of(r, now=now, language=language) for r in rows]
    return FaultPage(cards=cards, **dataclasses.asdict(paged))


def my_report(
    *, session: Session, actor: Actor, now: dt.datetime, language: str, fault_id: int
) -> FaultDetail:
    """The household's report ``fault_id`` (public timeline only). Raises NotFound."""
    require(actor, REPORT)
    report = get_fault_for(session=session, actor=actor, fault_id=fault_id)
    return detail_of(session, report, now=now, language=language, for_staff=False)


def report_version(*, session: Session, actor: Actor, fault_id: int) -> int:
    """The report's change counter (what an open page polls). Raises NotFound."""
    require(actor, REPORT)
    return get_fault_for(session=session, actor=actor, fault_id=fault_id).version


def _touch(report: FaultReport, now: dt.datetime) -> None:
    report.updated_at = now
    report.version += 1


def add_comment(
    *,
    session: Session,
    actor: Actor,
    now: dt.datetime,
    fault_id: int,
    text: str,
    photo_tokens: tuple[str, ...] = (),
) -> FormResult:
    """The tenant's addition: a comment and/or more photos (up to 5 in all)."""
    require(actor, REPORT)
    report = get_fault_for(session=session, actor=actor, fault_id=fault_id)
    text = (text or "").strip()
    if len(text) > MAX_COMMENT:
        return FormResult.refused(params={"max": MAX_COMMENT}, comment=COMMENT_LONG)
    room = MAX_PHOTOS - len(photos_of(session, fault_id))
    tokens = [t for t in dict.fromkeys(photo_tokens) if photo_exists(t)][: max(0, room)]
    if not text and not tokens:
        return FormResult.refused(comment=COMMENT_EMPTY)
    for token in tokens:
        session.add(photo_row(fault_id, token, actor, now))
    kind = "comment" if text else "photo"
    session.add(
        FaultEvent(
            report_id=fault_id,
            kind=kind,
            text=text,
            author_account_id=actor.account_id,
            created_at=now,
        )
    )
    _touch(report, now)
    session.add(report)
    return FormResult.done()


def cancel_report(
    *, session: Session, actor: Actor, now: dt.datetime, fault_id: int, reason: str = ""
) -> FormResult:
    """Cancel while work has not started (the state machine decides)."""
    require(actor, REPORT)
    report = get_fault_for(session=session, actor=actor, fault_id=fault_id)
    if not allowed(report.status, CANCELLED, by_staff=False):
        return FormResult.refused(CANNOT_CANCEL)
    session.add(
        FaultEvent(
            report_id=fault_id,
            kind="status",
            old_status=report.status,
            new_status=CANCELLED,
            text=(reason or "").strip()[:MAX_COMMENT],
            author_account_id=actor.account_id,
            created_at=now,
        )
    )
    report.status = CANCELLED
    _touch(report, now)
    session.add(report)
    return FormResult.done()


def give_feedback(
    *, session: Session, actor: Actor, now: dt.datetime, fault_id: int, fixed: bool, text: str = ""
) -> FormResult:
    """ "Was it fixed?" once, after done; a "no" is seen by staff who may reopen."""
    require(actor, REPORT)
    report = get_fault_for(session=session, actor=actor, fault_id=fault_id)
    if report.status != DONE:
        return FormResult.refused(FEEDBACK_NOT_OPEN)
    if report.fixed is not None:
        return FormResult.refused(ALREADY_GIVEN)
    report.fixed = bool(fixed)
    report.feedback = (text or "").strip()[:1000]
    session.add(
        FaultEvent(
            report_id=fault_id,
            kind="feedback",
            text=report.feedback,
            author_account_id=actor.account_id,
            created_at=now,
        )
    )
    _touch(report, now)
    session.add(report)
    return FormResult.done()
