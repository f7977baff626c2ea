"""Opaque bearer secrets: random values handed out once, and the hash that is stored."""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets


def new_secret() -> str:
    """A random 256-bit URL-safe secret (session ids, tickets, one-time codes' source)."""
    return secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    """SHA-256 hex of a secret; only this is stored, so a database leak reveals no secret."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


# Memoized (issue 15): every event's session check shows the tag again, and the HMAC was
# ~0.7 % of a loaded worker's CPU. A pure function of the account and the key.
@functools.lru_cache(maxsize=4096)
def device_owner_tag(account_id: int, *, key: str) -> str:
    """An opaque tag for an account on things its browser keeps on the device (the offline
    fault-report outbox), so a shared browser sends them only in their owner's session.

    HMAC of the account id under the app's secret: stable per account, unlinkable to the
    id without the key, different for every account.
    """
    mac = hmac.new(key.encode("utf-8"), f"device-owner:{account_id}".encode(), hashlib.sha256)
    return mac.hexdigest()[:32]
