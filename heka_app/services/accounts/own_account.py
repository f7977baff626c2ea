"""The logged-in user's own account: details for the account page, language preference."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session

from heka_app.models import UserAccount
from heka_app.services.accounts.detail_changes import set_preferred_language
from heka_app.services.accounts.permissions import VIEW
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.common.clock import utcnow


@dataclasses.dataclass(frozen=True)
class AccountView:
    """Email and name of the actor's own account."""

    email: str
    name: str


def own_account(*, session: Session, actor: Actor) -> AccountView:
    """The actor's own account.

    Raises:
        NotAllowed: No signed-in actor.
    """
    require(actor, VIEW)
    account = session.get_one(UserAccount, actor.account_id)  # a signed-in actor's own row
    return AccountView(email=account.email, name=actor.display_name)


def set_language(
    *, session: Session, actor: Actor, language: str, now: dt.datetime | None = None
) -> None:
    """Remember the UI language on the actor's own account.

    Raises:
        NotAllowed: No signed-in actor.
    """
    require(actor, VIEW)
    assert actor.account_id is not None  # require() refuses anonymous actors
    # The same as My details' language choice: it drives every mail, so it is logged.
    set_preferred_language(session, actor.account_id, language, now or utcnow())
