"""Password hashing: one Argon2id policy for every account (tenants, staff, demo).

The parameters are OWASP's Argon2id minimum (19 MiB memory, 2 passes, 1 lane). When
the policy changes, :func:`verify_password` returns a new hash for the caller to store,
so old hashes are upgraded at the next successful login.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any, TypeVar

# passlib 1.7.4 is unmaintained and imports the stdlib ``crypt`` module (deprecated)
# and reads ``argon2.__version__`` (deprecated). Both warnings are harmless and only
# fire at import/backend load, so they are silenced here rather than in every caller.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", category=DeprecationWarning, message=".*crypt.*")
    warnings.filterwarnings("ignore", category=DeprecationWarning, message=".*__version__.*")
    from passlib.context import CryptContext

    _CONTEXT = CryptContext(
        schemes=["argon2"],
        argon2__type="ID",
        argon2__memory_cost=19456,
        argon2__rounds=2,
        argon2__parallelism=1,
    )
    # Load the argon2-cffi backend now, while the warnings are filtered.
    _CONTEXT.handler("argon2").get_backend()


_HASHING = "_heka_hashes_passwords"
F = TypeVar("F", bound=Callable[..., Any])


def hashes_passwords(fn: F) -> F:
    """Mark a service that runs argon2: callers queue it in the hashing pool
    (heka_app/state/service_calls.py), not beside every other database call."""
    setattr(fn, _HASHING, True)
    return fn


def is_hashing(fn: Callable[..., Any]) -> bool:
    """Whether ``fn`` was marked with :func:`hashes_passwords`."""
    return bool(getattr(fn, _HASHING, False))


def hash_password(password: str) -> str:
    """Hash a password with the current policy.

    Args:
        password: The plain-text password.

    Returns:
        A self-describing ``$argon2id$...`` hash with its own random salt.
    """
    return _CONTEXT.hash(password)


def verify_password(password: str, password_hash: str) -> tuple[bool, str | None]:
    """Check a password against a stored hash.

    Args:
        password: What the user typed.
        password_hash: The stored hash.

    Returns:
        ``(ok, new_hash)``: ``new_hash`` is not None when the password was right but
        the hash uses outdated parameters and should be replaced with ``new_hash``.
        A malformed or unknown hash counts as a wrong password.
    """
    try:
        return _CONTEXT.verify_and_update(password, password_hash)
    except (ValueError, TypeError):
        return False, None
