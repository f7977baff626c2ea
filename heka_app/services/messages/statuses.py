"""A thread's status: sent -> in handling -> decided / done, or rejected with a reason.
Only staff change it; decided, done and rejected are final."""

from __future__ import annotations

from heka_app.i18n import N_

SENT, IN_HANDLING, DECIDED, DONE, REJECTED = "sent", "in_handling", "decided", "done", "rejected"
STATUS_LABELS = {
    SENT: N_("Sent"),
    IN_HANDLING: N_("In handling"),
    DECIDED: N_("Decided"),
    DONE: N_("Done"),
    REJECTED: N_("Rejected"),
}
NEXT: dict[str, tuple[str, ...]] = {
    SENT: (IN_HANDLING, DECIDED, DONE, REJECTED),
    IN_HANDLING: (DECIDED, DONE, REJECTED),
    DECIDED: (),
    DONE: (),
    REJECTED: (),
}
OPEN = (SENT, IN_HANDLING)
NEEDS_REASON = (REJECTED, DECIDED)


def allowed(old: str, new: str) -> bool:
    """Whether staff may move a thread from ``old`` to ``new``."""
    return new in NEXT.get(old, ())
