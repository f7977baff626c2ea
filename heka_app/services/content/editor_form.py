"""The editor's form as typed, checked into an article's fields (or field messages).

Everything arrives as text from the browser; nothing here trusts its shape. Times are
Helsinki wall-clock times (``YYYY-MM-DDTHH:MM``, what ``<input type=datetime-local>``
sends) and are stored in UTC.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata

from sqlmodel import Session

from heka_app.i18n import N_
from heka_app.models import AreaOffice, Property
from heka_app.models.content import AUDIENCES, CONTENT_KINDS
from heka_app.services.common.clock import HELSINKI

LANGUAGES = ("fi", "sv", "en")
TITLE_MAX, SUMMARY_MAX, BODY_MAX = 200, 500, 20000


@dataclasses.dataclass(frozen=True)
class ArticleForm:
    """What the editor typed. ``texts[lang] = (title, summary, body)``."""

    kind: str = "news"
    audience: str = "everyone"
    target_id: str = ""  # area office id or property id, by audience
    publish_at: str = ""  # empty: when published
    expires_at: str = ""  # empty: never
    texts: dict[str, tuple[str, str, str]] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class CheckedArticle:
    """The form's values, checked."""

    kind: str
    audience: str
    property_id: int | None
    area_office_id: int | None
    publish_at: dt.datetime | None
    expires_at: dt.datetime | None
    texts: dict[str, tuple[str, str, str]]  # only the languages that were filled in


def parse_local_time(text: str) -> dt.datetime | None:
    """``2026-12-01T08:00`` (Helsinki) as aware UTC; raises ValueError on anything else."""
    local = dt.datetime.strptime(text.strip(), "%Y-%m-%dT%H:%M")
    return local.replace(tzinfo=HELSINKI).astimezone(dt.UTC)


def local_time_text(moment: dt.datetime | None) -> str:
    """The inverse of :func:`parse_local_time` for filling the form."""
    if moment is None:
        return ""
    return moment.astimezone(HELSINKI).strftime("%Y-%m-%dT%H:%M")


def check_form(session: Session, form: ArticleForm) -> CheckedArticle | dict[str, str]:
    """The checked article, or field name -> msgid for everything that is wrong."""
    errors: dict[str, str] = {}
    if form.kind not in CONTENT_KINDS:
        errors["kind"] = N_("Choose whether this is news or an instruction.")
    if form.audience not in AUDIENCES:
        errors["audience"] = N_("Choose who the item is for.")
    property_id = area_office_id = None
    if form.audience in ("area", "property"):
        model = AreaOffice if form.audience == "area" else Property
        target = int(form.target_id) if form.target_id.strip().isdigit() else None
        if target is None or target > 2**31 or session.get(model, target) is None:
            errors["target_id"] = (
                N_("Choose the area office.")
                if form.audience == "area"
                else N_("Choose the property.")
            )
        elif form.audience == "area":
            area_office_id = target
        else:
            property_id = target
    times: dict[str, dt.datetime | None] = {}
    for name in ("publish_at", "expires_at"):
        text = getattr(form, name)
        try:
            times[name] = parse_local_time(text) if text.strip() else None
        except ValueError:
            errors[name] = N_("Give the date and time as dd.mm.yyyy hh:mm.")
    start, end = times.get("publish_at"), times.get("expires_at")
    if end is not None and start is not None and end <= start:
        errors["expires_at"] = N_("The end must be after the publishing time.")
    texts = _check_texts(form.texts, errors)
    if errors:
        return errors
    return CheckedArticle(
        kind=form.kind,
        audience=form.audience,
        property_id=property_id,
        area_office_id=area_office_id,
        publish_at=start,
        expires_at=end,
        texts=texts,
    )


def _check_texts(
    given: dict[str, tuple[str, str, str]], errors: dict[str, str]
) -> dict[str, tuple[str, str, str]]:
    texts: dict[str, tuple[str, str, str]] = {}
    for lang in LANGUAGES:
        title, summary, body = (part.strip() for part in given.get(lang, ("", "", "")))
        if not (title or summary or body):
            if lang == "fi":
                errors["title_fi"] = N_("Write a title in Finnish.")
                errors["body_fi"] = N_("Write the text in Finnish.")
            continue
        if not title:
            errors[f"title_{lang}"] = N_("Write a title, or leave this language empty.")
        elif len(title) > TITLE_MAX:
            errors[f"title_{lang}"] = N_("The title is too long (at most 200 characters).")
        if len(summary) > SUMMARY_MAX:
            errors[f"summary_{lang}"] = N_("The summary is too long (at most 500 characters).")
        if not body:
            errors[f"body_{lang}"] = N_("Write the text, or leave this language empty.")
        elif len(body) > BODY_MAX:
            errors[f"body_{lang}"] = N_("The text is too long (at most 20,000 characters).")
        texts[lang] = (title, summary, body)
    return texts


def slug_for(title: str) -> str:
    """A readable URL part from a title: ``Vesikatko Capellan puistotie 9:ssä`` ->
    ``vesikatko-capellan-puistotie-9-ssa``."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:80] or "artikkeli"
