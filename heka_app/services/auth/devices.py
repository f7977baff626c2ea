"""Device cookies (OWASP "Slow down online guessing attacks with device cookies").

A browser that has signed in to an account gets a long-lived HttpOnly cookie naming the
account, signed with the portal's secret: ``<account id>.<nonce>.<signature>``. Login
failures from such a device count against that device only, so failures from unknown
devices and addresses (an attacker) never lock out the tenant's own browser; and its
password-reset requests are served before anyone else's.

The cookie proves only "this browser signed in to this account before", never who is
asking: it is not a session and grants no access.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from heka_app.settings import get_settings

DEVICE_COOKIE = "heka_device"
DEVICE_COOKIE_MAX_AGE = 365 * 24 * 3600
_MAX_LENGTH = 200


def _signature(account_id: int, nonce: str) -> str:
    key = get_settings().secret_key.encode("utf-8")
    digest = hmac.new(key, f"device:{account_id}.{nonce}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def new_device_token(account_id: int) -> str:
    """A fresh device cookie value for ``account_id``."""
    nonce = secrets.token_urlsafe(16)
    return f"{account_id}.{nonce}.{_signature(account_id, nonce)}"


def device_account(token: str) -> int | None:
    """The account a valid device cookie names, or None (missing, forged, malformed)."""
    if not isinstance(token, str) or len(token) > _MAX_LENGTH:
        return None
    parts = token.split(".")
    if len(parts) != 3 or not parts[0].isdigit():
        return None
    account_id, nonce, signature = int(parts[0]), parts[1], parts[2]
    if not hmac.compare_digest(signature, _signature(account_id, nonce)):
        return None
    return account_id


def device_key(token: str) -> str:
    """The throttle key of a valid device (its nonce; the cookie itself is not stored)."""
    return "device:" + hashlib.sha256(token.encode("utf-8")).hexdigest()[:32]
