"""Writes the installable app's language files into ``assets/`` from the .po catalogs.

A web app manifest has one name and one language, so there is one manifest per language
(``manifest-fi.json`` …); the page points at the one of its language (``assets/heka-pwa.js``
switches the link). The offline page carries all three languages and shows the visitor's
(the ``heka_lang`` cookie, else the browser's language) with a small inline script, which
the CSP allows by its hash like any page's own script (security_headers.py).

Written when the app module loads, like the JS catalog, and only when the content changed.
The files are generated, so they are ignored by git.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from heka_app import routes
from heka_app.i18n import LANGUAGES, N_
from heka_app.i18n.catalogs import gettext
from heka_app.settings import PROJECT_ROOT

ASSETS = PROJECT_ROOT / "assets"
OFFLINE_PAGE = "/offline.html"
# Heka's colours: the theme's accent (Radix indigo 9) and a white splash screen.
THEME_COLOR = "#3E63DD"
BACKGROUND_COLOR = "#FFFFFF"
ICONS = (
    {"src": "/icons/heka-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
    {"src": "/icons/heka-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
    {
        "src": "/icons/heka-maskable-512.png",
        "sizes": "512x512",
        "type": "image/png",
        "purpose": "maskable",
    },
)
APP_NAME = N_("Heka resident pages")
APP_SHORT_NAME = N_("My Heka")
APP_DESCRIPTION = N_(
    "Heka's resident pages: your home, rent, fault reports, news and instructions for "
    "Heka tenants in Helsinki."
)
OFFLINE_TITLE = N_("You are offline")
OFFLINE_TEXT = N_(
    "This page needs a connection. Pages you have opened on this device before, such as "
    "the fault report form, also open without one."
)
OFFLINE_OUTBOX = N_(
    "A fault report you send without a connection is kept on this device and sent when the "
    "connection returns."
)
OFFLINE_URGENT = N_(
    "Urgent faults, such as a water leak: call the 24-hour emergency number on your "
    "building's notice board."
)
OFFLINE_RETRY = N_("Try the connection again")
OFFLINE_FRONT_PAGE = N_("My page")


def manifest_path(lang: str) -> str:
    """URL path of a language's manifest."""
    return f"/manifest-{lang}.json"


def manifest(lang: str) -> dict:
    """The web app manifest in one language."""
    return {
        "id": "/",
        "lang": lang,
        "dir": "ltr",
        "name": gettext(lang, APP_NAME),
        "short_name": gettext(lang, APP_SHORT_NAME),
        "description": gettext(lang, APP_DESCRIPTION),
        "start_url": routes.MY_HOME,
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "background_color": BACKGROUND_COLOR,
        "theme_color": THEME_COLOR,
        "icons": list(ICONS),
    }


# Picks the visitor's language block; runs before the blocks are painted (end of body).
_OFFLINE_SCRIPT = """
(function () {
  var m = document.cookie.match(/(?:^|; )heka_lang=(fi|sv|en)(?:;|$)/);
  var nav = (navigator.language || "fi").slice(0, 2);
  var lang = m ? m[1] : (["fi", "sv", "en"].indexOf(nav) >= 0 ? nav : "fi");
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-lang]").forEach(function (block) {
    block.hidden = block.getAttribute("data-lang") !== lang;
    if (!block.hidden) document.title = block.getAttribute("data-title");
  });
  document.querySelectorAll(".retry").forEach(function (button) {
    button.addEventListener("click", function () { location.reload(); });
  });
})();
"""

_OFFLINE_STYLE = """
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1c2024; background: #fff; line-height: 1.5; }
header { background: __THEME__; color: #fff; padding: 0.75rem 1rem; }
header img { width: 2.5rem; height: 2.5rem; vertical-align: middle; margin-right: 0.5rem; }
main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem; }
h1 { font-size: 1.75rem; line-height: 1.2; }
button, a.front { font: inherit; font-size: 1.05rem; min-height: 2.75rem; padding: 0.5rem 1.25rem;
  border-radius: 0.5rem; margin: 0.5rem 0.75rem 0.5rem 0; display: inline-flex;
  align-items: center; box-sizing: border-box; }
button { background: __THEME__; color: #fff; border: 0; cursor: pointer; }
a.front { color: #1d2e62; border: 1px solid #1d2e62; text-decoration: none; }
:focus-visible { outline: 3px solid #1d2e62; outline-offset: 2px; }
""".replace("__THEME__", THEME_COLOR)


def _offline_block(lang: str) -> str:
    def text(msgid: str) -> str:
        return html.escape(gettext(lang, msgid))

    hidden = "" if lang == LANGUAGES[0] else " hidden"
    return (
        f'<section data-lang="{lang}" lang="{lang}" data-title="{text(OFFLINE_TITLE)} – '
        f'{text(APP_NAME)}"{hidden}>'
        f"<h1>{text(OFFLINE_TITLE)}</h1><p>{text(OFFLINE_TEXT)}</p>"
        f"<p>{text(OFFLINE_OUTBOX)}</p><p><strong>{text(OFFLINE_URGENT)}</strong></p>"
        f'<button type="button" class="retry">{text(OFFLINE_RETRY)}</button>'
        f'<a class="front" href="{routes.MY_HOME}">{text(OFFLINE_FRONT_PAGE)}</a></section>'
    )


def render_offline_page() -> str:
    """The offline page: all three languages, the visitor's shown."""
    first = LANGUAGES[0]
    title = html.escape(f"{gettext(first, OFFLINE_TITLE)} – {gettext(first, APP_NAME)}")
    return (
        "<!DOCTYPE html>\n"
        "<!-- Generated by heka_app/pwa/files.py from the .po catalogs. Do not edit. -->\n"
        f'<html lang="{first}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="theme-color" content="{THEME_COLOR}">'
        f"<title>{title}</title><style>{_OFFLINE_STYLE}</style></head><body>"
        '<header><img src="/icons/heka-192.png" alt=""> Heka</header><main>'
        + "".join(_offline_block(lang) for lang in LANGUAGES)
        + f"</main><script>{_OFFLINE_SCRIPT}</script></body></html>\n"
    )


def pwa_files() -> dict[Path, str]:
    """Every generated file and its text."""
    files = {ASSETS / OFFLINE_PAGE.lstrip("/"): render_offline_page()}
    for lang in LANGUAGES:
        text = json.dumps(manifest(lang), ensure_ascii=False, indent=2) + "\n"
        files[ASSETS / manifest_path(lang).lstrip("/")] = text
    return files


def write_pwa_files(assets: Path = ASSETS) -> bool:
    """Write the files whose content changed (into ``assets``); True when one was written."""
    written = False
    for target, text in pwa_files().items():
        target = assets / target.name
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written = True
    return written
