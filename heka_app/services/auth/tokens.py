"""Signed tokens, the only module calling python-jose: the portal's own HS256 one-time-link
tokens, and verification of the identification broker's ID tokens. jose's defaults are unsafe
(SECURITY.md): every decode pins the algorithm and requires exp, iat, aud, iss and sub. Single
use of app tokens is the caller's job: it records ``SignedToken.jti`` when a link is used."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import math
import secrets
from typing import Any

from jose import jwk, jwt
from jose.exceptions import JOSEError

from heka_app.services.common.clock import system_utcnow, utcnow
from heka_app.settings import get_settings

APP_ISSUER = "heka-portal"
_Now = dt.datetime | None  # an injected clock; None = clock.utcnow()
_APP_ALGORITHM = "HS256"
# Registered claims are ours to set; ``extra`` must not override them.
_RESERVED = frozenset({"iss", "aud", "sub", "iat", "exp", "nbf", "jti"})
# A token this long is not one of ours; refuse before parsing (cheap DoS guard).
_MAX_TOKEN_LENGTH = 8192
# iat a little in the future is clock skew between servers; more than this is refused.
_MAX_IAT_SKEW = dt.timedelta(seconds=60)
# ID tokens must be signed with a public-key algorithm: a shared-secret algorithm would let
# anyone holding the (public) JWKS forge tokens.
_KEY_TYPE_OF_ALG_PREFIX = {"RS": "RSA", "PS": "RSA", "ES": "EC"}


class InvalidToken(Exception):
    """Malformed, forged, expired or meant for something else; ``reason`` is safe to log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class UnknownSigningKey(InvalidToken):
    """The ID token names a key id missing from the JWKS (the provider may have rotated)."""


@dataclasses.dataclass(frozen=True)
class SignedToken:
    """What a valid app token says."""

    subject: str
    jti: str
    expires_at: dt.datetime
    extra: dict[str, Any]


def _app_key() -> str:
    # A key of its own, derived from the portal secret, so a token signature can never be
    # confused with another use of secret_key (key separation).
    secret = get_settings().secret_key.encode("utf-8")
    return hmac.new(secret, b"heka-portal signed tokens v1", hashlib.sha256).hexdigest()


def _jose_leeway(now: dt.datetime | None) -> int:
    # jose checks exp against the real clock whenever exp is required. With an injected
    # ``now`` in the past our own check below decides, so jose is given just enough leeway
    # not to refuse what is valid at ``now``; it never accepts what our check refuses.
    if now is None:
        return 0
    return max(0, math.ceil(system_utcnow().timestamp() - now.timestamp())) + 1


def _check_times(claims: dict[str, Any], now_ts: int) -> None:
    for name in ("exp", "iat"):
        value = claims.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidToken(f"{name}_invalid")
    # RFC 7519: the token must not be accepted on or after exp. No leeway.
    if now_ts >= claims["exp"]:
        raise InvalidToken("expired")
    if claims["iat"] > now_ts + _MAX_IAT_SKEW.total_seconds():
        raise InvalidToken("iat_in_future")
    nbf = claims.get("nbf")
    if nbf is not None and (not isinstance(nbf, int | float) or nbf > now_ts):
        raise InvalidToken("not_yet_valid")


def _decode(token: str, key: Any, alg: str, aud: str, iss: str, now: _Now, **kw: Any) -> dict:
    # jose with the algorithm pinned and the registered claims required; then our time checks.
    now = now or utcnow()  # the app's clock (a pinned one in tests); jose reads the machine's
    required = ("exp", "iat", "aud", "iss", "sub", *kw.pop("also_require", ()))
    options = {f"require_{name}": True for name in required} | {"leeway": _jose_leeway(now)}
    try:
        claims = jwt.decode(token, key, [alg], options, audience=aud, issuer=iss, **kw)
    except JOSEError as exc:
        raise InvalidToken("rejected") from exc
    _check_times(claims, int(now.timestamp()))
    if not isinstance(claims["sub"], str) or not claims["sub"]:
        raise InvalidToken("sub_invalid")
    return claims


def make_signed_token(
    purpose: str, subject: str, *, ttl: dt.timedelta, extra: dict | None = None, now: _Now = None
) -> str:
    """Make an HS256 token for one purpose (its audience), e.g. an email verification link.

    Args:
        purpose: What the token is for, e.g. ``"email-verify"``; checked when read.
        subject: Whom it is about (an account id as text).
        ttl: How long it is valid.
        extra: More JSON-serializable claims; registered claim names are refused.
        now: Issue time (aware); defaults to the current UTC time.

    Returns:
        The compact JWT.

    Raises:
        ValueError: Empty purpose or subject, non-positive ttl, reserved name in ``extra``.
    """
    if not purpose or not subject:
        raise ValueError("purpose and subject are required")
    if ttl <= dt.timedelta(0):
        raise ValueError("ttl must be positive")
    clash = _RESERVED.intersection(extra or {})
    if clash:
        raise ValueError(f"extra may not set registered claims: {sorted(clash)}")
    issued = int((now or utcnow()).timestamp())
    claims = {
        **(extra or {}),
        "iss": APP_ISSUER,
        "aud": purpose,
        "sub": subject,
        "iat": issued,
        "exp": issued + int(ttl.total_seconds()),
        "jti": secrets.token_hex(16),  # 128 random bits: the single-use record's key
    }
    return jwt.encode(claims, _app_key(), algorithm=_APP_ALGORITHM)


