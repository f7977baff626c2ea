"""Main-thread CPU time of loading a page, the number that stays comparable on a busy
machine (issue 9).

Lighthouse's TBT and main-thread figures are wall-clock times: on a shared machine they
follow the load average (the same build measured 2x apart). The trace also records each
task's *thread CPU time* (``tdur``), which other processes' load barely changes. This
loads each page in Chromium at a phone's size (412x823, DPR 1.75), traces it until 6 s
after ``load``, and sums the CPU time of the renderer main thread's tasks: all of it, and
the part in tasks over 50 ms (what becomes blocking time on a phone). Median of --runs.

    python benchmarks/main_thread_cpu.py --base http://127.0.0.1:3000 [--runs 3]

``--stylesheet FILE`` serves FILE in place of the built stylesheet (two stylesheets
measured on one server, with the same JS).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
PAGES = [("/", False), ("/login", False), ("/home", True), ("/faults/new", True), ("/rent", True)]
TENANT = ("tenant@demo.heka.example", "Kotiasukas-2026!")
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75}
PUBLIC = ("/", "/login")


def chosen_pages(paths: list[str] | None) -> list[tuple[str, bool]]:
    """``--pages`` as (path, needs a signed-in tenant); PAGES when none are given."""
    return [(path, path not in PUBLIC) for path in paths] if paths else PAGES


CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel"]
STYLESHEET = re.compile(r".*/assets/__reflex_global_styles-[^/]*\.css$")


def serve_stylesheet(target, css: bytes | None) -> None:
    """Serve ``css`` to a Playwright page or context in place of the built stylesheet."""
    if css is not None:
        target.route(STYLESHEET, lambda route: route.fulfill(body=css, content_type="text/css"))


# Lighthouse's mobile CPU slowdown: a task of t ms here blocks for 4 t - 50 ms on its phone.
SLOWDOWN = 4


def blocking_at_slowdown(tasks: list[float]) -> float:
    """The blocking time these CPU task lengths make at Lighthouse's 4x slowdown (its TBT,
    counted over the whole load rather than from the first paint to interactive)."""
    return sum(max(0.0, SLOWDOWN * t - 50) for t in tasks)


def task_cpu(trace: bytes) -> list[float]:
    """CPU ms of every task on the page's renderer main thread."""
    events = json.loads(trace)["traceEvents"]
    names = {
        (e["pid"], e["tid"]): e["args"]["name"] for e in events if e.get("name") == "thread_name"
    }
    parse = [e for e in events if e.get("name") == "ParseHTML"]
    if not parse:
        return []
    main = (parse[-1]["pid"], parse[-1]["tid"])
    assert names.get(main) == "CrRendererMain"
    return [
        e.get("tdur", 0) / 1000
        for e in events
        if (e.get("pid"), e.get("tid")) == main and e.get("ph") == "X" and e["name"] == "RunTask"
    ]


def main_thread_cpu(trace: bytes) -> tuple[float, float, float]:
    """(all task CPU ms, CPU ms of tasks over 50 ms, blocking ms at 4x) on the page's
    renderer main thread."""
    tasks = task_cpu(trace)
    return sum(tasks), sum(t for t in tasks if t > 50), blocking_at_slowdown(tasks)


def sign_in(context, base: str) -> None:
    page = context.new_page()
    page.goto(base + "/login")
    page.wait_for_selector(".heka-office", timeout=60_000)
    page.fill("#field-email", TENANT[0])
    page.fill("#field-password", TENANT[1])
    page.click("#login-submit")
    page.wait_for_url("**/home", timeout=60_000)
    page.close()


def measure(
    base: str,
    runs: int,
    css: bytes | None = None,
    pages: list[tuple[str, bool]] = PAGES,
    locale: str = "fi-FI",
) -> dict[str, dict[str, float]]:
    results = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        signed_in = browser.new_context(**PHONE, locale=locale)
        sign_in(signed_in, base)
        for path, needs_login in pages:
            samples = []
            for _ in range(runs):
                context = signed_in if needs_login else browser.new_context(**PHONE, locale=locale)
                page = context.new_page()
                serve_stylesheet(page, css)
                browser.start_tracing(page=page, categories=CATEGORIES)
                page.goto(base + path, wait_until="load")
                page.wait_for_timeout(6000)
                samples.append(main_thread_cpu(browser.stop_tracing()))
                page.close()
                if not needs_login:
                    context.close()
            results[path] = {
                "cpu_ms": statistics.median(s[0] for s in samples),
                "long_task_cpu_ms": statistics.median(s[1] for s in samples),
                "blocking_at_4x_ms": statistics.median(s[2] for s in samples),
                "load_1min": os.getloadavg()[0],
            }
            r = results[path]
            print(
                f"{path:12} main-thread CPU {r['cpu_ms']:.0f} ms, in tasks > 50 ms "
                f"{r['long_task_cpu_ms']:.0f} ms, blocking at 4x {r['blocking_at_4x_ms']:.0f} ms "
                f"(load {r['load_1min']:.1f})",
                flush=True,
            )
        browser.close()
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:3000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stylesheet", type=Path, help="serve this CSS instead of the built")
    parser.add_argument("--pages", nargs="+", help="paths instead of the default five")
    parser.add_argument("--locale", default="fi-FI", help="the browser's language")
    args = parser.parse_args()
    css = args.stylesheet.read_bytes() if args.stylesheet else None
    measure(args.base.rstrip("/"), args.runs, css, chosen_pages(args.pages), args.locale)
