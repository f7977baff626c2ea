"""Statement downloads for a chosen period: PDF (DejaVu Sans embedded, so äöå and €
render) and CSV for Finnish Excel (semicolons, decimal comma, UTF-8 with BOM)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from pathlib import Path

from babel.numbers import format_decimal
from fpdf import FPDF
from sqlmodel import Session

from heka_app.i18n import N_
from heka_app.i18n.catalogs import gettext
from heka_app.i18n.formatting import format_date, format_money
from heka_app.models import Apartment, Building
from heka_app.services.auth.actor import Actor
from heka_app.services.common.clock import helsinki_today
from heka_app.services.common.payment_references import format_reference
from heka_app.services.rent.access import get_lease_for
from heka_app.services.rent.labels import entry_label, month_label
from heka_app.services.rent.ledger import add_months, month_start
from heka_app.services.rent.money import to_euros
from heka_app.services.rent.overview import parse_month
from heka_app.services.rent.payment import HEKA_RECIPIENT
from heka_app.services.rent.statement import Statement, build_statement

FONTS = Path(__file__).with_name("fonts")
MAX_MONTHS = 120
FORMATS = ("pdf", "csv")


@dataclasses.dataclass(frozen=True)
class StatementFile:
    """A file to download, or why not (``error``: a msgid; ``field``: which input)."""

    ok: bool
    error: str = ""
    field: str = ""
    filename: str = ""
    content: bytes = b""
    mime: str = ""


def _period(first: str, last: str, today: dt.date) -> tuple[dt.date, dt.date] | StatementFile:
    start, end = parse_month(first), parse_month(last)
    if start is None:
        return StatementFile(False, N_("Choose a month."), "first")
    if end is None:
        return StatementFile(False, N_("Choose a month."), "last")
    if end > month_start(today):
        return StatementFile(False, N_("The period cannot end in the future."), "last")
    if start > end:
        return StatementFile(False, N_("The period must start before it ends."), "first")
    if add_months(start, MAX_MONTHS - 1) < end:
        return StatementFile(False, N_("Choose at most ten years."), "first")
    return start, end


def _euros(cents: int) -> str:
    return format_decimal(to_euros(cents), format="0.00", locale="fi_FI")


def _csv(statement: Statement, language: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    head = (N_("Date"), N_("Item"), N_("Charged"), N_("Paid"), N_("Balance"))
    writer.writerow([gettext(language, h) for h in head])
    opening = gettext(language, "Opening balance")
    writer.writerow([statement.first.isoformat(), opening, "", "", _euros(statement.opening_cents)])
    for month in statement.months:
        for line in month.lines:
            writer.writerow(
                [
                    line.entry.booked_on.isoformat(),
                    entry_label(line.entry, language),
                    _euros(line.charge_cents) if line.charge_cents else "",
                    _euros(line.paid_cents) if line.paid_cents else "",
                    _euros(line.balance_cents),
                ]
            )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


class _Pdf(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(format="A4")
        self.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_title(title)
        self.set_author(HEKA_RECIPIENT)
        self.title_text = title
        self.set_auto_page_break(True, margin=15)

    def header(self) -> None:
        self.set_font("DejaVu", "B", 14)
        self.set_text_color(0, 82, 147)
        self.cell(0, 8, "Heka", new_x="LMARGIN", new_y="NEXT")
        self.set_font("DejaVu", "", 9)
        self.set_text_color(60, 60, 60)
        self.cell(0, 5, HEKA_RECIPIENT, new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(0, 82, 147)
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.ln(4)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", "", 8)
        self.cell(0, 5, f"{self.title_text} · {self.page_no()}/{{nb}}", align="C")


def _pdf(statement: Statement, info: dict[str, str], language: str) -> bytes:
    pdf = _Pdf(gettext(language, "Rent statement"))
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 13)
    pdf.cell(0, 8, gettext(language, "Rent statement"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    for label, value in info.items():
        pdf.cell(40, 6, label)
        pdf.cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    widths = (26, 74, 30, 30, 30)
    pdf.set_font("DejaVu", "B", 9)
    pdf.set_fill_color(230, 238, 246)
    headings = (N_("Date"), N_("Item"), N_("Charged"), N_("Paid"), N_("Balance"))
    for width, heading in zip(widths, headings, strict=True):
        pdf.cell(
            width,
            7,
            gettext(language, heading),
            border="B",
            fill=True,
            align="L" if width > 30 or heading == "Date" else "R",
        )
    pdf.ln()
    pdf.set_font("DejaVu", "", 9)

    def row(cells: tuple[str, ...], bold: bool = False) -> None:
        pdf.set_font("DejaVu", "B" if bold else "", 9)
        for i, (width, text) in enumerate(zip(widths, cells, strict=True)):
            pdf.cell(width, 6, text, align="R" if i >= 2 else "L")
        pdf.ln()

    row(
        (
            "",
            gettext(language, "Opening balance"),
            "",
            "",
            format_money(statement.opening_cents, language),
        ),
        True,
    )
    for month in statement.months:
        for line in month.lines:
            row(
                (
                    format_date(line.entry.booked_on, language, "short"),
                    entry_label(line.entry, language),
                    format_money(line.charge_cents, language) if line.charge_cents else "",
                    format_money(line.paid_cents, language) if line.paid_cents else "",
                    format_money(line.balance_cents, language),
                )
            )
    pdf.ln(2)
    row(
        (
            "",
            gettext(language, "Closing balance"),
            "",
            "",
            format_money(statement.closing_cents, language),
        ),
        True,
    )
    return bytes(pdf.output())


def statement_file(
    *,
    session: Session,
    actor: Actor,
    now: dt.datetime,
    language: str,
    first: str,
    last: str,
    fmt: str,
    lease_id: int | None = None,
) -> StatementFile:
    """The statement of months ``first``..``last`` ("YYYY-MM") as a PDF or CSV file.

    Raises:
        NotAllowed / NotFound: As :func:`heka_app.services.rent.access.get_lease_for`.
    """
    lease = get_lease_for(session=session, actor=actor, lease_id=lease_id)
    if fmt not in FORMATS:
        return StatementFile(False, N_("Choose PDF or CSV."), "format")
    today = helsinki_today(now)
    period = _period(first, last, today)
    if isinstance(period, StatementFile):
        return period
    start, end = period
    statement = build_statement(session, lease.id or 0, first=start, last=end, until=today)
    name = f"heka-{lease.contract_number}-{start:%Y-%m}-{end:%Y-%m}.{fmt}"
    if fmt == "csv":
        return StatementFile(
            True, filename=name, content=_csv(statement, language), mime="text/csv"
        )
    apartment = session.get_one(Apartment, lease.apartment_id)
    building = session.get_one(Building, apartment.building_id)
    info = {
        gettext(language, "Lease"): lease.contract_number,
        gettext(language, "Address"): f"{building.street_address} {apartment.number}",
        gettext(language, "Reference"): format_reference(lease.payment_reference),
        gettext(
            language, "Period"
        ): f"{month_label(start, language)} – {month_label(end, language)}",
        gettext(language, "Printed"): format_date(today, language),
    }
    return StatementFile(
        True, filename=name, content=_pdf(statement, info, language), mime="application/pdf"
    )
