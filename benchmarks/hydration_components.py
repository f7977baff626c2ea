"""How much React renders when a page starts: a count that does not depend on the load of
a shared machine (issue 9).

Wall-clock numbers (Lighthouse's TBT, even main_thread_cpu.py's CPU time) move with what
else runs; the number of React fibers a page mounts and the number of Radix Themes
components among them do not. Each fiber is work at hydration (render, commit, effects),
and each Radix Themes component also runs Radix's ``extractProps`` (~70 ms of the
4x-throttled profile in docs/performance.md round 4). This loads each page in Chromium at
a phone's size in Finnish, waits until the state has arrived (6 s after ``load``, as
main_thread_cpu.py), walks React's fiber tree from the root and counts:

- fibers: every mounted fiber (host elements, components, fragments, providers);
- elements: host fibers (the DOM elements React owns);
- radix: fibers of Radix Themes components, recognised by their ``displayName`` (Radix
  Themes sets one on every component, and it survives minification; React Router's
  ``Link``, also "Link", is told apart by its ``to`` prop);
- emotion: CSS rules Emotion inserted at runtime (style props).

    python benchmarks/hydration_components.py --base http://127.0.0.1:3000 [--names]
"""

from __future__ import annotations

import argparse
import json

from main_thread_cpu import chosen_pages, sign_in  # run as a script: benchmarks/ is on sys.path
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
PAGES = [("/", False), ("/login", False), ("/home", True), ("/faults/new", True), ("/rent", True)]
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75}


# React's work tags: 0 function, 1 class, 3 root, 5 host element, 11 forwardRef, 14/15 memo.
# Radix Themes component families (their displayName, "Callout.Root" counts as Callout).
RADIX_FAMILIES = (
    "AlertDialog|Avatar|Badge|Blockquote|Box|Button|Callout|Card|Checkbox|Code|Container|"
    "DataList|Dialog|DropdownMenu|Em|Flex|Grid|Heading|IconButton|Inset|Kbd|Link|Popover|"
    "Progress|Quote|Radio|RadioGroup|ScrollArea|Section|SegmentedControl|Select|"
    "Separator|Skeleton|Slider|Spinner|Strong|Switch|Table|Tabs|Text|TextArea|TextField|"
    "Theme|Tooltip"
)

COUNT_JS = """RADIX_FAMILIES => {
  // The current tree: from <html>'s fiber up to the HostRoot (tag 3), then its
  // FiberRoot's ``current`` (the container's own key may point at the stale alternate).
  const key = Object.keys(document.documentElement).find((k) => k.startsWith("__reactFiber$"));
  if (!key) return null;
  let fiber = document.documentElement[key];
  while (fiber.return) fiber = fiber.return;
  if (fiber.tag !== 3) return null;
  fiber = fiber.stateNode.current;
  const COMPONENT = new Set([0, 1, 11, 14, 15]);
  const RADIX = new RegExp("^(" + RADIX_FAMILIES + ")([.].+)?$");
  let fibers = 0, elements = 0, components = 0, radix = 0;
  const names = {};
  const stack = [fiber];
  while (stack.length) {
    const f = stack.pop();
    fibers++;
    if (f.tag === 5) elements++;
    if (COMPONENT.has(f.tag)) {
      components++;
      const type = f.type || {};
      const name = type.displayName || (type.render && type.render.displayName) || "";
      // React Router's Link is also called "Link"; it is the one with a ``to``.
      const routerLink = name === "Link" && f.memoizedProps && f.memoizedProps.to !== undefined;
      if (RADIX.test(name) && !routerLink) {
        radix++;
        names[name] = (names[name] || 0) + 1;
      }
    }
    if (f.sibling) stack.push(f.sibling);
    if (f.child) stack.push(f.child);
  }
  let emotion = 0;
  for (const s of document.querySelectorAll("style[data-emotion]")) {
    emotion += s.sheet ? s.sheet.cssRules.length : 0;
  }
  return { fibers, elements, components, radix, emotion, names };
}"""


def measure(
    base: str, show_names: bool = False, pages: list[tuple[str, bool]] = PAGES
) -> dict[str, dict]:
    results = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        signed_in = browser.new_context(**PHONE, locale="fi-FI")
        sign_in(signed_in, base)
        for path, needs_login in pages:
            context = signed_in if needs_login else browser.new_context(**PHONE, locale="fi-FI")
            page = context.new_page()
            page.goto(base + path, wait_until="load")
            page.wait_for_timeout(6000)
            results[path] = page.evaluate(COUNT_JS, RADIX_FAMILIES)
            names = results[path].pop("names")
            page.close()
            if not needs_login:
                context.close()
            print(f"{path:12} {json.dumps(results[path])}", flush=True)
            if show_names:
                print(f"{'':12} Radix Themes: {json.dumps(names, sort_keys=True)}", flush=True)
        browser.close()
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:3000")
    parser.add_argument("--names", action="store_true", help="the Radix components by name")
    parser.add_argument("--pages", nargs="+", help="paths instead of the default five")
    args = parser.parse_args()
    measure(args.base.rstrip("/"), args.names, chosen_pages(args.pages))
