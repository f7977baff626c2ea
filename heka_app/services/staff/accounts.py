"""Staff accounts: created by an administrator's command, never self-registered."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from heka_app.models import UserAccount
from heka_app.models.accounts import STAFF_ROLES
from heka_app.services.auth.password_policy import check_new_password
from heka_app.services.auth.passwords import hash_password
from heka_app.services.common.emails import email_problem, email_taken, normalize_email


class StaffAccountError(ValueError):
    """Why the account could not be created (English, for the command line)."""


def create_staff_account(
    *, session: Session, email: str, role: str, display_name: str, password: str, now: dt.datetime
) -> int:
    """Create a confirmed staff account; returns its id.

    Raises:
        StaffAccountError: Unknown role, invalid or taken email, or a weak password.
    """
    if role not in STAFF_ROLES:
        raise StaffAccountError(f"role must be one of: {', '.join(STAFF_ROLES)}")
    email = normalize_email(email)
    if email_problem(email):
        raise StaffAccountError("invalid email address")
    if email_taken(session, email):
        raise StaffAccountError("an account with this email already exists")
    check = check_new_password(password, user_inputs=(email.split("@")[0], display_name))
    if not check.ok:
        raise StaffAccountError(f"password refused: {check.problems[0]}")
    account = UserAccount(
        email=email,
        password_hash=hash_password(password),
        role=role,
        display_name=display_name.strip()[:120],
        created_at=now,
        email_verified_at=now,
    )
    session.add(account)
    session.flush()
    assert account.id is not None  # the flush gave it its key
    return account.id
