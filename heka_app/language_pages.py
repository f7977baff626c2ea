"""Every prerendered page in Swedish and English too (issue 9: the first paint in the
reader's language, without a flash and without a second render).

React Router prerenders the pages in Finnish, the state's compiled default. A Swedish or
English reader used to get that Finnish page and then, once the JavaScript had loaded and
the state had arrived over the websocket, the whole page rendered again in their language
(or, with the language cookie set, a page hidden for up to 1.5 s): the largest single
task of the load on a phone. This build step renders each page again per language with the
server build React Router left (``prerender_languages.mjs``, run by Node in the web
directory) and writes ``<page>.<lang>.html`` next to the Finnish file;
``served_language.py`` serves the one the reader's cookie or browser asks for.

The browser must hydrate such a page in its language: the page's module script first
awaits ``globalThis.hekaServe`` (assets/heka_lang.js), which puts the language in the
state's default and loads its tables, as the prerender did. ``<title>`` and the meta
description come from the route's static meta (Finnish); they are translated here.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from heka_app.first_paint import MODULEPRELOAD
from heka_app.i18n import DEFAULT_LANGUAGE, LANGUAGES
from heka_app.i18n.catalogs import translations
from heka_app.pwa.files import manifest_path

LANGUAGE_PAGES = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)
SCRIPT = Path(__file__).with_name("prerender_languages.mjs")
SPA_FALLBACK = "__spa-fallback.html"
# Reflex copies the SPA fallback to 404.html after the build plugins ran.
NOT_FOUND = "404.html"
ROUTE_MODULES = "window.__reactRouterRouteModules"
ENTRY_IMPORT = 'import("/assets/entry.client'
HTML_TAG = f'<html lang="{DEFAULT_LANGUAGE}"'
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_DESCRIPTION = re.compile(r'(<meta content=")([^"]*)(" name="description"/>)')
TITLE_SEPARATOR = " – "


def variant_path(page: Path, lang: str) -> Path:
    """``login/index.html`` -> ``login/index.en.html``."""
    return page.with_name(f"{page.stem}.{lang}{page.suffix}")


def is_variant(page: Path) -> bool:
    return any(page.name.endswith(f".{lang}.html") for lang in LANGUAGE_PAGES)


def _route_of(static_dir: Path, page: Path) -> str | None:
    """The URL path a prerendered page was rendered for; None for the parent-directory
    copies Reflex makes (``login.html`` of ``login/index.html``) and non-app pages."""
    relative = page.relative_to(static_dir)
    if relative.name == "index.html":
        return "/" + relative.parent.as_posix().strip(".")
    return None


def pages_to_render(static_dir: Path) -> list[dict]:
    """The node script's page list: each React Router page once, and the SPA fallback."""
    pages = []
    for page in sorted(static_dir.rglob("*.html")):
        if is_variant(page) or ROUTE_MODULES not in page.read_text(encoding="utf-8"):
            continue
        out = str(page.with_name(f"{page.stem}.{{lang}}{page.suffix}"))
        if page.name == SPA_FALLBACK:
            pages.append({"path": "/", "spa": True, "out": out})
        elif (route := _route_of(static_dir, page)) is not None:
            pages.append({"path": route.rstrip("/") or "/", "spa": False, "out": out})
    return pages


def reverse_catalog(lang: str) -> dict[str, str]:
    """Finnish text -> the same text in ``lang`` (the msgid when not translated)."""
    target = translations(lang)
    out: dict[str, str] = {}
    for msgid, finnish in translations(DEFAULT_LANGUAGE).items():
        if isinstance(finnish, str) and finnish:
            text = target.get(msgid) or msgid
            out.setdefault(finnish, text if isinstance(text, str) else msgid)
    return out


