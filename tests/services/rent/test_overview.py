"""The overview: balance, due, overdue, running balance across years, who may see it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.rent.ledger import balance_cents, open_items
from heka_app.services.rent.overview import rent_overview
from heka_app.services.rent.statement import build_statement
from tests.factories import build_world
from tests.services.rent.helpers import actor, charge, monthly, pay

NOV = dt.date(2026, 11, 1)


@pytest.fixture
def world(session, now):
    return build_world(session, now)


def _overview(session, world, now, who="primary", language="en", **kwargs):
    return rent_overview(
        session=session,
        actor=actor(session, world.accounts[who], now),
        now=now,
        language=language,
        **kwargs,
    )


def test_paid_up_tenant_sees_next_months_rent(session, now, world):
    monthly(session, world.leases["home"], dt.date(2025, 12, 1), 12, 61250)
    view = _overview(session, world, now)
    assert view.status == "paid_up" and view.sentence == "Your rent is paid up."
    assert view.next_due_amount == "€612.50" and view.next_due_date == "December 2, 2026"
    assert view.overdue == () and view.pay_amount == "€612.50"
    assert view.payment.barcode[17:25] == "00061250" and view.payment.barcode.endswith("261202")


def test_debt_with_overdue_months_and_days(session, now, world):
    lease = world.leases["home"]
    monthly(session, lease, dt.date(2026, 6, 1), 4, 50000)  # June-September paid
    charge(session, lease, dt.date(2026, 10, 1), 50000)
    charge(session, lease, NOV, 50000)
    charge(session, lease, NOV, 2375, kind="interest")
    pay(session, lease, dt.date(2026, 11, 10), 20000)  # partial: oldest first
    view = _overview(session, world, now)
    assert view.status == "debt"
    assert view.sentence == "You have unpaid rent of €823.75."
    assert [(r.label, r.amount, r.days) for r in view.overdue] == [
        ("Rent 10/2026", "€300.00", 57),
        ("Rent 11/2026", "€500.00", 26),
        ("Late-payment interest 11/2026", "€23.75", 26),
    ]
    assert view.overdue_total == "€823.75"
    # Everything open is overdue: pay it all, no due date in the barcode.
    assert view.pay_amount == "€823.75" and view.pay_due == ""
    assert view.payment.barcode[17:25] == "00082375" and view.payment.barcode.endswith("000000")


def test_overpayment_is_a_credit_off_the_next_payment(session, now, world):
    lease = world.leases["home"]
    monthly(session, lease, dt.date(2026, 9, 1), 3, 50000)
    pay(session, lease, dt.date(2026, 11, 20), 12345)
    pay(session, lease, dt.date(2026, 11, 21), 1000, kind="credit")
    view = _overview(session, world, now, language="fi")
    assert view.status == "credit"
    assert view.sentence.startswith("Sinulla on hyvitystä 133,45\xa0€")
    assert view.next_due_amount == "366,55\xa0€"


def test_running_balance_carries_across_years(session, now, world):
    lease = world.leases["home"]
    monthly(session, lease, dt.date(2023, 1, 1), 47, 40000, paid=False)
    for n in range(47):
        pay(session, lease, dt.date(2023 + (n // 12), n % 12 + 1, 5), 39999)  # 1 cent short
    statement = build_statement(
        session, lease, first=dt.date(2025, 1, 1), last=NOV, until=dt.date(2026, 11, 28)
    )
    assert statement.opening_cents == 24  # 24 months short by a cent before 2025
    assert statement.closing_cents == 47 == balance_cents(session, lease, on=dt.date(2026, 11, 28))
    january = statement.months[0]
    assert [line.balance_cents for line in january.lines] == [40024, 25]
    view = _overview(session, world, now)
    assert len(view.months) == 24 and view.months[0].key == "2026-11"
    assert view.months[-1].key == "2024-12" and view.earlier_end == "2024-11"
    earlier = _overview(session, world, now, period_end=view.earlier_end)
    assert earlier.months[0].key == "2024-11" and earlier.later_end == "2026-11"
    assert earlier.months[-1].key == "2022-12" and earlier.months[-1].closing == "€0.00"
    assert earlier.months[-2].closing == "€0.01"  # January 2023: a cent short


def test_open_items_cover_exactly_the_balance(session, now, world):
    lease = world.leases["home"]
    for month in (dt.date(2026, 9, 1), dt.date(2026, 10, 1), NOV):
        charge(session, lease, month, 33333)
    pay(session, lease, dt.date(2026, 9, 3), 33334)
    items = open_items(session, lease, on=dt.date(2026, 11, 28), balance=66665)
    assert [i.open_cents for i in items] == [33332, 33333]


def test_chart_numbers_and_table_agree(session, now, world):
    lease = world.leases["home"]
    monthly(session, lease, dt.date(2026, 10, 1), 2, 61250)
    view = _overview(session, world, now)
    november = view.months[0]
    assert (november.charges, november.paid, november.closing) == ("€612.50", "€612.50", "€0.00")
    assert (november.charges_euros, november.paid_euros) == (613, 613)
    assert [r.label for r in november.rows] == ["Payment", "Rent 11/2026"]


def test_co_resident_neighbour_and_other_staff_are_refused(session, now, world):
    for who in ("co_resident", "customer_service", "maintenance", "area_office"):
        with pytest.raises(NotAllowed):
            _overview(session, world, now, who=who)
    with pytest.raises(NotFound):  # another household's lease answers like a missing one
        _overview(session, world, now, who="neighbour", lease_id=world.leases["home"])


def test_rent_monitoring_sees_any_lease(session, now, world):
    monthly(session, world.leases["other"], dt.date(2026, 9, 1), 3, 45000)
    view = _overview(session, world, now, who="rent_monitoring", lease_id=world.leases["other"])
    assert view.status == "paid_up" and view.sentence == "The rent of this lease is paid up."
    with pytest.raises(NotFound):
        _overview(session, world, now, who="rent_monitoring", lease_id=999_999)


def test_only_the_newest_months_carry_rows_when_asked(session, now, world):
    lease = world.leases["home"]
    monthly(session, lease, dt.date(2024, 12, 1), 24, 61250)
    charge(session, lease, NOV, 2375, kind="interest")
    whole = _overview(session, world, now)
    for shown in (1, 3, 24):
        part = _overview(session, world, now, rows_months=shown)
        expected = tuple(
            m if n < shown else dataclasses.replace(m, rows=()) for n, m in enumerate(whole.months)
        )
        assert part == dataclasses.replace(whole, months=expected), shown
        assert all(m.rows for m in part.months[:shown]), shown  # every month has entries
