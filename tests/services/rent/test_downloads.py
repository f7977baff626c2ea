"""Statement downloads: the PDF carries the lease, period, rows and balance; the CSV is
for Finnish Excel; bad periods are refused with a message, never a crash."""

from __future__ import annotations

import datetime as dt

import pytest

from heka_app.services.common.results import NotAllowed
from heka_app.services.rent.downloads import statement_file
from tests.factories import build_world
from tests.services.rent.helpers import actor, charge, monthly, pay


@pytest.fixture
def world(session, now):
    world = build_world(session, now)
    lease = world.leases["home"]
    monthly(session, lease, dt.date(2025, 12, 1), 11, 61250)
    charge(session, lease, dt.date(2026, 11, 1), 61250)
    charge(session, lease, dt.date(2026, 11, 1), 1999, kind="sauna")
    pay(session, lease, dt.date(2026, 11, 20), 50000)
    session.commit()
    return world


def _file(session, world, now, who="primary", language="fi", **kwargs):
    args = {"first": "2026-01", "last": "2026-11", "fmt": "pdf", **kwargs}
    return statement_file(
        session=session,
        actor=actor(session, world.accounts[who], now),
        now=now,
        language=language,
        **args,
    )


def test_csv_uses_semicolons_and_decimal_commas(session, now, world):
    result = _file(session, world, now, fmt="csv", first="2026-10", last="2026-11")
    assert (
        result.ok and result.mime == "text/csv" and result.filename.endswith("2026-10-2026-11.csv")
    )
    text = result.content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "Päivä;Erä;Veloitettu;Maksettu;Saldo"
    assert lines[1] == "2026-10-01;Alkusaldo;;;0,00"
    assert "2026-11-01;Saunavuoro 11/2026;19,99;;632,49" in lines
    assert lines[-1] == "2026-11-20;Maksu;;500,00;132,49"


def test_pdf_is_a_pdf_with_the_font_embedded(session, now, world):
    result = _file(session, world, now, language="sv")
    assert result.ok and result.mime == "application/pdf"
    assert result.content.startswith(b"%PDF") and b"DejaVu" in result.content


@pytest.mark.parametrize(
    ("first", "last", "field", "error"),
    [
        ("", "2026-11", "first", "Choose a month."),
        ("2026-11", "2026-13", "last", "Choose a month."),
        ("2026-11", "2026-12", "last", "The period cannot end in the future."),
        ("2026-11", "2026-01", "first", "The period must start before it ends."),
        ("2010-01", "2026-11", "first", "Choose at most ten years."),
    ],
)
def test_bad_periods_get_a_message(session, now, world, first, last, field, error):
    result = _file(session, world, now, first=first, last=last)
    assert (result.ok, result.field, result.error) == (False, field, error)


def test_co_resident_cannot_download(session, now, world):
    with pytest.raises(NotAllowed):
        _file(session, world, now, who="co_resident")
