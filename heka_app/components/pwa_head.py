"""The installable app's tags in every page's ``<head>`` (prerendered, so the browser sees
them before any script runs): the manifest, the theme colour, the iOS icon, and a one-line
script that loads ``assets/heka-pwa.js`` after the page's load event. That script installs
the service worker; loading it after ``load`` keeps it out of the first-load JavaScript
every page is budgeted for (tests/e2e/bundles.py). The inline line is allowed by its hash
like any page's own script (security_headers.py computes it from the served HTML).

In kiosk mode a shared terminal must keep nothing: no manifest and no worker; the same
script (marked ``data-kiosk``) then removes any worker, cache and outbox an earlier setup
left behind.
"""

from __future__ import annotations

import reflex as rx

from heka_app.i18n import DEFAULT_LANGUAGE
from heka_app.pwa.files import THEME_COLOR, manifest_path

PWA_SCRIPT = "/heka-pwa.js"


def loader(*, kiosk: bool) -> str:
    """The inline script that loads :data:`PWA_SCRIPT` once the page has loaded."""
    mark = 's.dataset.kiosk="";' if kiosk else ""
    return (
        'addEventListener("load",function(){var s=document.createElement("script");'
        f's.src="{PWA_SCRIPT}";{mark}document.head.appendChild(s)}})'
    )


def pwa_head(*, kiosk: bool) -> list[rx.Component]:
    """The head components (``rx.App(head_components=...)``)."""
    load = rx.el.script(loader(kiosk=kiosk))
    if kiosk:
        return [load]
    return [
        rx.el.link(rel="manifest", href=manifest_path(DEFAULT_LANGUAGE)),
        rx.el.meta(name="theme-color", content=THEME_COLOR),
        rx.el.link(rel="apple-touch-icon", href="/icons/apple-touch-icon.png"),
        load,
    ]
