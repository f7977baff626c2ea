"""What each prerendered route makes the browser load first: JS and CSS, gzipped.

Reads the production build (``.web/build/client``): every route's HTML names its first-load
modules (``<link rel="modulepreload">`` and module scripts) and stylesheets; their sizes
are summed gzipped (level 9, as served). Lazy chunks a page imports later are not counted.
``python -m tests.e2e.bundles`` prints the table for the last build.
"""

from __future__ import annotations

import dataclasses
import gzip
import re
from functools import cache
from pathlib import Path

from heka_app.language_pages import is_variant

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / ".web" / "build" / "client"

# First-load budgets per route, gzipped bytes. Tighten them as cuts land; never raise one
# without saying why in the commit. The goal of issue 9 is 200 KB gz of JS on every route:
# met on every tenant route since the catalog per route group (staff strings and each
# page's own strings off the shared table, i18n/js_catalog.py), the native drop zone
# (components/drop_zone.py) and /rent's round (197.6 KB); docs/performance.md.
JS_BUDGET = 200 * 1024
JS_BUDGETS = {
    # Staff tools: desktop users on office networks; selects, the editor, the staff strings
    # (their own Finnish table, 3 KB). Measured 204.8, 203.1, 209.7 and 206.4 KB; the
    # editor 211.0 since every route carries the language pages' hydration step (0.1 KB,
    # assets/heka_lang.js hekaServe).
    "/staff": 206 * 1024,
    "/staff/account-changes": 204 * 1024,
    "/staff/content/edit": 212 * 1024,
    "/staff/registration-codes": 208 * 1024,
}
# Radix CSS without unused components, responsive classes, margins and other themes'
# settings (radix_css_trim.py; was 62 KB, 46.1 before round 10 of docs/performance.md,
# 29.9 after). Half a KB for heka.css classes of the pages that leave Radix components.
CSS_BUDGET = 30 * 1024 + 512


def js_budget(route: str) -> int:
    return JS_BUDGETS.get(route, JS_BUDGET)


# data-after-paint: a module preload parked until the first paint (heka_app/first_paint.py).
_ASSET = re.compile(
    r"""<link[^>]+(?:rel|data-after-paint)="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"|"""
    r"""<link[^>]+href="([^"]+)"[^>]*(?:rel|data-after-paint)="(?:modulepreload|stylesheet)"|"""
    r"""<script[^>]+src="([^"]+)"|import\s+"(/[^"]+\.js)\"""",
)


@dataclasses.dataclass(frozen=True)
class RouteLoad:
    route: str
    js: dict[str, int]  # asset path -> gzipped bytes
    css: dict[str, int]

    @property
    def js_gz(self) -> int:
        return sum(self.js.values())

    @property
    def css_gz(self) -> int:
        return sum(self.css.values())


@cache
def gz_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def route_of(html: Path, build: Path = BUILD) -> str:
    rel = html.relative_to(build).as_posix().removesuffix(".html")
    rel = rel.removesuffix("/index").removesuffix("index")
    return "/" + rel.strip("/")


def route_html_files(build: Path = BUILD) -> list[Path]:
    """One HTML per prerendered route (``x.html``, not its ``x/index.html`` twin)."""
    files = []
    for html in sorted(build.rglob("*.html")):
        # The installable app's offline page is a static file, not a route (no JS at all).
        if html.name in ("__spa-fallback.html", "offline.html"):
            continue
        # A page's Swedish and English renders load the same JavaScript (language_pages.py).
        if is_variant(html):
            continue
        twin = html.parent.with_suffix(".html")
        if html.name == "index.html" and html.parent != build and twin.exists():
            continue
        files.append(html)
    return files


def route_load(html: Path, build: Path = BUILD) -> RouteLoad:
    text = html.read_text(encoding="utf-8")
    js: dict[str, int] = {}
    css: dict[str, int] = {}
    for match in _ASSET.finditer(text):
        href = next(g for g in match.groups() if g)
        if "://" in href or not href.startswith("/"):
            continue
        asset = build / href.lstrip("/").split("?")[0]
        if not asset.exists():
            continue
        (css if asset.suffix == ".css" else js)[href] = gz_size(asset)
    return RouteLoad(route_of(html, build), js, css)


def all_routes(build: Path = BUILD) -> list[RouteLoad]:
    return [route_load(html, build) for html in route_html_files(build)]


def table(loads: list[RouteLoad]) -> str:
    lines = [f"{'route':28} {'JS files':>8} {'JS KB gz':>9} {'CSS KB gz':>10}"]
    for load in loads:
        lines.append(
            f"{load.route:28} {len(load.js):8} {load.js_gz / 1024:9.1f} {load.css_gz / 1024:10.1f}"
        )
    return "\n".join(lines)


def largest_assets(loads: list[RouteLoad], n: int = 12) -> str:
    sizes: dict[str, int] = {}
    for load in loads:
        sizes.update(load.js)
        sizes.update(load.css)
    top = sorted(sizes.items(), key=lambda kv: -kv[1])[:n]
    return "\n".join(f"{size / 1024:8.1f} KB gz  {href}" for href, size in top)


if __name__ == "__main__":
    loads = all_routes()
    print(table(loads))
    print()
    print(largest_assets(loads))
