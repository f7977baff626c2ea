"""The tenant's notice period (481/1995 52 §): one month from the end of the calendar
month in which notice was given. Published example: notice 12 March, lease ends 30 April."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heka_app.services.household.notice_period import last_day_of_month, lease_end_after_notice


@pytest.mark.parametrize(
    ("given_on", "ends_on"),
    [
        ("2026-03-12", "2026-04-30"),  # FINNISH_FORMATS.md's example
        ("2026-03-01", "2026-04-30"),
        ("2026-03-31", "2026-04-30"),  # end-of-month notice: still the next month's end
        ("2027-01-31", "2027-02-28"),  # a month from 31 Jan is the end of February
        ("2028-01-15", "2028-02-29"),  # leap year
        ("2028-02-29", "2028-03-31"),  # notice on a leap day
        ("2026-11-30", "2026-12-31"),
        ("2026-12-01", "2027-01-31"),  # across the year end
        ("2026-12-31", "2027-01-31"),
        ("2100-01-10", "2100-02-28"),  # 2100 is no leap year
        ("2000-01-10", "2000-02-29"),  # 2000 is
    ],
)
def test_published_and_edge_examples(given_on, ends_on):
    notice = dt.date.fromisoformat(given_on)
    assert lease_end_after_notice(notice) == dt.date.fromisoformat(ends_on)


@given(st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2199, 12, 31)))
def test_the_lease_ends_on_the_last_day_of_the_following_month(notice):
    ends = lease_end_after_notice(notice)
    following = (notice.year + notice.month // 12, notice.month % 12 + 1)
    assert (ends.year, ends.month) == following
    assert ends.day == calendar.monthrange(ends.year, ends.month)[1]
    # The period counted from the end of the notice month is exactly one calendar month.
    assert ends == last_day_of_month(last_day_of_month(notice) + dt.timedelta(days=1))
    assert 28 <= (ends - notice).days <= 61  # 31 Jan to 28 Feb is the shortest


@given(st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2199, 12, 31)))
def test_every_day_of_a_month_gives_the_same_end_and_later_months_later_ends(notice):
    first = notice.replace(day=1)
    assert lease_end_after_notice(notice) == lease_end_after_notice(first)
    after = last_day_of_month(notice) + dt.timedelta(days=1)
    assert lease_end_after_notice(after) > lease_end_after_notice(notice)
