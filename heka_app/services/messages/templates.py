"""Answers staff use often, in the three languages; a template is put into the reply box
in the language of the tenant who started the thread, and edited before sending."""

from __future__ import annotations

from sqlmodel import Session

from heka_app.i18n import N_
from heka_app.i18n.catalogs import gettext
from heka_app.models import UserAccount
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.messages.access import get_thread_for
from heka_app.services.messages.permissions import HANDLE

# key -> (label for staff, the text)
TEMPLATES: dict[str, tuple[str, str]] = {
    "received": (
        N_("Received, we will answer"),
        N_(
            "Thank you for your message. We have received it and will answer within a few "
            "working days."
        ),
    ),
    "more_info": (
        N_("Ask for more details"),
        N_(
            "Thank you for your message. To handle it we need a few more details: please "
            "answer in this thread."
        ),
    ),
    "approved": (
        N_("Approved"),
        N_("Your request has been approved. You will find the details in this thread."),
    ),
    "parking_queue": (
        N_("Parking: in the queue"),
        N_(
            "Your parking space application is in the queue. We will contact you when a "
            "space becomes free."
        ),
    ),
    "household_confirmed": (
        N_("Household change: confirmed"),
        N_("The household change has been confirmed and the resident register updated."),
    ),
    "household_not_verified": (
        N_("Household change: details not verified"),
        N_(
            "We could not confirm the household change because the details did not match "
            "the population register. Please check the name and identity code and send a "
            "new notice."
        ),
    ),
    "termination_received": (
        N_("Notice of termination: received"),
        N_(
            "We have received your notice of termination. The lease ends on the date shown "
            "in the notice. We will contact you to agree on the time of the final inspection."
        ),
    ),
    "plan_agreed": (
        N_("Payment plan agreed"),
        N_(
            "We have agreed on a payment plan with you. You can see the due dates and "
            "amounts on the rent page."
        ),
    ),
}


def template_text(*, session: Session, actor: Actor, thread_id: int, key: str) -> str:
    """The template ``key`` in the thread starter's language ("" for an unknown key).

    Raises:
        NotFound: Not a thread of the handler's scope.
    """
    require(actor, HANDLE)
    thread = get_thread_for(session=session, actor=actor, thread_id=thread_id)
    if key not in TEMPLATES:
        return ""
    account = session.get(UserAccount, thread.started_by_account_id or 0)
    return gettext(account.language if account else "fi", TEMPLATES[key][1])