def read_signed_token(token: str, purpose: str, *, now: dt.datetime | None = None) -> SignedToken:
    """Check an app token made by :func:`make_signed_token` for ``purpose``.

    Args:
        token: The compact JWT from the link.
        purpose: The purpose it must have been made for.
        now: Current time (aware); defaults to the current UTC time.

    Returns:
        Its subject, jti (for the caller's single-use record), expiry and extra claims.

    Raises:
        InvalidToken: Malformed, tampered, other algorithm/key/purpose/issuer, or expired.
    """
    if not isinstance(token, str) or not token or len(token) > _MAX_TOKEN_LENGTH or not purpose:
        raise InvalidToken("malformed")
    claims = _decode(
        token, _app_key(), _APP_ALGORITHM, purpose, APP_ISSUER, now, also_require=["jti"]
    )
    if not isinstance(claims["jti"], str):
        raise InvalidToken("jti_invalid")
    return SignedToken(
        subject=claims["sub"],
        jti=claims["jti"],
        expires_at=dt.datetime.fromtimestamp(claims["exp"], dt.UTC),
        extra={k: v for k, v in claims.items() if k not in _RESERVED},
    )


def _signing_key(header: dict[str, Any], jwks: dict[str, Any], alg: str):
    kty = _KEY_TYPE_OF_ALG_PREFIX[alg[:2]]

    def usable(k: Any) -> bool:
        if not isinstance(k, dict):
            return False
        return k.get("kty") == kty and k.get("use", "sig") == "sig" and k.get("alg", alg) == alg

    candidates = [k for k in jwks.get("keys", []) if usable(k)]
    kid = header.get("kid")
    if kid is not None:
        candidates = [k for k in candidates if k.get("kid") == kid]
        if not candidates:
            raise UnknownSigningKey("unknown_kid")
    if len(candidates) != 1:
        # No kid and several keys: guessing would be trying keys until one fits.
        raise InvalidToken("ambiguous_key")
    try:
        # The key object is bound to the pinned algorithm, not to whatever the header says.
        return jwk.construct(candidates[0], algorithm=alg)
    except JOSEError as exc:
        raise InvalidToken("bad_jwk") from exc


def verify_id_token(
    id_token: str,
    *,
    jwks: dict[str, Any],
    issuer: str,
    client_id: str,
    nonce: str,
    now: dt.datetime | None = None,
    allowed_algorithms: tuple[str, ...] = ("RS256",),
    access_token: str | None = None,
) -> dict[str, Any]:
    """Verify an ID token from the identification broker and return its claims.

    Checks the signature with the JWKS key named by ``kid``, the pinned algorithm, ``iss``,
    ``aud``/``azp``, ``exp`` (no leeway), ``iat``, ``sub``, ``nonce`` and ``at_hash``.

    Args:
        id_token: The compact JWT from the token endpoint.
        jwks: The provider's JSON Web Key Set (``{"keys": [...]}``).
        issuer: The expected issuer, exactly.
        client_id: Our client id: must be the audience.
        nonce: The nonce sent in the authorization request.
        now: Current time (aware); defaults to the machine's clock (the broker stamps its
            tokens with its own real time, never with a test clock).
        allowed_algorithms: Public-key algorithms accepted (never HS*/none).
        access_token: The access token issued with it, to check ``at_hash``.

    Raises:
        InvalidToken: Anything wrong (``UnknownSigningKey`` for a kid not in ``jwks``).
        ValueError: ``allowed_algorithms`` holds a non-public-key algorithm.
    """
    public_key_only = all(a[:2] in _KEY_TYPE_OF_ALG_PREFIX for a in allowed_algorithms)
    if not allowed_algorithms or not public_key_only:
        raise ValueError("ID tokens are only accepted with public-key algorithms (RS/PS/ES)")
    if not isinstance(id_token, str) or not id_token or len(id_token) > _MAX_TOKEN_LENGTH:
        raise InvalidToken("malformed")
    if not nonce:
        raise InvalidToken("nonce_missing")
    try:
        header = jwt.get_unverified_header(id_token)
    except JOSEError as exc:
        raise InvalidToken("malformed") from exc
    alg = header.get("alg")
    if alg not in allowed_algorithms:
        raise InvalidToken("algorithm_not_allowed")
    key = _signing_key(header, jwks, alg)
    when = now or system_utcnow()
    claims = _decode(id_token, key, alg, client_id, issuer, when, access_token=access_token)
    # OIDC Core 3.1.3.7: with several audiences, azp must name us; if present it must be us.
    several = isinstance(claims["aud"], list) and len(claims["aud"]) > 1
    if (several and "azp" not in claims) or claims.get("azp", client_id) != client_id:
        raise InvalidToken("azp_invalid")
    got = claims.get("nonce")
    if not isinstance(got, str) or not hmac.compare_digest(got.encode(), nonce.encode()):
        raise InvalidToken("nonce_mismatch")
    return claims
