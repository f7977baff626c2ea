"""Strong electronic identification over OpenID Connect: the relying-party side of the
authorization code flow with PKCE S256, state and nonce (discovery, authorize URL, code
exchange, JWKS, the person from the verified ID token). Blocking httpx: callers run it in a
thread and keep state/nonce/verifier server-side between begin_login and complete_login.

FTN's profile adds, pluggable here and not built: private_key_jwt (a branch in
``_client_auth``), signed request objects (sign ``params`` into ``request`` in begin_login),
encrypted ID tokens (decrypt at the end of ``_exchange``). JWT/JWE code goes in
services/auth/tokens.py.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import secrets
import threading
import time
from typing import Any
from urllib.parse import quote_plus

import httpx

from heka_app.services.auth import tokens
from heka_app.settings import Settings

_TIMEOUT = httpx.Timeout(10.0)
# The provider's metadata and keys change rarely; a short cache still picks up rotation.
_CACHE_TTL_SECONDS = 300.0
_cache: dict[str, tuple[float, dict[str, Any]]] = {}
_cache_lock = threading.Lock()


class OidcError(Exception):
    """Identification failed; ``reason`` is machine-readable and safe to log: one of
    provider_unreachable, provider_invalid, exchange_failed, token_invalid, claim_missing,
    assurance_insufficient, issuer_mismatch."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclasses.dataclass(frozen=True)
class OidcStart:
    """Where to send the browser, and the secrets the caller keeps server-side."""

    authorize_url: str
    state: str
    nonce: str
    code_verifier: str


@dataclasses.dataclass(frozen=True)
class StrongIdentity:
    """The strongly identified person, from a verified ID token."""

    identity_code: str
    given_name: str
    family_name: str
    birthdate: str | None
    assurance: str | None
    issuer: str


def clear_caches() -> None:
    """Forget cached discovery documents and key sets (tests, provider restarts)."""
    with _cache_lock:
        _cache.clear()


def _get_json(url: str, *, force: bool = False) -> dict[str, Any]:
    now = time.monotonic()
    with _cache_lock:
        hit = _cache.get(url)
    if hit and not force and now - hit[0] < _CACHE_TTL_SECONDS:
        return hit[1]
    try:
        response = httpx.get(url, timeout=_TIMEOUT, headers={"Accept": "application/json"})
        response.raise_for_status()
        document = response.json()
    except httpx.HTTPError as exc:  # also non-2xx answers
        raise OidcError("provider_unreachable", type(exc).__name__) from exc
    except ValueError as exc:
        raise OidcError("provider_invalid", "not JSON") from exc
    if not isinstance(document, dict):
        raise OidcError("provider_invalid", "not a JSON object")
    with _cache_lock:
        _cache[url] = (now, document)
    return document


def _discover(settings: Settings) -> dict[str, Any]:
    issuer = settings.oidc_issuer.rstrip("/")
    doc = _get_json(f"{issuer}/.well-known/openid-configuration")
    # OIDC Discovery 4.3: the document must name exactly the issuer we asked (mix-up defense).
    if doc.get("issuer") != settings.oidc_issuer:
        raise OidcError("provider_invalid", "issuer mismatch in discovery")
    for name in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        url = doc.get(name)
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            raise OidcError("provider_invalid", f"{name} missing")
        # Plain http only in development (the local dev provider); never in production.
        if not url.startswith("https://") and not settings.is_dev:
            raise OidcError("provider_invalid", f"{name} is not https")
    return doc


def begin_login(settings: Settings, redirect_uri: str) -> OidcStart:
    """Build the authorization request (code flow, PKCE S256, state, nonce).

    Args:
        settings: Portal settings (issuer, client id).
        redirect_uri: Our callback URL, registered at the provider.

    Returns:
        The authorize URL, and state, nonce and verifier for the caller to keep server-side.

    Raises:
        OidcError: If the provider's discovery document cannot be fetched or is invalid.
    """
    doc = _discover(settings)
    state = secrets.token_urlsafe(32)
    nonce = secrets.token_urlsafe(32)
    code_verifier = secrets.token_urlsafe(48)  # 64 characters (RFC 7636: 43-128)
    digest = hashlib.sha256(code_verifier.encode("ascii")).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    params = {"response_type": "code", "client_id": settings.oidc_client_id}
    params |= {"redirect_uri": redirect_uri, "scope": "openid profile", "state": state}
    params |= {"nonce": nonce, "code_challenge": challenge, "code_challenge_method": "S256"}
    url = httpx.URL(doc["authorization_endpoint"]).copy_merge_params(params)
    return OidcStart(str(url), state, nonce, code_verifier)


