"""The navigation: one table of (route, label, permission), filtered for each actor on the
server, so a link appears only for those who may open its page (and new features add one
row here, not a branch in the header)."""

from __future__ import annotations

import dataclasses

from heka_app import routes
from heka_app.i18n import N_
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import authorize
from heka_app.services.housing.permissions import VIEW_HOME
from heka_app.services.rent.permissions import PAGE as RENT_PAGE
from heka_app.services.staff.permissions import AREA


@dataclasses.dataclass(frozen=True)
class NavItem:
    """A link of the main navigation; ``permission`` None means public."""

    route: str
    label: str
    permission: str | None = None


NAVIGATION: tuple[NavItem, ...] = (
    NavItem(routes.HOME, N_("Home")),
    NavItem(routes.INSTRUCTIONS, N_("Instructions")),
    NavItem(routes.ACCESSIBILITY, N_("Accessibility")),
    NavItem(routes.MY_HOME, N_("My home"), VIEW_HOME),
    NavItem(routes.RENT, N_("Rent"), RENT_PAGE),
    NavItem(routes.STAFF, N_("Staff area"), AREA),
)


def navigation_for(actor: Actor) -> list[dict[str, str]]:
    """The links ``actor`` may follow, as ``{"route", "label"}`` rows for the header."""
    return [
        {"route": item.route, "label": item.label}
        for item in NAVIGATION
        if item.permission is None or authorize(actor, item.permission).allowed
    ]
