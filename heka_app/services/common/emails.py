"""Email addresses as the portal stores and compares them."""

from __future__ import annotations

import re

from sqlmodel import Session, select

from heka_app.i18n import N_
from heka_app.models import UserAccount

EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
INVALID_EMAIL = N_("Enter a valid email address, e.g. name@example.com.")


def normalize_email(raw: str) -> str:
    """Trimmed and lower-cased (addresses are compared case-insensitively)."""
    return (raw or "").strip().lower()


def email_problem(email: str) -> str:
    """The msgid of what is wrong with a normalized address, or "" when it looks valid."""
    if len(email) > 254 or not EMAIL_RE.match(email):
        return INVALID_EMAIL
    return ""


EMAIL_TAKEN = N_("This email address is already in use. Use another address or log in.")


def email_taken(session: Session, email: str) -> bool:
    """True when an account already uses the (normalized) address."""
    return (
        session.exec(select(UserAccount.id).where(UserAccount.email == email)).first() is not None
    )
