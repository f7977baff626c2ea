"""The user's own account details as shown on the account page."""

from __future__ import annotations

import dataclasses

from sqlmodel import Session

from heka_app.models import UserAccount
from heka_app.services.actor import Actor
from heka_app.services.authorization import authorize


@dataclasses.dataclass(frozen=True)
class AccountView:
    """Email and name of the actor's own account."""

    email: str
    name: str


def own_account(*, session: Session, actor: Actor) -> AccountView | None:
    """The actor's own account (None without a session)."""
    if not authorize(actor, "account.view").allowed:
        return None
    account = session.get(UserAccount, actor.account_id)
    return AccountView(email=account.email, name=actor.display_name)
