"""A thread's status: sent -> in handling -> decided / done, or rejected with a reason.
Only staff change it; decided, done and rejected are final.

A request every signatory must confirm starts as waiting (Heka does not see it yet) and
becomes sent when the last one confirms, or ends withdrawn or expired (14 days)."""

from __future__ import annotations

from heka_app.i18n import N_

SENT, IN_HANDLING, DECIDED, DONE, REJECTED = "sent", "in_handling", "decided", "done", "rejected"
WAITING, WITHDRAWN, EXPIRED = "waiting", "withdrawn", "expired"
# The statuses staff work with (a thread not yet received never reaches them).
STAFF_STATUS_LABELS = {
    SENT: N_("Sent"),
    IN_HANDLING: N_("In handling"),
    DECIDED: N_("Decided"),
    DONE: N_("Done"),
    REJECTED: N_("Rejected"),
}
NOT_RECEIVED = (WAITING, WITHDRAWN, EXPIRED)
STATUS_LABELS = STAFF_STATUS_LABELS | {
    WAITING: N_("Waiting for every signatory"),
    WITHDRAWN: N_("Withdrawn"),
    EXPIRED: N_("Not confirmed in time"),
}
NEXT: dict[str, tuple[str, ...]] = {
    SENT: (IN_HANDLING, DECIDED, DONE, REJECTED),
    IN_HANDLING: (DECIDED, DONE, REJECTED),
    DECIDED: (),
    DONE: (),
    REJECTED: (),
    WAITING: (),
    WITHDRAWN: (),
    EXPIRED: (),
}
OPEN = (SENT, IN_HANDLING)
NEEDS_REASON = (REJECTED, DECIDED)
APPROVED = (DECIDED, DONE)


def allowed(old: str, new: str) -> bool:
    """Whether staff may move a thread from ``old`` to ``new``."""
    return new in NEXT.get(old, ())
