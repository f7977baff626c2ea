"""Finding 7: behind the reverse proxy each client keeps its own address, and only the
trusted proxy can say what that address is."""

from __future__ import annotations

import pytest
from reflex.app import EventNamespace
from reflex_base.config import get_config
from reflex_base.constants import RouteVar

from heka_app.proxy import forwarded_only_from_trusted_proxies
from heka_app.settings import SettingsError, load_settings

STRONG = "x" * 40
PROXY = "127.0.0.1"


def test_production_trusts_one_proxy_hop_by_default():
    prod = load_settings({"HEKA_ENV": "prod", "HEKA_SECRET_KEY": STRONG})
    assert prod.trusted_proxy_hops == 1
    assert prod.trusted_proxies == ("127.0.0.1", "::1")
    assert load_settings({}).trusted_proxy_hops == 0  # dev: the browser talks to the app
    custom = {"HEKA_TRUSTED_PROXY_HOPS": "2", "HEKA_TRUSTED_PROXIES": "10.0.0.0/8"}
    assert load_settings(custom).trusted_proxy_hops == 2
    for bad in ("-1", "one", "9"):
        with pytest.raises(SettingsError):
            load_settings({"HEKA_TRUSTED_PROXY_HOPS": bad})


def test_rxconfig_takes_the_hops_from_settings():
    import rxconfig

    assert rxconfig.config.trusted_proxy_hops == rxconfig._settings.trusted_proxy_hops


async def _client_ip(peer: str, headers: dict[str, str]) -> str:
    """The address Reflex gives the handlers of a websocket that came from ``peer``."""
    seen = {}

    async def inner(scope, receive, send):
        seen["scope"] = scope

    app = forwarded_only_from_trusted_proxies(inner, trusted=("127.0.0.1", "::1"))
    scope = {
        "type": "websocket",
        "client": (peer, 50000),
        "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
    }
    await app(scope, None, None)
    data = EventNamespace._build_static_router_data(None, "sid", {"asgi.scope": seen["scope"]})
    return data[RouteVar.CLIENT_IP]


@pytest.fixture
def one_hop(monkeypatch):
    monkeypatch.setattr(get_config(), "trusted_proxy_hops", 1)


@pytest.mark.anyio
async def test_the_forwarded_address_counts_only_from_the_trusted_proxy(one_hop):
    # Through the proxy: each client has its own address (not the proxy's).
    assert await _client_ip(PROXY, {"x-forwarded-for": "203.0.113.9"}) == "203.0.113.9"
    assert await _client_ip(PROXY, {"x-forwarded-for": "203.0.113.10"}) == "203.0.113.10"
    # A client that prepends its own X-Forwarded-For: the proxy appends the real address,
    # which is the one that counts.
    spoofed = {"x-forwarded-for": "198.51.100.1, 203.0.113.9"}
    assert await _client_ip(PROXY, spoofed) == "203.0.113.9"
    # A client that reaches the worker directly cannot choose its address.
    direct = {"x-forwarded-for": "198.51.100.1", "forwarded": "for=198.51.100.1"}
    assert await _client_ip("192.0.2.50", direct) == "192.0.2.50"
    assert await _client_ip("192.0.2.50", {}) == "192.0.2.50"


@pytest.fixture
def anyio_backend():
    return "asyncio"


async def _scheme(peer: str, kind: str, proto: str) -> str:
    seen = {}

    async def inner(scope, receive, send):
        seen["scope"] = scope

    app = forwarded_only_from_trusted_proxies(inner, trusted=("127.0.0.1", "::1"))
    scope = {"type": kind, "scheme": "http" if kind == "http" else "ws", "client": (peer, 1),
             "headers": [(b"x-forwarded-proto", proto.encode())]}  # fmt: skip
    await app(scope, None, None)
    return seen["scope"]["scheme"]


@pytest.mark.anyio
async def test_the_proxy_tells_the_app_the_browser_used_https():
    """Behind Caddy, /login's redirect to /login/ must stay on https (issue 15: it went to
    http on the TLS port); only the trusted proxy may say so."""
    assert await _scheme(PROXY, "http", "https") == "https"
    assert await _scheme(PROXY, "websocket", "https") == "wss"
    assert await _scheme(PROXY, "http", "http") == "http"
    assert await _scheme("203.0.113.9", "http", "https") == "http"
