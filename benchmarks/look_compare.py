"""Prove a change did not change the look: screenshots and DOM of pages, before and after.

``capture`` signs the demo tenant in on a served build and, for each page, width (1280 and
390 px) and language (fi/sv/en), saves a full-page screenshot and the ``<main>`` element's
HTML without React's generated ids; ``compare`` then compares two captures pixel by pixel
(Pillow ``ImageChops.difference``) and says which pages differ and where. Run capture on
the build before the change and on the one after (the same database: dates in words such
as "3 days ago" must read the same), then compare. Round 11 of docs/performance.md.

    python benchmarks/look_compare.py capture --base http://127.0.0.1:4200 --out /tmp/before
    python benchmarks/look_compare.py compare /tmp/before /tmp/after
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from main_thread_cpu import sign_in  # run as a script: benchmarks/ is on sys.path
from PIL import Image, ImageChops
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
WIDTHS = (1280, 390)
LANGUAGES = ("fi", "sv", "en")
# React's useId values and the moment's clock differ between loads, not between looks.
VOLATILE = re.compile(r'(id|aria-[a-z]+|for)="(:r[0-9a-z]+:|radix-[^"]*|«[^"]*»)"')


def _name(path: str, width: int, language: str) -> str:
    return f"{path.strip('/').replace('/', '_') or 'root'}-{width}-{language}"


def capture(base: str, out: Path, pages: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            sign_in(context, base)
            page = context.new_page()
            for language in LANGUAGES:
                context.add_cookies([{"name": "heka_lang", "value": language, "url": base}])
                for path in pages:
                    page.goto(base + path, wait_until="load")
                    page.wait_for_selector(".heka-office", timeout=60_000)
                    page.wait_for_function(f"document.documentElement.lang === '{language}'")
                    page.wait_for_selector("main h1", timeout=30_000)
                    # Lazy parts (the rent chart, thumbnails) and fonts settle.
                    page.wait_for_load_state("networkidle")
                    page.wait_for_timeout(1500)
                    name = _name(path, width, language)
                    page.screenshot(path=out / f"{name}.png", full_page=True, animations="disabled")
                    html = page.eval_on_selector("main", "m => m.outerHTML")
                    (out / f"{name}.html").write_text(VOLATILE.sub(r'\1=""', html))
                    print(name, flush=True)
            context.close()
        browser.close()


def compare(before: Path, after: Path) -> int:
    differ = 0
    for shot in sorted(before.glob("*.png")):
        other = after / shot.name
        a, b = Image.open(shot).convert("RGB"), Image.open(other).convert("RGB")
        if a.size != b.size:
            print(f"{shot.stem}: size {a.size} -> {b.size}")
            differ += 1
            continue
        box = ImageChops.difference(a, b).getbbox()
        if box:
            print(f"{shot.stem}: pixels differ in {box}")
            differ += 1
    total = len(list(before.glob("*.png")))
    print(f"{total - differ} of {total} screenshots identical")
    return 1 if differ else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    cap = commands.add_parser("capture")
    cap.add_argument("--base", default="http://127.0.0.1:3000")
    cap.add_argument("--out", type=Path, required=True)
    cap.add_argument("pages", nargs="*", default=["/faults/new", "/rent"])
    cmp_ = commands.add_parser("compare")
    cmp_.add_argument("before", type=Path)
    cmp_.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "capture":
        capture(args.base.rstrip("/"), args.out, args.pages)
    else:
        sys.exit(compare(args.before, args.after))
