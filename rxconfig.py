"""Reflex configuration; values come from HEKA_* settings (heka_app/settings.py)."""

import reflex as rx
from reflex.plugins.sitemap import SitemapPlugin

from heka_app.first_paint import HekaFirstPaintPlugin
from heka_app.frontend_build import HekaRadixThemesPlugin, heka_theme
from heka_app.settings import get_settings

_settings = get_settings()

config = rx.Config(
    app_name="heka_app",
    telemetry_enabled=False,
    db_url=_settings.database_url,
    redis_url=_settings.redis_url or None,
    # One process: in-memory state (the disk manager is for hot reload only).
    state_manager_mode="redis" if _settings.redis_url else "memory",
    # Websocket origin check: only the portal's own address outside dev.
    # Behind the reverse proxy: the client address is the one it forwards (heka_app/proxy.py
    # drops forwarding headers that did not come from a trusted proxy address).
    trusted_proxy_hops=_settings.trusted_proxy_hops,
    cors_allowed_origins=["*"] if _settings.is_dev else [_settings.public_base_url],
    show_built_with_reflex=False,
    # No rx.dynamic components here: without this every page imports the whole Radix
    # Themes namespace for window.__reflex (about 60 KB gz of components no page uses).
    frontend_lazy_bundled_libraries=True,
    # Brotli next to gzip: about a fifth smaller JS and CSS for browsers over HTTPS.
    frontend_compression_formats=["brotli", "gzip"],
    plugins=[
        # Radix Themes CSS without the 23 colour scales the portal does not use.
        HekaRadixThemesPlugin(theme=heka_theme()),
        # The prerendered HTML paints first: its JS module preloads at low priority.
        HekaFirstPaintPlugin(),
    ],
    disable_plugins=[SitemapPlugin],
)
