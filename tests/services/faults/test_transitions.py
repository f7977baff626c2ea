"""The state machine: every allowed and every illegal transition, for staff and tenants."""

from __future__ import annotations

import itertools

import pytest

from heka_app.services.faults import transitions as tr

STATUSES = list(tr.STATUS_LABELS)
STAFF_ALLOWED = {
    ("received", "assigned"),
    ("received", "in_progress"),
    ("received", "rejected"),
    ("received", "cancelled"),
    ("assigned", "in_progress"),
    ("assigned", "waiting"),
    ("assigned", "rejected"),
    ("assigned", "cancelled"),
    ("in_progress", "waiting"),
    ("in_progress", "done"),
    ("waiting", "in_progress"),
    ("waiting", "done"),
    ("done", "in_progress"),
}
TENANT_ALLOWED = {("received", "cancelled"), ("assigned", "cancelled")}


@pytest.mark.parametrize(("old", "new"), list(itertools.product(STATUSES, STATUSES)))
def test_every_pair_is_decided_by_the_table(old, new):
    assert tr.allowed(old, new, by_staff=True) == ((old, new) in STAFF_ALLOWED)
    assert tr.allowed(old, new, by_staff=False) == ((old, new) in TENANT_ALLOWED)


def test_final_statuses_go_nowhere_and_unknown_ones_are_refused():
    for final in ("rejected", "cancelled"):
        assert tr.next_statuses(final, by_staff=True) == []
    assert not tr.allowed("bogus", "done", by_staff=True)
    assert not tr.allowed("received", "bogus", by_staff=True)


def test_tenant_may_cancel_only_before_work_starts():
    assert [s for s in STATUSES if tr.tenant_may_cancel(s)] == ["received", "assigned"]


def test_next_statuses_follow_the_timeline_order():
    assert tr.next_statuses("received", by_staff=True) == [
        "assigned",
        "in_progress",
        "rejected",
        "cancelled",
    ]
