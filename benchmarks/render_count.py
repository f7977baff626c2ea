"""How many React components render while a page starts, per commit: a count that does
not depend on the machine's load (issue 9), unlike TBT or main-thread time.

A stub of React's DevTools hook (installed before the page's scripts) sees every commit
and counts the fibers that did work in it (``PerformedWork``, or new), descending only into
the subtrees React did not bail out of; "re-rendered" counts only those that were already
on the page (an update, not a mount: data arriving mounts its rows). The first commit is
hydration; the ones after it are mostly the websocket's state deltas (the hydrate answer,
page data). Each page is loaded at a phone's size with the browser in ``--locale`` until
the network has been idle.

    python benchmarks/render_count.py --base http://127.0.0.1:3000 [--locale fi-FI]
"""

from __future__ import annotations

import argparse
import json
import os

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
PAGES = [("/", False), ("/login", False), ("/home", True), ("/faults/new", True), ("/rent", True)]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2}

# React DOM injects itself into this hook when it loads; onCommitFiberRoot runs after each
# commit. PerformedWork is flag 1 in React 19. A fiber whose child is still the previous
# commit's child was bailed out of: its subtree did not render.
HOOK = """
window.__hekaCommits = [];
window.__hekaUpdates = [];
window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true, renderers: new Map(), isDisabled: false,
  inject(renderer) {
    const id = this.renderers.size + 1; this.renderers.set(id, renderer); return id;
  },
  checkDCE() {}, onScheduleFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
  onCommitFiberRoot(id, root) {
    let rendered = 0, updated = 0;
    const stack = [root.current];
    while (stack.length) {
      const fiber = stack.pop();
      if (fiber.alternate === null) rendered += 1;
      else if (fiber.flags & 1) { rendered += 1; updated += 1; }
      const bailedOut = fiber.alternate !== null && fiber.alternate.child === fiber.child;
      if (bailedOut) { if (fiber.sibling) stack.push(fiber.sibling); continue; }
      if (fiber.child) stack.push(fiber.child);
      if (fiber.sibling) stack.push(fiber.sibling);
    }
    window.__hekaCommits.push(rendered);
    window.__hekaUpdates.push(updated);
  },
};
"""


def measure(
    base: str, locale: str, pages: list[tuple[str, bool]] = PAGES
) -> dict[str, dict[str, list[int]]]:
    """``{path: {"rendered": [per commit], "updated": [per commit]}}``."""
    # Run as a script (benchmarks/ on sys.path); the e2e test imports only HOOK.
    from main_thread_cpu import sign_in

    results: dict[str, dict[str, list[int]]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("HEKA_CHROMIUM", CHROMIUM))
        for path, signed_in in pages:
            context = browser.new_context(locale=locale, **PHONE)
            if signed_in:
                sign_in(context, base)
            context.add_init_script(HOOK)
            page = context.new_page()
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_timeout(1500)  # late deltas (page data after the session check)
            results[path] = page.evaluate(
                "({rendered: window.__hekaCommits, updated: window.__hekaUpdates})"
            )
            context.close()
        browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:3000")
    parser.add_argument("--locale", default="fi-FI")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--pages", nargs="+", help="paths instead of the default five")
    args = parser.parse_args()
    from main_thread_cpu import chosen_pages

    results = measure(args.base.rstrip("/"), args.locale, chosen_pages(args.pages))
    if args.json:
        print(json.dumps(results))
        return
    print(
        f"| page ({args.locale}) | commits | hydration | rendered after | largest after"
        " | re-rendered after | largest re-render |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for path, counts in results.items():
        rendered, updated = counts["rendered"], counts["updated"][1:]
        later = rendered[1:]
        print(
            f"| `{path}` | {len(rendered)} | {rendered[0] if rendered else 0} | {sum(later)}"
            f" | {max(later, default=0)} | {sum(updated)} | {max(updated, default=0)} |"
        )


if __name__ == "__main__":
    main()
