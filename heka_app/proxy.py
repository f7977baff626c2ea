"""Client addresses behind the reverse proxy (deploy/Caddyfile, docs/deployment.md).

Reflex resolves ``router.session.client_ip`` as the ``trusted_proxy_hops``-th address from
the right of X-Forwarded-For (rxconfig.py takes the number from settings), but it trusts
the header whoever sent it. This ASGI wrapper removes forwarding headers from every
request and websocket handshake whose direct peer is not one of the trusted proxies
(HEKA_TRUSTED_PROXIES), so a client that reaches a worker directly cannot choose the
address that the per-address throttles key on.

From a trusted proxy, ``X-Forwarded-Proto: https`` also sets the request's scheme, so the
app's own redirects (``/login`` -> ``/login/``) keep the address the browser used instead
of sending it to plain http on the TLS port.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from heka_app.security_headers import ASGIApp, Scope

FORWARDING_HEADERS = (b"x-forwarded-for", b"forwarded", b"x-real-ip", b"x-forwarded-proto")
SECURE_SCHEMES = {"http": "https", "websocket": "wss"}
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def is_trusted_peer(peer: str, networks: Sequence[Network]) -> bool:
    """True when ``peer`` (an IP address) lies in one of ``networks``."""
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        return False
    return any(address in net for net in networks)


def _forwarded_https(scope: Scope) -> bool:
    for key, value in scope.get("headers", []):
        if key.lower() == b"x-forwarded-proto":
            return value.strip().lower() == b"https"
    return False


def forwarded_only_from_trusted_proxies(
    app: ASGIApp, *, trusted: Sequence[str] | None = None
) -> ASGIApp:
    """Wrap an ASGI app (Reflex's ``api_transformer``): drop forwarding headers that did not
    come from a trusted proxy. ``trusted`` defaults to the settings' HEKA_TRUSTED_PROXIES."""
    if trusted is None:
        from heka_app.settings import get_settings

        trusted = get_settings().trusted_proxies
    networks = [ipaddress.ip_network(item, strict=False) for item in trusted]

    async def wrapped(scope: Scope, receive, send) -> None:
        if scope.get("type") in {"http", "websocket"}:
            peer = str((scope.get("client") or ("",))[0] or "")
            if not is_trusted_peer(peer, networks):
                scope = dict(scope)
                scope["headers"] = [
                    (k, v)
                    for k, v in scope.get("headers", [])
                    if k.lower() not in FORWARDING_HEADERS
                ]
            elif _forwarded_https(scope):
                scope = {**scope, "scheme": SECURE_SCHEMES[scope["type"]]}
        await app(scope, receive, send)

    return wrapped
