"""Opaque bearer secrets: random values handed out once, and the hash that is stored."""

from __future__ import annotations

import hashlib
import secrets


def new_secret() -> str:
    """A random 256-bit URL-safe secret (session ids, tickets, one-time codes' source)."""
    return secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    """SHA-256 hex of a secret; only this is stored, so a database leak reveals no secret."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
