"""The logged-in user's own account settings (language preference)."""

from __future__ import annotations

from sqlmodel import Session

from heka_app.i18n import LANGUAGES
from heka_app.models import UserAccount
from heka_app.services.actor import Actor


def set_language(*, session: Session, actor: Actor, language: str) -> None:
    """Remember the UI language on the actor's own account."""
    if actor.account_id is None or language not in LANGUAGES:
        return
    account = session.get(UserAccount, actor.account_id)
    if account is not None:
        account.language = language
