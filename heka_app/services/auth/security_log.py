"""The security log (ASVS 16.3): a ``security_event`` row plus a JSON line on "heka.security".

Every login success/failure, lockout, registration, password or email change, ended
session and refused authorization is recorded in UTC. Nothing secret may be logged:
``detail`` is sanitized here (identity codes, token-like strings and ``password=...``
style values are redacted, control characters removed, length capped) so a careless
caller cannot leak one, and the log line is JSON so the text cannot forge log lines.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re

from sqlmodel import Session

from heka_app.models.security import SecurityEvent
from heka_app.services.common.clock import utcnow

LOGGER = logging.getLogger("heka.security")

LOGIN_SUCCEEDED = "login_succeeded"
LOGIN_FAILED = "login_failed"
LOGIN_REFUSED = "login_refused"  # right password, but no valid lease / account closed
LOCKED_OUT = "locked_out"
LOGGED_OUT = "logged_out"
SESSION_ENDED = "session_ended"
REGISTERED = "registered"
EMAIL_VERIFIED = "email_verified"
EMAIL_CHANGE_REQUESTED = "email_change_requested"
EMAIL_CHANGED = "email_changed"
REFUND_ACCOUNT_CHANGED = "refund_account_changed"
DATA_EXPORTED = "data_exported"
PASSWORD_CHANGED = "password_changed"  # noqa: S105 - an event name
PASSWORD_RESET_REQUESTED = "password_reset_requested"  # noqa: S105 - an event name
PASSWORD_RESET = "password_reset"  # noqa: S105 - an event name
AUTHZ_REFUSED = "authz_refused"
REGISTRATION_CODE_ISSUED = "registration_code_issued"
REGISTRATION_CODE_FAILED = "registration_code_failed"
REGISTRATION_CODE_USED = "registration_code_used"
IDENTIFICATION_SUCCEEDED = "identification_succeeded"
IDENTIFICATION_FAILED = "identification_failed"

# Events that point at an attack or a misuse are logged at WARNING, the rest at INFO.
WARNING_EVENTS = frozenset(
    {LOGIN_FAILED, LOCKED_OUT, AUTHZ_REFUSED, REGISTRATION_CODE_FAILED, IDENTIFICATION_FAILED}
)

MAX_DETAIL = 300
MAX_EVENT = 40
MAX_CLIENT_IP = 64
REDACTED = "[redacted]"

# "password=...", "token: ...", "hetu=..." and friends: the value goes, the name stays.
_SECRET_VALUE = re.compile(
    r"(?i)\b(password|passwd|pwd|secret|token|jti|code|hetu|identity_code|ssn|otp)"
    r"(\s*[=:]\s*)(\"[^\"]*\"|'[^']*'|[^\s,;&]+)"
)
# Finnish identity code DDMMYY C NNN Q, broad on purpose (invalid dates or check characters
# are still personal data); the century sign can be - + A-F U-Y, any case.
_IDENTITY_CODE = re.compile(r"(?i)(?<![0-9])[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]")
# Runs of 20+ URL-safe characters: session secrets, signed links, hashes.
_TOKEN_LIKE = re.compile(r"[A-Za-z0-9_-]{20,}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_IP_CHARS = re.compile(r"[^0-9A-Za-z:.%\[\]-]")
_EVENT_CHARS = re.compile(r"[^a-z0-9_.-]")


# A name made of words: "strong_identification", "RegistrationCodeState", "HTTP_ERROR".
_WORDS = re.compile(r"(?:[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]{2,})+")


def _looks_like_words(run: str) -> bool:
    return all(part == "" or _WORDS.fullmatch(part) for part in re.split(r"[_-]", run))


def _redact_token(match: re.Match[str]) -> str:
    run = match.group(0)
    # Long names (words, CamelCase class names) stay readable; random strings almost always
    # contain a digit, or mixed case that no run of words explains (none of 300 000
    # 43-character secrets passed as words).
    looks_random = any(c.isdigit() for c in run) or not _looks_like_words(run)
    return REDACTED if looks_random else run


def sanitize_detail(detail: str) -> str:
    """Make free text safe to store and log.

    Args:
        detail: Text from a caller, possibly containing secrets by mistake.

    Returns:
        The text without control characters, with identity codes, token-like strings
        and ``name=value`` secrets replaced by ``[redacted]``, at most 300 characters.
    """
    text = _CONTROL.sub(" ", str(detail or ""))
    text = _SECRET_VALUE.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    text = _IDENTITY_CODE.sub(REDACTED, text)
    text = _TOKEN_LIKE.sub(_redact_token, text)
    return text.strip()[:MAX_DETAIL]


def _clean_ip(client_ip: str) -> str:
    return _IP_CHARS.sub("", str(client_ip or ""))[:MAX_CLIENT_IP]


def _clean_event(event: str) -> str:
    cleaned = _EVENT_CHARS.sub("_", str(event or "").strip().lower())[:MAX_EVENT]
    if not cleaned:
        raise ValueError("a security event needs a name")
    return cleaned


def log_security_event(
    session: Session,
    *,
    event: str,
    account_id: int | None = None,
    client_ip: str = "",
    detail: str = "",
    now: dt.datetime | None = None,
) -> SecurityEvent:
    """Record a security event in the database and on the "heka.security" logger.

    Args:
        session: Database session (flushed, not committed: the row is part of the
            caller's transaction).
        event: One of this module's event constants.
        account_id: The account concerned, if known.
        client_ip: The client's real address (not a forwarded header from an untrusted hop).
        detail: Short context; never a password, token or identity code (redacted anyway).
        now: Aware UTC time of the event; the current time if omitted.

    Returns:
        The new :class:`SecurityEvent` row.
    """
    occurred = (now or utcnow()).astimezone(dt.UTC)
    row = SecurityEvent(
        occurred_at=occurred,
        event=_clean_event(event),
        account_id=account_id,
        client_ip=_clean_ip(client_ip),
        detail=sanitize_detail(detail),
    )
    session.add(row)
    session.flush()
    record = {
        "ts": occurred.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "event": row.event,
        "account_id": row.account_id,
        "client_ip": row.client_ip,
        "detail": row.detail,
        "id": row.id,
    }
    level = logging.WARNING if row.event in WARNING_EVENTS else logging.INFO
    LOGGER.log(level, json.dumps(record, ensure_ascii=False), extra={"security_event": record})
    return row
