"""Does a stylesheet change any pixel? Every page, two stylesheets, one server (issue 9).

Walks the pages of the accessibility audit (public, tenant, staff; list pages and the
first detail page each links to: ``tests/e2e/test_accessibility_audit.py``) in fi/sv/en
at 1280 and 390 px on a running production build. Each page is opened twice, side by side:
as served, and with the built stylesheet replaced by ``--stylesheet`` (e.g. the CSS of
the build before a trim, saved from ``.web/build/client/assets/``). The same JS, data and
server on both sides, so only the CSS can differ. Full-page screenshots are compared
pixel by pixel (Pillow ``ImageChops.difference``); different pairs are saved under --out.

It also checks the DOM: every selector of ``--stylesheet`` that the served CSS lacks is
looked up in the page (state pseudo-classes and pseudo-elements removed): a dropped rule
that matches an element would be a rule the page needs.

    python benchmarks/css_pixels.py --base http://127.0.0.1:3000 --stylesheet before.css
    ... --dark --languages fi      # the phone in dark mode (Reflex follows it), Finnish only
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

from PIL import Image, ImageChops
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from main_thread_cpu import CHROMIUM, serve_stylesheet  # noqa: E402

from tests.e2e.test_accessibility_audit import (  # noqa: E402
    AUDIENCES,
    DETAILS,
    LANGUAGES,
    WIDTHS,
    _detail_link,
)
from tests.factories import PASSWORD  # noqa: E402

# The selectors of every style rule in the page's stylesheets (inside @media, @layer, ...).
SELECTORS_JS = """() => {
  const out = [];
  const walk = (rules) => { for (const r of rules) {
    if (r.selectorText !== undefined) out.push(r.selectorText);
    if (r.cssRules) walk(r.cssRules);
  } };
  for (const sheet of document.styleSheets) { try { walk(sheet.cssRules); } catch (e) {} }
  return out;
}"""
# Which of the given selectors match an element now, state pseudo-classes (:hover, ...)
# and pseudo-elements taken out: a rule for a hovered button matches the button.
MATCHING_JS = r"""(selectors) => selectors.filter((s) => {
  const bare = s
    .replace(/::?(?:before|after|placeholder|selection|backdrop|marker)\b/g, "")
    .replace(/::?(?:file-selector-button|-webkit-[\w-]+|-moz-[\w-]+)/g, "")
    .replace(/:(?:hover|focus|focus-visible|focus-within|active|visited|autofill)\b/g, "");
  try { return document.querySelector(bare || "*") !== null; } catch (e) { return false; }
})"""


def split_selectors(text: str) -> list[str]:
    """``a, :where(b, c)`` -> ``["a", ":where(b, c)"]`` (commas inside brackets stay)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch in "([" and 1 or ch in ")]" and -1 or 0
        if ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return parts


def login(browser, base: str, email: str) -> list[dict]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "/login")
    page.wait_for_selector(".heka-office", timeout=60_000)
    page.fill("#field-email", email)
    page.fill("#field-password", PASSWORD)
    page.click("#login-submit")
    page.wait_for_url(re.compile(r".*/(home|staff)$"), timeout=60_000)
    cookies = [c for c in context.cookies() if c["name"] == "heka_sid"]
    context.close()
    return cookies


def open_page(page, base: str, path: str, language: str) -> None:
    page.goto(base + path)
    page.wait_for_selector(".heka-office", timeout=60_000)
    page.wait_for_selector("main h1")
    page.wait_for_function(f"document.documentElement.lang === '{language}'")


def shot(page) -> Image.Image:
    return Image.open(io.BytesIO(page.screenshot(full_page=True, animations="disabled")))


def same_pixels(before: Image.Image, after: Image.Image) -> bool:
    if before.size != after.size:
        return False
    return not ImageChops.difference(before.convert("RGB"), after.convert("RGB")).getbbox()


def settled_pair(old_page, new_page) -> tuple[Image.Image, Image.Image]:
    """Both screenshots once the page has stopped changing: what the websocket brings
    (a verification result, a list) can arrive a moment later on one side."""
    before, after = shot(old_page), shot(new_page)
    for _ in range(3):
        if same_pixels(before, after):
            break
        old_page.wait_for_timeout(1500)
        before, after = shot(old_page), shot(new_page)
    return before, after


def selectors(page) -> set[str]:
    return {s for text in page.evaluate(SELECTORS_JS) for s in split_selectors(text)}


def compare_page(old_page, new_page, name: str, out: Path) -> bool:
    """Whether the two sides of one open page differ (their pair saved under ``out``)."""
    before, after = settled_pair(old_page, new_page)
    dropped = sorted(selectors(old_page) - selectors(new_page))
    needed = new_page.evaluate(MATCHING_JS, dropped)
    same = same_pixels(before, after)
    print(
        f"{name:60} {'same' if same else 'DIFFERENT':9} {before.size} dropped rules "
        f"{len(dropped)}, matching an element {len(needed)} {needed[:3]}",
        flush=True,
    )
    if same and not needed:
        return False
    before.save(out / f"{name}-before.png")
    after.save(out / f"{name}-after.png")
    return True


def side(browser, width: int, cookies: list[dict], old_css: bytes | None, scheme: str):
    """A browser context at ``width`` with ``cookies``; serving ``old_css`` if given."""
    viewport = {"width": width, "height": 900}
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    context.add_cookies(cookies)
    serve_stylesheet(context, old_css)
    return context


def compare(
    base: str, stylesheet: Path, out: Path, languages: list[str], scheme: str = "light"
) -> int:
    old_css = stylesheet.read_bytes()
    out.mkdir(parents=True, exist_ok=True)
    problems = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for audience, (email, paths) in AUDIENCES.items():
            session = login(browser, base, email) if email else []
            for language in languages:
                cookies = [{"name": "heka_lang", "value": language, "url": base}, *session]
                for width in WIDTHS:
                    new = side(browser, width, cookies, None, scheme)
                    old = side(browser, width, cookies, old_css, scheme)
                    new_page, old_page = new.new_page(), old.new_page()
                    queue, seen = list(paths), set()
                    while queue:
                        path = queue.pop(0)
                        if path in seen:
                            continue
                        seen.add(path)
                        open_page(new_page, base, path, language)
                        open_page(old_page, base, path, language)
                        if path in DETAILS and (link := _detail_link(new_page, DETAILS[path])):
                            queue.append(link)
                        name = f"{scheme}-{audience}-{language}-{width}-{path.strip('/') or 'home'}"
                        name = re.sub(r"[^\w-]+", "_", name)
                        problems += compare_page(old_page, new_page, name, out)
                    new.close()
                    old.close()
        browser.close()
    print(f"{problems} page(s) differ or need a dropped rule")
    return problems


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:3000")
    parser.add_argument("--stylesheet", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("artifacts/css-pixels"))
    parser.add_argument("--languages", nargs="*", default=list(LANGUAGES))
    parser.add_argument("--dark", action="store_true", help="prefers-color-scheme: dark")
    args = parser.parse_args()
    scheme = "dark" if args.dark else "light"
    problems = compare(args.base.rstrip("/"), args.stylesheet, args.out, args.languages, scheme)
    raise SystemExit(1 if problems else 0)
