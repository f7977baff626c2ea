"""The one place that says which status changes are allowed, and by whom.

    received -> assigned -> in_progress <-> waiting -> done
    received/assigned -> rejected (staff, with a reason)
    received/assigned -> cancelled (tenant or staff, with a reason from staff)
    done -> in_progress (staff reopen, e.g. after "not fixed" feedback)

Rejected and cancelled are final. A tenant may only cancel, and only while work has not
started.
"""

from __future__ import annotations

from heka_app.i18n import N_

RECEIVED = "received"
ASSIGNED = "assigned"
IN_PROGRESS = "in_progress"
WAITING = "waiting"
DONE = "done"
REJECTED = "rejected"
CANCELLED = "cancelled"

STATUS_LABELS: dict[str, str] = {
    RECEIVED: N_("Received"),
    ASSIGNED: N_("Assigned"),
    IN_PROGRESS: N_("In progress"),
    WAITING: N_("Waiting for parts or contractor"),
    DONE: N_("Done"),
    REJECTED: N_("Rejected"),
    CANCELLED: N_("Cancelled"),
}

# old status -> statuses staff may set from it
STAFF_TRANSITIONS: dict[str, frozenset[str]] = {
    RECEIVED: frozenset({ASSIGNED, IN_PROGRESS, REJECTED, CANCELLED}),
    ASSIGNED: frozenset({IN_PROGRESS, WAITING, REJECTED, CANCELLED}),
    IN_PROGRESS: frozenset({WAITING, DONE}),
    WAITING: frozenset({IN_PROGRESS, DONE}),
    DONE: frozenset({IN_PROGRESS}),
    REJECTED: frozenset(),
    CANCELLED: frozenset(),
}
TENANT_TRANSITIONS: dict[str, frozenset[str]] = {
    RECEIVED: frozenset({CANCELLED}),
    ASSIGNED: frozenset({CANCELLED}),
}
NEEDS_REASON = frozenset({REJECTED, CANCELLED})
OPEN = frozenset({RECEIVED, ASSIGNED, IN_PROGRESS, WAITING})
CLOSED = frozenset({DONE, REJECTED, CANCELLED})


def allowed(old: str, new: str, *, by_staff: bool) -> bool:
    """May ``old`` become ``new`` (staff or the tenant)?"""
    table = STAFF_TRANSITIONS if by_staff else TENANT_TRANSITIONS
    return new in table.get(old, frozenset())


def next_statuses(old: str, *, by_staff: bool) -> list[str]:
    """The statuses ``old`` may become, in timeline order."""
    table = STAFF_TRANSITIONS if by_staff else TENANT_TRANSITIONS
    return [s for s in STATUS_LABELS if s in table.get(old, frozenset())]


def tenant_may_cancel(status: str) -> bool:
    """Cancelling is the tenant's only transition, while work has not started."""
    return allowed(status, CANCELLED, by_staff=False)
