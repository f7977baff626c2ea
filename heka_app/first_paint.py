"""The prerendered pages paint before their JavaScript is fetched (issue 9).

Every prerendered page is complete HTML with its stylesheet: it paints without any
script. React Router names the route's JavaScript (~200 KB gz) in ``<link
rel="modulepreload">`` tags in the head and an inline ``<script type="module">`` at the
end of the body, so the browser fetches all of it at High priority while the stylesheet
is still on its way, and Lighthouse's simulation counts every script that finished
before the first paint as needed for it: on a simulated slow 4G, FCP and LCP read
~2.6 s for a page whose first paint needs 55 KB.

:class:`HekaFirstPaintPlugin` rewrites the built HTML (after the export, before Reflex
writes the gzip/brotli sidecars) so the JavaScript starts right *after* the first
paint: the preloads and the module script are parked as inert tags
(``data-after-paint``), and a small inline loader turns them back into the originals in
the task after the first frame (at once in a hidden tab, where frames do not run).
By the time React hydrates, the document is the one React Router rendered.
The Content-Security-Policy allows the re-created module script: its text is in the
page, so ``security_headers`` hashes it. React Router's ``<Scripts>`` offers no hook
for this, hence the post-processing; the build fails if the HTML no longer has the
tags it rewrites.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import reflex as rx

from heka_app.module_warmup import chunk_imports, warm_up_order

MODULEPRELOAD = '<link rel="modulepreload" '
PARKED_PRELOAD = '<link data-after-paint="modulepreload" '
MODULE_SCRIPT = re.compile(r'<script type="module"( async="")?>(.*?)</script>', re.DOTALL)
PARKED_TYPE = "text/x-after-paint"
# Revives the parked tags in the task after the first frame is painted.
# The preloads are revived in one task; then the page's chunks are evaluated one per task
# (module_warmup.py: the parked script's data-warm, dependencies first), and last the
# module script itself. A hidden tab (whose timers are throttled) skips the steps.
LOADER = (
    "<script>(function(){var d=document,done=0;"
    f"var sel='script[type=\"{PARKED_TYPE}\"]';"
    "function revive(){d.querySelectorAll(sel).forEach(function(t){"
    'var s=d.createElement("script");s.type="module";'
    'if(t.hasAttribute("async"))s.async=true;s.textContent=t.textContent;t.replaceWith(s)})}'
    "function run(){var t=d.querySelector(sel),w=t&&t.dataset.warm?t.dataset.warm.split(' '):[];"
    '(function next(){if(!w.length||d.visibilityState==="hidden")return revive();'
    "import(w.shift()).then(function(){setTimeout(next,0)},revive)})()}"
    "function go(){if(done)return;done=1;"
    'd.querySelectorAll("link[data-after-paint]").forEach(function(l){'
    'l.rel=l.getAttribute("data-after-paint");l.removeAttribute("data-after-paint")});'
    'd.visibilityState==="hidden"?revive():setTimeout(run,0)}'
    'd.visibilityState==="hidden"?go():requestAnimationFrame(function(){setTimeout(go,0)})'
    "})()</script>"
)
_PRELOAD_HREF = re.compile(r'<link rel="modulepreload" href="([^"]+)"')
# A page every build prerenders: without the tags to park, React Router's output changed.
CANARY_PAGE = "index.html"


def park_scripts_until_first_paint(html: str, graph: dict[str, list[str]] | None = None) -> str:
    """``html`` whose module preloads and module script wait for the first paint;
    with ``graph`` (module_warmup.chunk_imports), its chunks are evaluated one per task."""
    if MODULEPRELOAD not in html and not MODULE_SCRIPT.search(html):
        return html
    warm = " ".join(warm_up_order(_PRELOAD_HREF.findall(html), graph)) if graph else ""
    html = html.replace(MODULEPRELOAD, PARKED_PRELOAD)

    def park(match: re.Match[str]) -> str:
        attrs = (match.group(1) or "") + (f' data-warm="{warm}"' if warm else "")
        return f'<script type="{PARKED_TYPE}"{attrs}>{match.group(2)}</script>'

    html, scripts = MODULE_SCRIPT.subn(park, html)
    if scripts != 1:
        raise RuntimeError(f"expected one inline module script, found {scripts}")
    marker = f'<script type="{PARKED_TYPE}"'
    end = html.index("</script>", html.index(marker)) + len("</script>")
    return html[:end] + LOADER + html[end:]


def park_scripts_in(static_dir: Path) -> int:
    """Rewrite every prerendered page under ``static_dir``; how many pages changed."""
    canary = (static_dir / CANARY_PAGE).read_text(encoding="utf-8")
    if MODULEPRELOAD not in canary or not MODULE_SCRIPT.search(canary):
        raise RuntimeError(
            f'{static_dir / CANARY_PAGE}: no <link rel="modulepreload"> or inline module '
            "script to park: React Router's <Scripts> output changed; see "
            "heka_app/first_paint.py"
        )
    changed = 0
    graph = chunk_imports(static_dir / "assets")
    for page in static_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        parked = park_scripts_until_first_paint(html, graph)
        if parked != html:
            page.write_text(parked, encoding="utf-8")
            changed += 1
    return changed


@dataclasses.dataclass
class HekaFirstPaintPlugin(rx.plugins.Plugin):
    """Starts the production pages' JavaScript after their first paint."""

    def post_build(self, **context: Any) -> None:
        """Runs after ``npm run export``, before the compressed sidecars are written: the
        Swedish and English pages first (language_pages.py), then every page parked."""
        from reflex.utils.prerequisites import get_web_dir

        from heka_app.language_pages import write_language_pages

        static_dir = Path(context["static_dir"])
        write_language_pages(static_dir, get_web_dir())
        park_scripts_in(static_dir)
