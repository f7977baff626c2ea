"""What each kind of actor may do: the one permission table every guard consults.

Tenants are split by their lease: primary tenants (signatory/spouse) and co-residents;
before the lease starts only ``home.view`` and account functions are open ("opens on").
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from heka_app.services.auth.actor import Actor
from heka_app.services.housing.residency import ACTIVE, UPCOMING

# Who may: "tenant" (any resident with access), "tenant_active" (lease in force),
# "primary_active" (primary tenant, lease in force), or a staff role name.
PERMISSIONS: dict[str, frozenset[str]] = {
    "account.view": frozenset({"tenant", "staff"}),
    "account.change_password": frozenset({"tenant", "staff"}),
    "account.change_email": frozenset({"tenant"}),
    "home.view": frozenset({"tenant"}),
    "faults.report": frozenset({"tenant_active"}),
    "messages.send": frozenset({"tenant_active"}),
    "rent.view": frozenset({"primary_active"}),
    "household.report_change": frozenset({"primary_active"}),
    "staff.area": frozenset({"staff"}),
    "staff.registration_codes": frozenset({"area_office", "admin"}),
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
