"""Email addresses as the portal stores and compares them.

Syntax is checked by email-validator (RFC 5321/5322 as mail servers accept them: no
quoted local parts, no display names, no ``<>()`` or spaces), not by a hand-made regex.
No DNS lookup: the confirmation mail proves the address works.
"""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from sqlmodel import Session, select

from heka_app.i18n import N_
from heka_app.models import UserAccount

INVALID_EMAIL = N_("Enter a valid email address, e.g. name@example.com.")
MAX_EMAIL_LENGTH = 254


def normalize_email(raw: str) -> str:
    """Trimmed and lower-cased (addresses are compared case-insensitively)."""
    return (raw or "").strip().lower()


def email_problem(email: str) -> str:
    """The msgid of what is wrong with a normalized address, or "" when it is valid."""
    if not email or len(email) > MAX_EMAIL_LENGTH:
        return INVALID_EMAIL
    try:
        checked = validate_email(
            email,
            check_deliverability=False,
            allow_smtputf8=False,  # the mail relay is not promised to speak SMTPUTF8
            allow_quoted_local=False,
            allow_display_name=False,
            allow_domain_literal=False,
            strict=True,  # RFC length limits (64 before the @) too
            test_environment=True,  # tests and the demo use *.test / *.example domains
        )
    except EmailNotValidError:
        return INVALID_EMAIL
    # Stored as typed; refuse what the library would rewrite (an internationalized domain
    # would need SMTPUTF8 or punycode, which the relay and the login form do not share).
    if checked.ascii_email is None or checked.ascii_email.lower() != email:
        return INVALID_EMAIL
    return ""


EMAIL_TAKEN = N_("This email address is already in use. Use another address or log in.")


def email_taken(session: Session, email: str) -> bool:
    """True when an account already uses the (normalized) address."""
    return (
        session.exec(select(UserAccount.id).where(UserAccount.email == email)).first() is not None
    )
