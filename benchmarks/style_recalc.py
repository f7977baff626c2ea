"""Style recalculation and layout of loading a page, with 4x CPU throttling (issue 9).

Round 4 of docs/performance.md found one long task after hydration that was style and
layout against the Radix CSS. This loads `/`, `/login` and `/home` (signed in) at a
phone's size in `fi-FI` with Chromium's CPU slowed 4x (CDP
``Emulation.setCPUThrottlingRate``, as Lighthouse's devtools throttling), traces until
6 s after ``load`` and sums the renderer main thread's ``UpdateLayoutTree`` (style
recalculation) and ``Layout`` events: their wall time (throttled, what a phone waits) and
their thread CPU time (what the machine's load changes least). ``--stylesheet FILE``
serves FILE in place of the built stylesheet, so two stylesheets can be measured back to
back on one server with the same JS. Runs alternate between the two when both are asked
for (``--compare``).

The trace's sums depend on when the page's tasks land (hydration, the websocket's
answer), so each load also times a full restyle of the finished page: the stylesheets
switched off and on again, then ``offsetHeight`` read (style recalculation of every
element against the whole stylesheet, and layout), 10 times, still throttled; the
minimum is the least load-dependent number.

    python benchmarks/style_recalc.py --base http://127.0.0.1:3000 [--runs 3]
    python benchmarks/style_recalc.py --base ... --compare before.css   # served vs before.css
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))

from main_thread_cpu import CATEGORIES, CHROMIUM, PHONE, serve_stylesheet, sign_in  # noqa: E402

PAGES = [("/", False), ("/login", False), ("/home", True)]
EVENTS = ("ParseAuthorStyleSheet", "UpdateLayoutTree", "Layout")
# ms of restyling the whole page against its stylesheets, once per sample.
RESTYLE_JS = """(samples) => {
  const sheets = [...document.styleSheets];
  const times = [];
  for (let i = 0; i < samples; i++) {
    for (const s of sheets) s.disabled = true;
    document.body.offsetHeight;
    const start = performance.now();
    for (const s of sheets) s.disabled = false;
    document.body.offsetHeight;
    times.push(performance.now() - start);
  }
  return times;
}"""


def style_and_layout(trace: bytes) -> dict[str, float]:
    """ms of style recalculation and layout on the page's renderer main thread."""
    events = json.loads(trace)["traceEvents"]
    parse = [e for e in events if e.get("name") == "ParseHTML"]
    main = (parse[-1]["pid"], parse[-1]["tid"])
    mine = [e for e in events if (e.get("pid"), e.get("tid")) == main and e.get("ph") == "X"]
    out = {}
    for name in EVENTS:
        matching = [e for e in mine if e["name"] == name]
        out[f"{name} ms"] = sum(e.get("dur", 0) for e in matching) / 1000
        out[f"{name} cpu ms"] = sum(e.get("tdur", 0) for e in matching) / 1000
        out[f"{name} count"] = len(matching)
    return out


def load_once(browser, context, base: str, path: str, css: bytes | None) -> dict[str, float]:
    page = context.new_page()
    serve_stylesheet(page, css)
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    browser.start_tracing(page=page, categories=CATEGORIES)
    page.goto(base + path, wait_until="load")
    page.wait_for_timeout(6000)
    result = style_and_layout(browser.stop_tracing())
    restyles = page.evaluate(RESTYLE_JS, 10)
    result["full restyle min ms"] = min(restyles)
    result["full restyle median ms"] = statistics.median(restyles)
    page.close()
    return result


def measure(base: str, runs: int, sides: dict[str, bytes | None]) -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        signed_in = browser.new_context(**PHONE, locale="fi-FI")
        sign_in(signed_in, base)
        for path, needs_login in PAGES:
            samples: dict[str, list[dict[str, float]]] = {side: [] for side in sides}
            for _ in range(runs):
                for side, css in sides.items():  # alternating: the load drifts for both
                    context = (
                        signed_in if needs_login else browser.new_context(**PHONE, locale="fi-FI")
                    )
                    samples[side].append(load_once(browser, context, base, path, css))
                    if not needs_login:
                        context.close()
            for side, runs_of in samples.items():
                load = os.getloadavg()[0]
                print(f"{path:7} {side:8} {summary(runs_of)}; load {load:.1f}", flush=True)
        browser.close()


def summary(runs: list[dict[str, float]]) -> str:
    """``name median (min-max)`` of every measured number over the runs."""
    cells = []
    for key in (k for k in runs[0] if not k.endswith("count")):
        values = [r[key] for r in runs]
        cells.append(f"{key} {statistics.median(values):.0f} ({min(values):.0f}-{max(values):.0f})")
    return "median (range): " + ", ".join(cells)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:3000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stylesheet", type=Path, help="serve this CSS instead of the built")
    parser.add_argument("--compare", type=Path, help="alternate the built CSS with this one")
    args = parser.parse_args()
    sides: dict[str, bytes | None] = {}
    if args.compare:
        sides = {"served": None, args.compare.name: args.compare.read_bytes()}
    elif args.stylesheet:
        sides = {args.stylesheet.name: args.stylesheet.read_bytes()}
    else:
        sides = {"served": None}
    measure(args.base.rstrip("/"), args.runs, sides)
