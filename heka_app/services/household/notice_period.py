"""When a lease ends after the tenant's notice (Act on Residential Leases 481/1995, 52 §):
one month, counted from the last day of the calendar month in which notice was given.
Notice given 12 March: the period starts 31 March and the lease ends 30 April."""

from __future__ import annotations

import calendar
import datetime as dt


def last_day_of_month(day: dt.date) -> dt.date:
    """The last day of ``day``'s calendar month."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def lease_end_after_notice(notice_given: dt.date) -> dt.date:
    """The day a tenant's lease ends when notice is given on ``notice_given``.

    One month from the end of the notice month is the end of the following month (a month
    from 31 March is 30 April, and from 31 January 28 or 29 February).
    """
    first_of_next = last_day_of_month(notice_given) + dt.timedelta(days=1)
    return last_day_of_month(first_of_next)
