"""The navigation: one table of (route, label, permission), filtered for each actor on the
server, so a link appears only for those who may open its page (and new features add one
row here, not a branch in the header)."""

from __future__ import annotations

import dataclasses

from heka_app import routes
from heka_app.i18n import N_
from heka_app.services.accounts.permissions import VIEW_CHANGES
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import authorize
from heka_app.services.content import permissions as content
from heka_app.services.faults.permissions import HANDLE as HANDLE_FAULTS
from heka_app.services.faults.permissions import REPORT as REPORT_FAULT
from heka_app.services.housing.permissions import VIEW_HOME
from heka_app.services.messages.permissions import HANDLE as HANDLE_MESSAGES
from heka_app.services.messages.permissions import SEND as SEND_MESSAGES
from heka_app.services.rent.permissions import PAGE as RENT_PAGE
from heka_app.services.rent.permissions import VIEW_ANY as VIEW_ANY_RENT
from heka_app.services.signup.permissions import ISSUE_CODES
from heka_app.services.staff.permissions import AREA, ASSIGN_OFFICES


@dataclasses.dataclass(frozen=True)
class NavItem:
    """A link of the main navigation; ``permission`` None means public."""

    route: str
    label: str
    permission: str | None = None


NAVIGATION: tuple[NavItem, ...] = (
    NavItem(routes.HOME, N_("Home")),
    NavItem(routes.NEWS, N_("News")),
    NavItem(routes.INSTRUCTIONS, N_("Instructions")),
    NavItem(routes.ACCESSIBILITY, N_("Accessibility")),
    NavItem(routes.MY_HOME, N_("My page"), VIEW_HOME),
    NavItem(routes.MY_HOME_DETAILS, N_("My home"), VIEW_HOME),
    NavItem(routes.FAULTS, N_("Fault reports"), REPORT_FAULT),
    NavItem(routes.RENT, N_("Rent"), RENT_PAGE),
    NavItem(routes.MESSAGES, N_("Messages"), SEND_MESSAGES),
    NavItem(routes.STAFF_FAULTS, N_("Maintenance queue"), HANDLE_FAULTS),
    NavItem(routes.STAFF_MESSAGES, N_("Inbox"), HANDLE_MESSAGES),
    NavItem(routes.STAFF, N_("Staff area"), AREA),
)


# The tools of the staff area (/staff), each shown only to the roles that may use it;
# the feature issues add their rows (fault handling, rent monitoring, news editing).
STAFF_TOOLS: tuple[NavItem, ...] = (
    NavItem(routes.STAFF_CODES, N_("Area-office registration codes"), ISSUE_CODES),
    NavItem(routes.STAFF_FAULTS, N_("Fault reports: maintenance queue"), HANDLE_FAULTS),
    NavItem(routes.RENT, N_("Rent monitoring: a lease's rent"), VIEW_ANY_RENT),
    NavItem(routes.STAFF_CONTENT, N_("News and instructions"), content.EDIT),
    NavItem(routes.STAFF_MESSAGES, N_("Messages and service requests: inbox"), HANDLE_MESSAGES),
    NavItem(routes.STAFF_ACCOUNT_CHANGES, N_("Residents' detail changes"), VIEW_CHANGES),
    NavItem(routes.STAFF_AREA_OFFICES, N_("Area offices of the handlers"), ASSIGN_OFFICES),
)


def _rows(items: tuple[NavItem, ...], actor: Actor) -> list[dict[str, str]]:
    return [
        {"route": item.route, "label": item.label}
        for item in items
        if item.permission is None or authorize(actor, item.permission).allowed
    ]


def navigation_for(actor: Actor) -> list[dict[str, str]]:
    """The links ``actor`` may follow, as ``{"route", "label"}`` rows for the header."""
    return _rows(NAVIGATION, actor)


def staff_tools_for(actor: Actor) -> list[dict[str, str]]:
    """The staff-area tools ``actor``'s role may use (empty for roles with none yet)."""
    return _rows(STAFF_TOOLS, actor)
