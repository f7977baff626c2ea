"""What each kind of actor may do: the one permission table every guard consults.

Tenants are split by their lease: primary tenants (signatory/spouse) and co-residents;
before the lease starts only ``home.view`` and account functions are open ("opens on").
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from heka_app.services.accounts import permissions as accounts
from heka_app.services.auth.actor import Actor
from heka_app.services.common.results import NotAllowed
from heka_app.services.content import permissions as content
from heka_app.services.faults import permissions as faults
from heka_app.services.household import permissions as household
from heka_app.services.housing import permissions as housing
from heka_app.services.housing.residency import ACTIVE, UPCOMING
from heka_app.services.messages import permissions as messages
from heka_app.services.rent import permissions as rent
from heka_app.services.signup import permissions as signup
from heka_app.services.staff import permissions as staff

# Who may: "tenant" (any resident with access), "tenant_active" (lease in force),
# "primary_active" (primary tenant, lease in force), or a staff role name.
PERMISSIONS: dict[str, frozenset[str]] = {
    accounts.VIEW: frozenset({"tenant", "staff"}),
    accounts.CHANGE_PASSWORD: frozenset({"tenant", "staff"}),
    accounts.CHANGE_EMAIL: frozenset({"tenant"}),
    accounts.REFUND_ACCOUNT: frozenset({"tenant"}),
    accounts.VIEW_CHANGES: frozenset({"customer_service", "area_office", "admin"}),
    housing.VIEW_HOME: frozenset({"tenant"}),
    faults.REPORT: frozenset({"tenant_active"}),
    faults.HANDLE: frozenset({"maintenance", "customer_service", "admin"}),
    messages.SEND: frozenset({"tenant_active"}),
    messages.RENT: frozenset({"primary_active"}),
    messages.HANDLE: frozenset({"customer_service", "rent_monitoring", "area_office", "admin"}),
    messages.PAYMENT_PLAN: frozenset({"rent_monitoring", "admin"}),
    rent.VIEW: frozenset({"primary_active"}),
    rent.VIEW_ANY: frozenset({"rent_monitoring"}),
    rent.PAGE: frozenset({"tenant_active", "rent_monitoring"}),
    household.REPORT_CHANGE: frozenset({"primary_active"}),
    household.TERMINATE: frozenset({"primary_active"}),
    staff.AREA: frozenset({"staff"}),
    staff.ASSIGN_OFFICES: frozenset({"admin"}),
    content.READ: frozenset({"tenant", "staff"}),
    content.EDIT: frozenset({"content_editor", "admin"}),
    signup.ISSUE_CODES: frozenset({"area_office", "admin"}),
}

LOGIN_REQUIRED = "login_required"
FORBIDDEN = "forbidden"
NOT_YET_OPEN = "not_yet_open"


@dataclasses.dataclass(frozen=True)
class Decision:
    """Allowed, or why not (``reason``) and, for upcoming leases, when it opens."""

    allowed: bool
    reason: str = ""
    opens_on: dt.date | None = None


def authorize(actor: Actor, permission: str) -> Decision:
    """Decide whether ``actor`` may use ``permission``.

    Args:
        actor: The resolved actor (anonymous when there is no valid session).
        permission: A key of :data:`PERMISSIONS`.

    Returns:
        The :class:`Decision`.

    Raises:
        KeyError: For an unknown permission (a programming error, caught by tests).
    """
    allowed_for = PERMISSIONS[permission]
    if actor.is_anonymous:
        return Decision(False, LOGIN_REQUIRED)
    if actor.is_staff:
        ok = "staff" in allowed_for or actor.role in allowed_for
        return Decision(ok, "" if ok else FORBIDDEN)
    if not actor.is_tenant or actor.residency not in {ACTIVE, UPCOMING}:
        return Decision(False, FORBIDDEN)
    if "tenant" in allowed_for:
        return Decision(True)
    needs_primary = "primary_active" in allowed_for and "tenant_active" not in allowed_for
    if needs_primary and not actor.is_primary:
        return Decision(False, FORBIDDEN)
    if "tenant_active" in allowed_for or "primary_active" in allowed_for:
        if actor.residency == UPCOMING:
            return Decision(False, NOT_YET_OPEN, actor.opens_on)
        return Decision(True)
    return Decision(False, FORBIDDEN)


def require(actor: Actor, permission: str) -> None:
    """A service's own check, at its first line (the state guard has normally refused
    already; this holds when a handler forgot it or a new caller appears).

    Raises:
        NotAllowed: ``actor`` may not use ``permission``.
    """
    if not authorize(actor, permission).allowed:
        raise NotAllowed(permission)
