"""Changing one's own details: phone, refund bank account, mail choices and language.

Each change is checked, stored and written to the change log in one transaction. A new
refund account moves money, so it asks for the current password first (throttled like a
login, as the email change does) and the account's address gets a notice mail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlmodel import Session

from heka_app.i18n import LANGUAGES, N_
from heka_app.models import AccountContact, UserAccount
from heka_app.services.accounts.change_log import record_change
from heka_app.services.accounts.contact_formats import check_iban, check_phone, mask_iban
from heka_app.services.accounts.credentials import reauthenticate
from heka_app.services.accounts.my_details import contact_of
from heka_app.services.accounts.permissions import REFUND_ACCOUNT, VIEW
from heka_app.services.auth import security_log
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.auth.passwords import hashes_passwords
from heka_app.services.common.results import FormResult
from heka_app.services.mail.jobs import enqueue_mail
from heka_app.services.mail.templates import refund_account_changed_mail
from heka_app.services.notifications.preferences import (
    DEFAULTS,
    set_email_choice,
    wants_email,
)

CHOOSE_LANGUAGE = N_("Choose a language.")


def _contact(session: Session, account_id: int, now: dt.datetime) -> AccountContact:
    contact = contact_of(session, account_id)
    if contact is None:
        contact = AccountContact(account_id=account_id, updated_at=now)
        session.add(contact)
    return contact


def change_phone(*, session: Session, actor: Actor, now: dt.datetime, phone: object) -> FormResult:
    """Store the actor's phone in E.164 (empty: remove it).

    Raises:
        NotAllowed: Not signed in.
    """
    require(actor, VIEW)
    assert actor.account_id is not None  # require() refuses anonymous actors
    checked = check_phone(phone)
    if checked.error:
        return FormResult.refused(phone=checked.error)
    contact = _contact(session, actor.account_id, now)
    record_change(
        session, account_id=actor.account_id, item="phone", old=contact.phone,
        new=checked.value, now=now,
    )  # fmt: skip
    contact.phone, contact.updated_at = checked.value, now
    return FormResult.done()


@hashes_passwords  # re-authentication runs argon2: the hashing pool
def change_refund_account(
    *,
    session: Session,
    actor: Actor,
    now: dt.datetime,
    iban: object,
    password: object,
    client_ip: str = "",
) -> FormResult:
    """Store the refund IBAN after re-authentication; the account's address is told.

    Raises:
        NotAllowed: Not a tenant.
    """
    require(actor, REFUND_ACCOUNT)
    assert actor.account_id is not None  # require() refuses anonymous actors
    checked = check_iban(iban)
    if checked.error:
        return FormResult.refused(iban=checked.error)
    account = session.get_one(UserAccount, actor.account_id)
    refused = reauthenticate(
        session, account, password if isinstance(password, str) else "", client_ip, now
    )
    if refused is not None:
        return refused
    contact = _contact(session, actor.account_id, now)
    if contact.refund_iban == checked.value:
        return FormResult.done()
    old = contact.refund_iban
    record_change(
        session, account_id=actor.account_id, item="refund_iban", old=mask_iban(old),
        new=mask_iban(checked.value), now=now,
    )  # fmt: skip
    contact.refund_iban, contact.updated_at = checked.value, now
    security_log.log_security_event(
        session, event=security_log.REFUND_ACCOUNT_CHANGED, account_id=actor.account_id,
        client_ip=client_ip, now=now,
    )  # fmt: skip
    enqueue_mail(
        session,
        refund_account_changed_mail(account.email, mask_iban(checked.value), account.language),
        key=f"mail:refund-account:{actor.account_id}:{now.isoformat()}",
        now=now,
    )
    return FormResult.done()


def save_preferences(
    *,
    session: Session,
    actor: Actor,
    now: dt.datetime,
    email_kinds: Mapping[str, object],
    language: object,
) -> FormResult:
    """Store the mail choice of every kind (missing or false: off) and the language.

    Raises:
        NotAllowed: Not signed in.
    """
    require(actor, VIEW)
    assert actor.account_id is not None  # require() refuses anonymous actors
    if language not in LANGUAGES:
        return FormResult.refused(language=CHOOSE_LANGUAGE)
    for kind in DEFAULTS:
        wanted = email_kinds.get(kind) is True
        before = wants_email(session, actor.account_id, kind)
        if wanted != before:
            set_email_choice(session=session, actor=actor, kind=kind, email=wanted, now=now)
            record_change(
                session, account_id=actor.account_id, item=f"notify:{kind}",
                old="on" if before else "off", new="on" if wanted else "off", now=now,
            )  # fmt: skip
    set_preferred_language(session, actor.account_id, str(language), now)
    return FormResult.done()


def set_preferred_language(
    session: Session, account_id: int, language: str, now: dt.datetime | None
) -> None:
    """The account's language (UI after login and every mail), logged when it changes."""
    if language not in LANGUAGES:
        return
    account = session.get(UserAccount, account_id)
    if account is None or account.language == language:
        return
    if now is not None:
        record_change(
            session, account_id=account_id, item="language", old=account.language,
            new=language, now=now,
        )  # fmt: skip
    account.language = language
