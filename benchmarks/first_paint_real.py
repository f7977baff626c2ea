"""First paint and hydration start in a real Chromium on a throttled network (issue 9).

Lighthouse simulates its mobile numbers (Lantern); this loads the pages in Chromium with
CDP network emulation (150 ms latency, 1.6 Mbit/s down: Lighthouse's "slow 4G") and 4x
CPU slowdown, cache off, and reads the browser's own first-contentful-paint and the
moment React's root appears on ``document`` (the JS has loaded and hydration starts).
Median of --runs. Timings follow the machine's load; compare builds minutes apart.

    python benchmarks/first_paint_real.py --base http://127.0.0.1:3000 [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
SLOW_4G = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6e6 / 8,
    "uploadThroughput": 9e4,
}
# Polls for React's container key on document (hydrateRoot(document, ...) sets it).
WATCH_ROOT = """(() => { window.__heka_root = 0; const timer = setInterval(() => {
  if (Object.keys(document).some((k) => k.startsWith('__reactContainer'))) {
    window.__heka_root = performance.now(); clearInterval(timer); } }, 5); })();"""


def measure(base: str, paths: list[str], runs: int) -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for path in paths:
            fcps, roots = [], []
            for _ in range(runs):
                context = browser.new_context(
                    viewport={"width": 412, "height": 823}, device_scale_factor=1.75, locale="fi-FI"
                )
                page = context.new_page()
                page.add_init_script(WATCH_ROOT)
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
                cdp.send("Network.emulateNetworkConditions", SLOW_4G)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
                page.goto(base + path, wait_until="load")
                page.wait_for_function("() => window.__heka_root > 0", timeout=60_000)
                fcps.append(
                    page.evaluate(
                        "performance.getEntriesByName('first-contentful-paint')[0].startTime"
                    )
                )
                roots.append(page.evaluate("window.__heka_root"))
                context.close()
            print(
                f"{path:8} FCP {statistics.median(fcps):.0f} ms {[round(x) for x in fcps]}  "
                f"React root {statistics.median(roots):.0f} ms {[round(x) for x in roots]}",
                flush=True,
            )
        browser.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:3000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="*", default=["/", "/login"])
    args = parser.parse_args()
    measure(args.base.rstrip("/"), args.pages, args.runs)
