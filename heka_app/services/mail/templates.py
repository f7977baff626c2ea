"""The texts of the portal's mails (fi/sv/en): email verification, password reset,
email-change notice and password-change notice.

Each function returns an :class:`~heka_app.services.mail.sender.OutgoingMail` in the
recipient's language. Texts are English msgids translated with the catalogs; links are
passed as the ``{link}`` parameter so translators never touch them.
"""

from __future__ import annotations

from heka_app.i18n import N_, coerce_language
from heka_app.i18n.catalogs import gettext
from heka_app.services.auth.one_time_links import LINK_TTL, RESET_PASSWORD, VERIFY_EMAIL
from heka_app.services.mail.sender import OutgoingMail

HELLO = N_("Hello,")
SIGNATURE = N_("Heka resident pages")
AUTOMATIC = N_("This message was sent automatically. Replies are not read.")
LINK_VALIDITY = N_("The link works once, within {hours} h.")
VERIFY_SUBJECT = N_("Confirm your email address - Heka resident pages")
VERIFY_BODY = N_(
    "Confirm your email address for Heka's resident pages by opening this link:\n{link}"
)
VERIFY_IGNORE = N_("If you did not ask for this, you can ignore this message.")
RESET_SUBJECT = N_("Reset your password - Heka resident pages")
RESET_BODY = N_(
    "A new password was requested for your account on Heka's resident pages. "
    "To choose a new password, open this link:\n{link}"
)
RESET_IGNORE = N_(
    "If you did not ask for this, you can ignore this message: your password stays the same."
)
EMAIL_CHANGED_SUBJECT = N_("Your email address is being changed - Heka resident pages")
EMAIL_CHANGED_BODY = N_(
    "The email address of your account on Heka's resident pages is being changed to "
    "{new_email}. The change takes effect when the link sent to the new address is opened."
)
NOT_YOU_CONTACT = N_(
    "If you did not do this, contact Heka's customer service at once: "
    "someone may know your password."
)
ADDRESS_IN_USE_SUBJECT = N_("Someone tried to use your email address - Heka resident pages")
ADDRESS_IN_USE_BODY = N_(
    "Someone asked to use this email address for another account on Heka's resident "
    "pages. Your account already uses it, so nothing was changed."
)
ADDRESS_IN_USE_HINT = N_(
    'If it was you and you cannot log in, use "Forgot your password?" on the login page. '
    "Otherwise you can ignore this message."
)
PASSWORD_CHANGED_SUBJECT = N_("Your password was changed - Heka resident pages")
PASSWORD_CHANGED_BODY = N_(
    "The password of your account on Heka's resident pages was changed. "
    "You were logged out on your other devices."
)
REFUND_ACCOUNT_SUBJECT = N_("Your refund bank account was changed - Heka resident pages")
REFUND_ACCOUNT_BODY = N_(
    "The bank account for refunds on your account on Heka's resident pages was changed to {iban}."
)
NOT_YOU_RESET = N_(
    "If you did not do this, reset your password on the login page and contact "
    "Heka's customer service at once."
)


def _hours(purpose: str) -> int:
    return int(LINK_TTL[purpose].total_seconds() // 3600)


def _compose(language: str, to: str, subject: str, paragraphs: list[str]) -> OutgoingMail:
    footer = gettext(language, SIGNATURE) + "\n" + gettext(language, AUTOMATIC)
    body = "\n\n".join([gettext(language, HELLO), *paragraphs, footer])
    return OutgoingMail(
        to=to, subject=gettext(language, subject), text_body=body + "\n", language=language
    )


def _link_mail(
    to: str, link: str, language: str, purpose: str, texts: tuple[str, str, str]
) -> OutgoingMail:
    """A mail carrying a one-time link: (subject, body with {link}, "ignore if not you")."""
    subject, body, ignore = texts
    lang = coerce_language(language)
    paragraphs = [
        gettext(lang, body, link=link),
        gettext(lang, LINK_VALIDITY, hours=_hours(purpose)),
        gettext(lang, ignore),
    ]
    return _compose(lang, to, subject, paragraphs)


def _mask_email(address: str) -> str:
    # Enough for the owner to recognise the address, not a full copy of someone's
    # (possibly an intruder's) address in a mailbox that may be shared.
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def verify_email_mail(to: str, link: str, language: str) -> OutgoingMail:
    """The mail asking to confirm an email address (registration or email change).

    Args:
        to: The address to confirm.
        link: The signed one-time confirmation link.
        language: fi, sv or en (anything else: Finnish).

    Returns:
        The mail to send.
    """
    texts = (VERIFY_SUBJECT, VERIFY_BODY, VERIFY_IGNORE)
    return _link_mail(to, link, language, VERIFY_EMAIL, texts)


def reset_password_mail(to: str, link: str, language: str) -> OutgoingMail:
    """The mail with a password reset link.

    Args:
        to: The account's address.
        link: The signed one-time reset link.
        language: fi, sv or en.

    Returns:
        The mail to send.
    """
    texts = (RESET_SUBJECT, RESET_BODY, RESET_IGNORE)
    return _link_mail(to, link, language, RESET_PASSWORD, texts)


def email_changed_notice_mail(old_email: str, new_email: str, language: str) -> OutgoingMail:
    """A notice to the old address that the account's address is being changed.

    Args:
        old_email: The current address (the recipient).
        new_email: The requested new address (shown masked).
        language: fi, sv or en.

    Returns:
        The mail to send.
    """
    lang = coerce_language(language)
    paragraphs = [
        gettext(lang, EMAIL_CHANGED_BODY, new_email=_mask_email(new_email)),
        gettext(lang, NOT_YOU_CONTACT),
    ]
    return _compose(lang, old_email, EMAIL_CHANGED_SUBJECT, paragraphs)


def address_in_use_mail(to: str, language: str) -> OutgoingMail:
    """A notice to the owner of an address that someone tried to register it or move
    another account to it (instead of telling the requester that it is taken).

    Args:
        to: The address in use (the recipient).
        language: The owner's language: fi, sv or en.

    Returns:
        The mail to send.
    """
    lang = coerce_language(language)
    paragraphs = [gettext(lang, ADDRESS_IN_USE_BODY), gettext(lang, ADDRESS_IN_USE_HINT)]
    return _compose(lang, to, ADDRESS_IN_USE_SUBJECT, paragraphs)


def password_changed_mail(to: str, language: str) -> OutgoingMail:
    """A notice that the account's password was changed or reset.

    Args:
        to: The account's address.
        language: fi, sv or en.

    Returns:
        The mail to send.
    """
    lang = coerce_language(language)
    paragraphs = [gettext(lang, PASSWORD_CHANGED_BODY), gettext(lang, NOT_YOU_RESET)]
    return _compose(lang, to, PASSWORD_CHANGED_SUBJECT, paragraphs)


def refund_account_changed_mail(to: str, masked_iban: str, language: str) -> OutgoingMail:
    """A notice that the refund bank account was changed (a hijacked session redirecting
    refunds is seen by the owner).

    Args:
        to: The account's address.
        masked_iban: The new account, masked (``FI** **** 0785``).
        language: fi, sv or en.

    Returns:
        The mail to send.
    """
    lang = coerce_language(language)
    paragraphs = [
        gettext(lang, REFUND_ACCOUNT_BODY, iban=masked_iban),
        gettext(lang, NOT_YOU_RESET),
    ]
    return _compose(lang, to, REFUND_ACCOUNT_SUBJECT, paragraphs)
