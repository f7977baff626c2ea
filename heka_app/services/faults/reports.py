"""A tenant's fault report: validate and create it once per submission id, and the one
scoped lookup of a report by id.

``create_report`` is idempotent on the client-generated ``submission_id`` (unique in the
database, inserted with ``INSERT ... ON CONFLICT DO NOTHING``): a double click, a second
tab or a retry after a dropped connection returns the same report.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from heka_app.i18n import N_
from heka_app.models.faults import FaultEvent, FaultPhoto, FaultReport
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import authorize, require
from heka_app.services.common.insert_once import insert_once
from heka_app.services.common.results import NotFound
from heka_app.services.common.tables import table_of
from heka_app.services.faults import catalog
from heka_app.services.faults.permissions import HANDLE, REPORT
from heka_app.services.faults.transitions import RECEIVED
from heka_app.services.uploads.storage import photo_exists

MAX_PHOTOS = 5
MIN_DESCRIPTION = 10
MAX_DESCRIPTION = 4000
_SUBMISSION_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{4,22}[0-9]$")

FIELD_REQUIRED = N_("Fill in this field.")
CHOOSE_CATEGORY = N_("Choose what is broken.")
CHOOSE_LOCATION = N_("Choose where the fault is.")
DESCRIPTION_SHORT = N_("Describe the fault in at least {min} characters.")
DESCRIPTION_LONG = N_("The description can be at most {max} characters.")
REACHABLE_REQUIRED = N_("Tell us when you can be reached, as a master key may not be used.")
PHONE_INVALID = N_("Enter a phone number, e.g. 040 123 4567.")
TOO_MANY_PHOTOS = N_("You can add at most 5 photos.")
FORM_STALE = N_("The form has expired. Reload the page and try again.")


@dataclasses.dataclass(frozen=True)
class FaultForm:
    """What the tenant typed (strings and flags straight from the form)."""

    urgent: bool
    category: str
    location: str
    description: str
    permission_to_enter: bool
    reachable_at: str = ""
    pets: str = ""
    contact_phone: str = ""
    photo_tokens: tuple[str, ...] = ()
    notify_by_email: bool = True


@dataclasses.dataclass(frozen=True)
class Submitted:
    """The outcome of a submit: ``ok`` with the report, or the errors (msgids)."""

    ok: bool
    report_id: int | None = None
    number: str = ""
    field_errors: dict[str, str] = dataclasses.field(default_factory=dict)
    form_error: str = ""
    params: dict[str, int | str] = dataclasses.field(default_factory=dict)


def report_number(report: FaultReport) -> str:
    """The number a tenant quotes: ``<year>-<id, 5 digits>``."""
    return number_of(report.id or 0, report.created_at)


def number_of(report_id: int, created_at: dt.datetime) -> str:
    """``report_number`` from the two columns (for reads that load no FaultReport)."""
    return f"{created_at.year}-{report_id:05d}"


def validate(form: FaultForm) -> dict[str, str]:
    """Field name to msgid for every problem of ``form`` (empty when it is fine)."""
    errors: dict[str, str] = {}
    if not catalog.is_category(form.category):
        errors["category"] = CHOOSE_CATEGORY
    if not catalog.is_location(form.location):
        errors["location"] = CHOOSE_LOCATION
    text = form.description.strip()
    if len(text) < MIN_DESCRIPTION:
        errors["description"] = DESCRIPTION_SHORT
    elif len(text) > MAX_DESCRIPTION:
        errors["description"] = DESCRIPTION_LONG
    if not form.permission_to_enter and not form.reachable_at.strip():
        errors["reachable_at"] = REACHABLE_REQUIRED
    if len(form.reachable_at) > 200:
        errors["reachable_at"] = FIELD_REQUIRED
    if len(form.pets) > 200:
        errors["pets"] = FIELD_REQUIRED
    phone = form.contact_phone.strip()
    if not phone:
        errors["contact_phone"] = FIELD_REQUIRED
    elif not _PHONE.match(phone):
        errors["contact_phone"] = PHONE_INVALID
    if len(form.photo_tokens) > MAX_PHOTOS:
        errors["photos"] = TOO_MANY_PHOTOS
    return errors


def create_report(
    *, session: Session, actor: Actor, now: dt.datetime, submission_id: str, form: FaultForm
) -> Submitted:
    """Create the household's report once per ``submission_id`` and commit.

    Args:
        session: Database session (committed by the caller).
        actor: An active tenant (``faults.report``).
        now: Current aware UTC time.
        submission_id: The form's client-generated id (16-64 url-safe characters).
        form: What was typed; ``photo_tokens`` name photos already stored by uploads.

    Returns:
        :class:`Submitted`; a repeat of the same submission returns the first report.
    """
    require(actor, REPORT)
    if not _SUBMISSION_ID.match(submission_id or ""):
        return Submitted(False, form_error=FORM_STALE)
    errors = validate(form)
    if errors:
        params: dict[str, int | str] = {"min": MIN_DESCRIPTION, "max": MAX_DESCRIPTION}
        return Submitted(False, field_errors=errors, params=params)
    values = {
        "submission_id": submission_id,
        "apartment_id": actor.apartment_id,
        "reported_by_id": actor.person_id,
        "category": form.category,
        "description": form.description.strip(),
        "permission_to_enter": form.permission_to_enter,
        "status": RECEIVED,
        "created_at": now,
        "updated_at": now,
        "urgent": form.urgent,
        "location": form.location,
        "reachable_at": "" if form.permission_to_enter else form.reachable_at.strip(),
        "pets": form.pets.strip(),
        "contact_phone": form.contact_phone.strip(),
        "version": 1,
        "feedback": "",
        "notify_by_email": form.notify_by_email,
    }
    inserted = insert_once(session, table_of(FaultReport), values, unique="submission_id")
    report = session.exec(
        select(FaultReport).where(FaultReport.submission_id == submission_id)
    ).one()
    if report.apartment_id != actor.apartment_id:  # someone else's id: never reveal it
        return Submitted(False, form_error=FORM_STALE)
    if inserted:
        assert report.id is not None
        session.add(
            FaultEvent(
                report_id=report.id,
                kind="status",
                new_status=RECEIVED,
                by_staff=False,
                author_account_id=actor.account_id,
                created_at=now,
            )
        )
        for token in dict.fromkeys(form.photo_tokens):
            if photo_exists(token):
                session.add(photo_row(report.id, token, actor, now))
    return Submitted(True, report_id=report.id, number=report_number(report))


def photo_row(report_id: int, token: str, actor: Actor, now: dt.datetime) -> FaultPhoto:
    """The row of a kept photo (a new report's or a comment's), sized from its file."""
    from heka_app.services.uploads.storage import photo_info

    info = photo_info(token)
    return FaultPhoto(
        report_id=report_id,
        token=token,
        width=info.width,
        height=info.height,
        size_bytes=info.size_bytes,
        uploaded_by_account_id=actor.account_id,
        created_at=now,
    )


# Built once: every report page, tick and action looks its report up (issue 15).
_ANY_REPORT = select(FaultReport).where(col(FaultReport.id) == bindparam("fault_id"))
_HOUSEHOLDS_REPORT = _ANY_REPORT.where(col(FaultReport.apartment_id) == bindparam("apartment_id"))


def get_fault_for(*, session: Session, actor: Actor, fault_id: int) -> FaultReport:
    """The report ``fault_id`` if ``actor`` may see it: their household's, or any for staff
    who handle faults. Anything else raises :class:`NotFound`, like a missing id.
    """
    ids: dict[str, object] = {"fault_id": fault_id}
    if actor.is_staff and authorize(actor, HANDLE).allowed:
        query = _ANY_REPORT
    elif authorize(actor, REPORT).allowed and actor.apartment_id is not None:
        query, ids["apartment_id"] = _HOUSEHOLDS_REPORT, actor.apartment_id
    else:
        raise NotFound("fault")
    report = session.exec(query, params=ids).first()
    if report is None:
        raise NotFound("fault")
    return report


def photos_of(session: Session, report_id: int) -> list[FaultPhoto]:
    """The report's photos, oldest first (helper inside a scoped service call)."""
    return list(
        session.exec(
            select(FaultPhoto).where(FaultPhoto.report_id == report_id).order_by(col(FaultPhoto.id))
        ).all()
    )