def translate_head(page_html: str, lang: str, words: dict[str, str]) -> str:
    """The page's ``<title>`` and meta description in ``lang``."""

    def title(match: re.Match[str]) -> str:
        parts = html.unescape(match.group(1)).split(TITLE_SEPARATOR)
        return f"<title>{html.escape(TITLE_SEPARATOR.join(words.get(p, p) for p in parts))}</title>"

    def description(match: re.Match[str]) -> str:
        text = html.unescape(match.group(2))
        return match.group(1) + html.escape(words.get(text, text)) + match.group(3)

    return _DESCRIPTION.sub(description, _TITLE.sub(title, page_html, count=1), count=1)


def finish_variant(
    page_html: str, lang: str, words: dict[str, str], state: str, field: str, table: str = ""
) -> str:
    """Mark the page's language and make its module script hydrate in it; ``table`` is the
    language's catalog chunk (``/assets/heka_i18n_sv-….js``), fetched with the modules
    instead of after them."""
    if HTML_TAG not in page_html or ENTRY_IMPORT not in page_html:
        raise RuntimeError("a language page lacks <html lang> or React Router's entry import")
    page_html = page_html.replace(HTML_TAG, f'<html lang="{lang}" data-heka-served="{lang}"', 1)
    # The installable app's name in the page's language (heka-pwa.js keeps it so later).
    manifest = f'href="{manifest_path(DEFAULT_LANGUAGE)}"'
    page_html = page_html.replace(manifest, f'href="{manifest_path(lang)}"', 1)
    if table and MODULEPRELOAD in page_html:
        preload = f'{MODULEPRELOAD}href="{table}"/>'
        page_html = page_html.replace(MODULEPRELOAD, preload + MODULEPRELOAD, 1)
    args = ", ".join(json.dumps(arg) for arg in (lang, state, field))
    serve = f"await globalThis.hekaServe?.({args});\n"
    page_html = page_html.replace(ENTRY_IMPORT, serve + ENTRY_IMPORT, 1)
    return translate_head(page_html, lang, words)


def catalog_chunk(static_dir: Path, lang: str) -> str:
    """The URL of the language's main catalog chunk in the build; "" if there is none."""
    chunks = sorted((static_dir / "assets").glob(f"heka_i18n_{lang}-*.js"))
    return f"/assets/{chunks[0].name}" if len(chunks) == 1 else ""


def write_language_pages(static_dir: Path, web_dir: Path) -> int:
    """Render and write every page's language variants; how many files were written."""
    from heka_app.i18n.ui import lang_in_store

    state, field = lang_in_store()
    static_dir = static_dir.resolve()
    pages = pages_to_render(static_dir)
    web_dir = web_dir.resolve()
    script = web_dir / SCRIPT.name  # in the web directory: Node resolves react-router there
    shutil.copyfile(SCRIPT, script)
    job = {"state": state, "field": field, "languages": list(LANGUAGE_PAGES), "pages": pages}
    done = subprocess.run(  # noqa: S603 - node and our own script, no user input
        [shutil.which("node") or "node", script.name],
        cwd=web_dir,
        input=json.dumps(job),
        capture_output=True,
        text=True,
        check=False,
        # As React Router's prerender: its handler reads the build-time headers (the SPA
        # fallback's, the loader data) only then.
        env={**os.environ, "IS_RR_BUILD_REQUEST": "yes"},
    )
    script.unlink(missing_ok=True)
    if done.returncode != 0:
        raise RuntimeError(f"prerendering the language pages failed:\n{done.stderr[-4000:]}")
    written = 0
    for lang in LANGUAGE_PAGES:
        words = reverse_catalog(lang)
        table = catalog_chunk(static_dir, lang)
        for page in pages:
            out = Path(page["out"].replace("{lang}", lang))
            text = out.read_text(encoding="utf-8")
            out.write_text(finish_variant(text, lang, words, state, field, table), encoding="utf-8")
            written += 1
            # The copies Reflex serves too: login.html of login/index.html, and 404.html.
            copy = static_dir / NOT_FOUND if out.name.startswith("__spa") else None
            if out.name.startswith("index.") and out.parent != static_dir:
                copy = out.parent.with_name(out.parent.name + out.name[len("index") :])
            if copy is not None:
                shutil.copyfile(out, variant_path(copy, lang) if copy.name == NOT_FOUND else copy)
                written += 1
    return written
