"""Lighthouse scores of the main pages against a running portal: a report, not a test.

Runs Lighthouse 12.2.3 (devtools/lighthouse, from the npm registry) with Debian's Chromium,
simulated mobile throttling (Lighthouse's default) or ``--desktop``, ``--runs`` times per
page, and writes the medians to a Markdown report (and the raw runs as JSON next to it).
Pages behind the login (front page, fault form, rent) are measured signed in as the demo
tenant: the script signs in with Playwright and hands Lighthouse the session cookie.

    make run                                     # or any running portal
    python benchmarks/lighthouse_report.py --base http://127.0.0.1:3000
    python benchmarks/lighthouse_report.py --desktop --out artifacts/lighthouse-desktop.md

Timings on a shared machine are noisy: the report records the load average (uptime).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "devtools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-sync"
TENANT = ("tenant@demo.heka.example", "Kotiasukas-2026!")
# (path, needs the tenant signed in)
PAGES = [
    ("/", False),
    ("/login", False),
    ("/home", True),
    ("/faults/new", True),
    ("/rent", True),
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def sign_in(base: str) -> str:
    """The demo tenant's cookies as one Cookie header value."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        page.goto(base + "/login")
        page.wait_for_selector(".heka-office", timeout=60_000)
        page.fill("#field-email", TENANT[0])
        page.fill("#field-password", TENANT[1])
        page.click("#login-submit")
        page.wait_for_url("**/home", timeout=60_000)
        cookies = page.context.cookies()
        browser.close()
    return "; ".join(f"{c['name']}={c['value']}" for c in cookies)


def run_once(url: str, desktop: bool, cookie: str | None, language: str = "") -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lh.json"
        cmd = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-path={CHROMIUM}",
            f"--chrome-flags={CHROME_FLAGS}" + (f" --lang={language}" if language else ""),
            "--only-categories=" + ",".join(CATEGORIES),
        ]
        if desktop:
            cmd.append("--preset=desktop")
        headers = {"Cookie": cookie} if cookie else {}
        if language:  # the browser's language (Lighthouse's Chrome says en-US)
            headers["Accept-Language"] = f"{language},{language.split('-')[0]};q=0.9"
        if headers:
            cmd.append("--extra-headers=" + json.dumps(headers))
        load = os.getloadavg()[0]
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)
        report = json.loads(out.read_text())
    audits = report["audits"]
    scripts = [
        r
        for r in audits["network-requests"]["details"]["items"]
        if r.get("resourceType") == "Script"
    ]
    return {
        "final_url": report.get("finalDisplayedUrl") or report.get("finalUrl"),
        **{c: report["categories"][c]["score"] for c in CATEGORIES},
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "js_transfer_kb": sum(r.get("transferSize", 0) for r in scripts) / 1024,
        # What the page costs the main thread (observed, times Lighthouse's 4x CPU slowdown on
        # mobile) and how busy the machine was: on a shared machine both follow the load.
        "main_thread_ms": audits["mainthread-work-breakdown"]["numericValue"],
        "script_ms": audits["bootup-time"]["numericValue"],
        # Main-thread tasks over 50 ms (simulated on mobile): what TBT is made of.
        "long_tasks": len(audits["long-tasks"].get("details", {}).get("items", [])),
        "load_1min": load,
        "benchmark_index": report.get("environment", {}).get("benchmarkIndex", 0),
    }


def median_of(runs: list[dict]) -> dict:
    keys = [k for k in runs[0] if k != "final_url"]
    return {"final_url": runs[-1]["final_url"]} | {
        k: statistics.median(r[k] for r in runs) for k in keys
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:3000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--desktop", action="store_true")
    parser.add_argument("--out", default=str(ROOT / "artifacts" / "lighthouse.md"))
    parser.add_argument("--pages", nargs="*", help="only these paths")
    parser.add_argument(
        "--language", default="", help="the browser's language, e.g. fi-FI (default: en-US)"
    )
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: scripts/setup.sh test installs it", file=sys.stderr)
        return 2
    base = args.base.rstrip("/")
    pages = [p for p in PAGES if not args.pages or p[0] in args.pages]
    cookie = sign_in(base) if any(needs for _, needs in pages) else None
    load_before = os.getloadavg()
    results = {}
    for path, needs in pages:
        runs = [
            run_once(base + path, args.desktop, cookie if needs else None, args.language)
            for _ in range(args.runs)
        ]
        results[path] = {"median": median_of(runs), "runs": runs}
        m = results[path]["median"]
        print(
            f"{path:12} perf {m['performance']:.2f}  LCP {m['lcp_ms'] / 1000:.1f} s  "
            f"TBT {m['tbt_ms']:.0f} ms  CLS {m['cls']:.3f}  a11y {m['accessibility']:.2f}  "
            f"BP {m['best-practices']:.2f}  SEO {m['seo']:.2f}  JS {m['js_transfer_kb']:.0f} KB  "
            f"main thread {m['main_thread_ms']:.0f} ms  long tasks {m['long_tasks']:.0f}  "
            f"FCP {m['fcp_ms'] / 1000:.1f} s  load {m['load_1min']:.1f}",
            flush=True,
        )
    load_after = os.getloadavg()
    mode = "desktop" if args.desktop else "mobile (simulated throttling)"
    mode += f", browser language {args.language or 'en-US'}"
    lines = [
        f"# Lighthouse 12.2.3, {mode}, median of {args.runs} runs",
        "",
        f"Base {base}; load average before {load_before[0]:.2f}, after {load_after[0]:.2f} "
        f"(1 min; {os.cpu_count()} cores).",
        "",
        "| page | perf | LCP s | TBT ms | CLS | FCP s | a11y | best pr. | SEO | JS KB (transfer) "
        "| main thread ms | script ms | long tasks | load | benchmark index |",
        "|" + " --- |" * 15,
    ]
    for path, r in results.items():
        m = r["median"]
        lines.append(
            f"| {path} | {m['performance']:.2f} | {m['lcp_ms'] / 1000:.2f} | {m['tbt_ms']:.0f} | "
            f"{m['cls']:.3f} | {m['fcp_ms'] / 1000:.2f} | {m['accessibility']:.2f} | "
            f"{m['best-practices']:.2f} | {m['seo']:.2f} | {m['js_transfer_kb']:.0f} | "
            f"{m['main_thread_ms']:.0f} | {m['script_ms']:.0f} | {m['long_tasks']:.0f} | "
            f"{m['load_1min']:.1f} | "
            f"{m['benchmark_index']:.0f} |"
        )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"Report: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