def _client_auth(settings: Settings, form: dict[str, str]) -> httpx.Auth | None:
    method = settings.oidc_client_auth_method
    if method == "client_secret_post":
        form.update(client_id=settings.oidc_client_id, client_secret=settings.oidc_client_secret)
        return None
    if method == "client_secret_basic":
        # RFC 6749 2.3.1: id and secret are form-urlencoded before Basic encoding.
        return httpx.BasicAuth(
            quote_plus(settings.oidc_client_id), quote_plus(settings.oidc_client_secret)
        )
    raise OidcError("exchange_failed", f"unsupported client auth method {method!r}")


def _exchange(settings: Settings, doc: dict, redirect_uri: str, code: str, verifier: str) -> dict:
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri}
    form["code_verifier"] = verifier
    auth = _client_auth(settings, form)
    try:
        response = httpx.post(doc["token_endpoint"], data=form, auth=auth, timeout=_TIMEOUT)
    except httpx.HTTPError as exc:
        raise OidcError("provider_unreachable", type(exc).__name__) from exc
    try:
        body = response.json()
    except ValueError:
        body = {}
    if response.status_code != 200 or not isinstance(body, dict):
        error = str(body.get("error", ""))[:64] if isinstance(body, dict) else ""
        raise OidcError("exchange_failed", f"HTTP {response.status_code} {error}".strip())
    # An encrypted ID token (FTN) would be decrypted here, via tokens.py, before verification.
    if not isinstance(body.get("id_token"), str) or not body["id_token"]:
        raise OidcError("exchange_failed", "no id_token in token response")
    return body


def complete_login(
    settings: Settings,
    *,
    redirect_uri: str,
    code: str,
    code_verifier: str,
    nonce: str,
    response_issuer: str | None = None,
) -> StrongIdentity:
    """Exchange the callback's code and read the person from the verified ID token.

    Args:
        settings: Portal settings (issuer, client credentials, claim name, algorithms).
        redirect_uri: The same redirect URI as in ``begin_login``.
        code: The ``code`` query parameter of the callback.
        code_verifier: The PKCE verifier stored at ``begin_login``.
        nonce: The nonce stored at ``begin_login``.
        response_issuer: The callback's ``iss`` parameter (RFC 9207) if it had one.

    Returns:
        Identity code (claim ``settings.oidc_identity_claim``), names, birthdate, acr, issuer.

    Raises:
        OidcError: On any failure, with a machine-readable ``reason``.
    """
    if response_issuer is not None and response_issuer != settings.oidc_issuer:
        raise OidcError("issuer_mismatch")
    if not code or not code_verifier or not nonce:
        raise OidcError("exchange_failed", "code, verifier and nonce are required")
    doc = _discover(settings)
    body = _exchange(settings, doc, redirect_uri, code, code_verifier)
    id_token, access_token = body["id_token"], body.get("access_token")

    def verify(refetch: bool) -> dict[str, Any]:
        try:
            return tokens.verify_id_token(
                id_token,
                jwks=_get_json(doc["jwks_uri"], force=refetch),
                issuer=settings.oidc_issuer,
                client_id=settings.oidc_client_id,
                nonce=nonce,
                allowed_algorithms=settings.oidc_id_token_algorithms,
                access_token=access_token if isinstance(access_token, str) else None,
            )
        except tokens.UnknownSigningKey:
            if refetch:
                raise OidcError("token_invalid", "unknown_kid") from None
            raise
        except tokens.InvalidToken as exc:
            raise OidcError("token_invalid", exc.reason) from exc

    try:
        claims = verify(refetch=False)
    except tokens.UnknownSigningKey:
        claims = verify(refetch=True)  # the provider may have rotated its keys: refetch once
    return _identity_from(settings, claims)


def _identity_from(settings: Settings, claims: dict[str, Any]) -> StrongIdentity:
    identity_code = claims.get(settings.oidc_identity_claim)
    if not isinstance(identity_code, str) or not identity_code.strip():
        raise OidcError("claim_missing", settings.oidc_identity_claim)
    texts = {}
    for name in ("given_name", "family_name", "birthdate", "acr"):
        value = claims.get(name)
        if value is not None and not isinstance(value, str):
            raise OidcError("token_invalid", f"{name} is not a string")
        texts[name] = value
    acr = texts["acr"]
    # SECURITY.md (6.8.4): check the assurance level when the broker sends one.
    if acr is not None and settings.oidc_accepted_acr and acr not in settings.oidc_accepted_acr:
        raise OidcError("assurance_insufficient")
    return StrongIdentity(
        identity_code=identity_code.strip().upper(),
        given_name=texts["given_name"] or "",
        family_name=texts["family_name"] or "",
        birthdate=texts["birthdate"] or None,
        assurance=acr,
        issuer=claims["iss"],
    )
