"""services/auth/tokens.py: app one-time-link tokens, and ID-token forgeries (SECURITY.md Tokens).

Forged tokens are built by hand (base64url + cryptography/hmac), not with python-jose, so
the tests do not share the code under test's assumptions.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from heka_app.services.auth import tokens
from heka_app.services.auth.tokens import InvalidToken, UnknownSigningKey
from heka_app.services.common.clock import system_utcnow

ISSUER = "https://broker.example"
CLIENT_ID = "heka-portal"
NONCE = "n-0S6_WzA2Mj"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def compact(header: dict, claims: dict, sign) -> str:
    signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims).encode())}"
    return f"{signing_input}.{b64(sign(signing_input.encode()))}"


def rs256(private_key):
    return lambda data: private_key.sign(data, padding.PKCS1v15(), hashes.SHA256())


def jwk_of(private_key, kid: str) -> dict:
    numbers = private_key.public_key().public_numbers()
    as_bytes = lambda i: i.to_bytes((i.bit_length() + 7) // 8, "big")  # noqa: E731
    jwk = {"kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256"}
    return jwk | {"n": b64(as_bytes(numbers.n)), "e": b64(as_bytes(numbers.e))}


@pytest.fixture(scope="module")
def key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def jwks(key):
    return {"keys": [jwk_of(key, "k1")]}


def id_claims(now: dt.datetime, **changes) -> dict:
    ts = int(now.timestamp())
    claims = {"iss": ISSUER, "aud": CLIENT_ID, "sub": "opaque-sub", "iat": ts, "exp": ts + 300}
    claims |= {"nonce": NONCE, "hetu": "010594Y9032"} | changes
    return {k: v for k, v in claims.items() if v is not None}


def verify(token: str, jwks: dict, now: dt.datetime | None = None, **kw):
    kw.setdefault("nonce", NONCE)
    return tokens.verify_id_token(
        token, jwks=jwks, issuer=ISSUER, client_id=CLIENT_ID, now=now, **kw
    )


def test_app_token_round_trip_with_extra_and_random_jti(now):
    token = tokens.make_signed_token(
        "email-verify", "42", ttl=dt.timedelta(hours=1), extra={"email": "a@b.fi"}
    )
    read = tokens.read_signed_token(token, "email-verify")
    assert (read.subject, read.extra) == ("42", {"email": "a@b.fi"})
    assert len(read.jti) == 32 and int(read.jti, 16) >= 0  # 128 bits as hex
    assert read.expires_at - now <= dt.timedelta(hours=1)
    again = tokens.make_signed_token("email-verify", "42", ttl=dt.timedelta(hours=1))
    assert tokens.read_signed_token(again, "email-verify").jti != read.jti


def test_app_token_with_injected_clock_far_from_real_time():
    past = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)
    token = tokens.make_signed_token("pw-reset", "7", ttl=dt.timedelta(minutes=30), now=past)
    ok = tokens.read_signed_token(token, "pw-reset", now=past + dt.timedelta(minutes=29))
    assert ok.expires_at == past + dt.timedelta(minutes=30)
    with pytest.raises(InvalidToken):
        tokens.read_signed_token(token, "pw-reset", now=past + dt.timedelta(minutes=30))


def test_app_token_wrong_purpose_rejected():
    token = tokens.make_signed_token("email-verify", "42", ttl=dt.timedelta(hours=1))
    with pytest.raises(InvalidToken):
        tokens.read_signed_token(token, "pw-reset")


def test_app_token_expired_by_one_second_rejected(now):
    token = tokens.make_signed_token("pw-reset", "42", ttl=dt.timedelta(minutes=10), now=now)
    exp = now.replace(microsecond=0) + dt.timedelta(minutes=10)
    tokens.read_signed_token(token, "pw-reset", now=exp - dt.timedelta(seconds=1))
    with pytest.raises(InvalidToken, match="expired"):
        tokens.read_signed_token(token, "pw-reset", now=exp + dt.timedelta(seconds=1))


def test_app_token_tampered_or_forged_rejected(key, now):
    token = tokens.make_signed_token("pw-reset", "42", ttl=dt.timedelta(hours=1))
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "==")) | {"sub": "1"}
    forged_payload = b64(json.dumps(claims).encode())
    flipped = signature[:10] + ("B" if signature[10] == "A" else "A") + signature[11:]
    ts = int(now.timestamp())
    good = {"iss": "heka-portal", "aud": "pw-reset", "sub": "1", "iat": ts, "exp": ts + 60}
    good |= {"jti": "0" * 32}  # well-formed claims; only the signature is wrong
    other_secret = lambda d: hmac.new(b"guessed-secret", d, hashlib.sha256).digest()  # noqa: E731
    forgeries = [
        f"{header}.{forged_payload}.{signature}",
        f"{header}.{payload}.{flipped}",
        compact({"alg": "none", "typ": "JWT"}, good, lambda d: b""),
        compact({"alg": "HS256", "typ": "JWT"}, good, other_secret),
        compact({"alg": "RS256", "typ": "JWT"}, good, rs256(key)),
        "not.a.jwt",
        "",
        "x" * 10_000,
    ]
    for forged in forgeries:
        with pytest.raises(InvalidToken):
            tokens.read_signed_token(forged, "pw-reset")


def test_app_token_refuses_reserved_extra_and_bad_ttl():
    with pytest.raises(ValueError):
        tokens.make_signed_token("x", "1", ttl=dt.timedelta(hours=1), extra={"aud": "y"})
    with pytest.raises(ValueError):
        tokens.make_signed_token("x", "1", ttl=dt.timedelta(0))


def test_valid_id_token_accepted(key, jwks, now):
    token = compact({"alg": "RS256", "kid": "k1"}, id_claims(now), rs256(key))
    claims = verify(token, jwks, now=now)
    assert claims["hetu"] == "010594Y9032" and claims["sub"] == "opaque-sub"


@pytest.mark.parametrize(
    "changes",
    [
        {"exp": None},
        {"iat": None},
        {"aud": None},
        {"aud": "someone-else"},
        {"aud": ["someone-else", "another"]},
        {"aud": [CLIENT_ID, "another"]},  # several audiences without azp
        {"azp": "someone-else"},
        {"iss": None},
        {"iss": "https://evil.example"},
        {"sub": None},
        {"nonce": None},
        {"nonce": "another-nonce"},
        {"exp": "tomorrow"},
        {"iat": 4102444800},  # issued in 2100
    ],
    ids=str,
)
def test_id_token_with_bad_claims_rejected(key, jwks, changes, now):
    token = compact({"alg": "RS256", "kid": "k1"}, id_claims(now, **changes), rs256(key))
    with pytest.raises(InvalidToken):
        verify(token, jwks, now=now)


def test_id_token_expired_by_one_second_rejected(key, jwks, now):
    now = now.replace(microsecond=0)
    token = compact({"alg": "RS256", "kid": "k1"}, id_claims(now), rs256(key))
    verify(token, jwks, now=now + dt.timedelta(seconds=299))
    with pytest.raises(InvalidToken, match="expired"):
        verify(token, jwks, now=now + dt.timedelta(seconds=301))
    # Without ``now`` the broker's tokens meet the machine's clock (the broker's own time),
    # never a pinned test clock.
    real = system_utcnow()
    stale = compact(
        {"alg": "RS256", "kid": "k1"}, id_claims(real, exp=int(real.timestamp()) - 1), rs256(key)
    )
    with pytest.raises(InvalidToken):
        verify(stale, jwks)
    fresh = compact({"alg": "RS256", "kid": "k1"}, id_claims(real), rs256(key))
    assert verify(fresh, jwks)["sub"] == "opaque-sub"


def test_id_token_alg_none_and_hs256_with_public_key_rejected(key, jwks, now):
    claims = id_claims(now)
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    hs256 = lambda d: hmac.new(public_pem, d, hashlib.sha256).digest()  # noqa: E731
    for header, sign in [
        ({"alg": "none", "kid": "k1"}, lambda d: b""),
        ({"alg": "None", "kid": "k1"}, lambda d: b""),
        ({"kid": "k1"}, rs256(key)),
        ({"alg": "HS256", "kid": "k1"}, hs256),
        ({"alg": "HS256"}, hs256),
        ({"alg": "RS512", "kid": "k1"}, rs256(key)),
    ]:
        with pytest.raises(InvalidToken):
            verify(compact(header, claims, sign), jwks, now=now)
    with pytest.raises(ValueError):
        verify(compact({"alg": "HS256"}, claims, hs256), jwks, allowed_algorithms=("HS256",))


def test_id_token_signed_by_another_key_or_tampered_rejected(key, jwks, now):
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = compact({"alg": "RS256", "kid": "k1"}, id_claims(now), rs256(other))
    with pytest.raises(InvalidToken):
        verify(forged, jwks, now=now)
    header, _, signature = compact({"alg": "RS256", "kid": "k1"}, id_claims(now), rs256(key)).split(
        "."
    )
    payload = b64(json.dumps(id_claims(now, hetu="131052-308T")).encode())
    with pytest.raises(InvalidToken):
        verify(f"{header}.{payload}.{signature}", jwks, now=now)


def test_id_token_key_selection_by_kid(key, jwks, now):
    unknown = compact({"alg": "RS256", "kid": "k2"}, id_claims(now), rs256(key))
    with pytest.raises(UnknownSigningKey):
        verify(unknown, jwks, now=now)
    no_kid = compact({"alg": "RS256"}, id_claims(now), rs256(key))
    assert verify(no_kid, jwks, now=now)["sub"] == "opaque-sub"  # one key: unambiguous
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    two_keys = {"keys": [*jwks["keys"], jwk_of(other, "k2")]}
    with pytest.raises(InvalidToken):
        verify(no_kid, two_keys, now=now)
    with pytest.raises(InvalidToken):
        verify(unknown, two_keys, now=now)  # kid k2 now names a key that did not sign it
    by_kid = compact({"alg": "RS256", "kid": "k2"}, id_claims(now), rs256(other))
    assert verify(by_kid, two_keys, now=now)["iss"] == ISSUER


def test_id_token_at_hash_checked_when_access_token_given(key, jwks, now):
    at_hash = b64(hashlib.sha256(b"the-access-token").digest()[:16])
    token = compact({"alg": "RS256", "kid": "k1"}, id_claims(now, at_hash=at_hash), rs256(key))
    assert verify(token, jwks, now=now, access_token="the-access-token")
    with pytest.raises(InvalidToken):
        verify(token, jwks, now=now, access_token="another-access-token")
