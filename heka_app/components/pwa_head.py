"""The installable app's tags in every page's ``<head>`` (prerendered, so the browser sees
them before any script runs): the manifest, the theme colour, the iOS icon and the script
that installs the service worker (``assets/heka-pwa.js``, a static file outside the
bundle: ~0.6 KB gz on each page).

In kiosk mode a shared terminal must keep nothing: no manifest and no worker; the same
script then removes any worker, cache and outbox an earlier setup left behind.
"""

from __future__ import annotations

import reflex as rx

from heka_app.i18n import DEFAULT_LANGUAGE
from heka_app.pwa.files import THEME_COLOR, manifest_path

PWA_SCRIPT = "/heka-pwa.js"


def pwa_head(*, kiosk: bool) -> list[rx.Component]:
    """The head components (``rx.App(head_components=...)``)."""
    if kiosk:
        return [rx.el.script(src=PWA_SCRIPT, custom_attrs={"data-kiosk": ""})]
    return [
        rx.el.link(rel="manifest", href=manifest_path(DEFAULT_LANGUAGE)),
        rx.el.meta(name="theme-color", content=THEME_COLOR),
        rx.el.link(rel="apple-touch-icon", href="/icons/apple-touch-icon.png"),
        rx.el.script(src=PWA_SCRIPT, defer=True),
    ]
