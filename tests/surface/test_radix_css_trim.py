"""The Radix CSS trim's rule filter (heka_app/radix_css_trim.py), run as the build runs it:
the generated PostCSS plugin's ``unused(selector)`` in Node, fed selectors of the classes
the portal's source can make. A dropped rule that a page needs would render it wrong."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from heka_app.frontend_build import trim_plugin_js
from heka_app.radix_css_trim import RESPONSIVE_PROPS

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")

BREAKPOINTS_CALL = re.compile(r"(\w+)\s*=\s*rx\.breakpoints\(([^)]*)\)")
STATIC_RESPONSIVE = re.compile(r"\b([a-z]+):(-?rt-r-[\w-]+)")


def unused(selectors: list[str], tmp_path: Path) -> dict[str, bool]:
    """selector -> whether the trim drops it."""
    plugin = tmp_path / "trim.mjs"
    plugin.write_text(trim_plugin_js(), encoding="utf-8")
    script = (
        f"const m = await import({json.dumps(plugin.as_uri())});"
        "const s = JSON.parse(process.argv[1]);"
        "console.log(JSON.stringify(Object.fromEntries(s.map((x) => [x, m.unused(x)]))));"
    )
    run = subprocess.run(
        [NODE, "--input-type=module", "-e", script, json.dumps(selectors)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


def css_class(name: str) -> str:
    """A class name as it is written in a selector: ``md:x`` -> ``.md\\:x``."""
    return "." + name.replace(":", "\\:")


def responsive_classes_in_source() -> dict[str, str]:
    """Every ``bp:rt-r-...`` class the source can make -> where: from each
    ``prop=rx.breakpoints(...)`` (Radix makes ``md:rt-r-gtc-2`` of ``columns`` md="2") and
    each class name written out (components/plain.py's data list)."""
    found: dict[str, str] = {}
    for path in [*(ROOT / "heka_app").rglob("*.py"), *(ROOT / "assets").glob("*.js")]:
        text = path.read_text(encoding="utf-8")
        where = str(path.relative_to(ROOT))
        if path.name == "radix_css_trim.py":
            continue
        for prop, args in BREAKPOINTS_CALL.findall(text):
            assert prop in RESPONSIVE_PROPS, (
                f"{where}: {prop}=rx.breakpoints(...): add {prop!r} and its Radix class to "
                "heka_app/radix_css_trim.py RESPONSIVE_PROPS, or its responsive rules are dropped"
            )
            for breakpoint, value in re.findall(r"(\w+)\s*=\s*\"([^\"]+)\"", args):
                if breakpoint != "initial":
                    found[f"{breakpoint}:{RESPONSIVE_PROPS[prop]}-{value}"] = where
        for breakpoint, name in STATIC_RESPONSIVE.findall(text):
            if breakpoint in ("xs", "sm", "md", "lg", "xl"):
                found[f"{breakpoint}:{name}"] = where
    return found


pytestmark = pytest.mark.skipif(NODE is None, reason="needs Node (the build runs the plugin)")


def test_every_responsive_class_the_source_makes_keeps_its_rules(tmp_path):
    classes = responsive_classes_in_source()
    # The scan sees the grids' columns and the data lists' orientation.
    assert "md:rt-r-gtc-2" in classes and "sm:rt-r-orientation-horizontal" in classes
    selectors = {}
    for name in classes:
        selectors[css_class(name)] = name  # a utility: .md\:rt-r-gtc-2
        # ... and a component's responsive variant, as components.css writes it
        selectors[f".rt-DataListRoot:where({css_class(name)})"] = name
    result = unused(list(selectors), tmp_path)
    dropped = {s: classes[n] for s, n in selectors.items() if result[s]}
    assert not dropped, f"the trim drops rules these classes need: {dropped}"


def test_classes_no_page_makes_are_dropped(tmp_path):
    """What the trim is for: Radix ships every size and utility at five breakpoints, and
    classes of props no page passes."""
    drop = [
        ".sm\\:rt-r-size-2",
        ".rt-Text:where(.md\\:rt-r-size-3)",
        ".rt-Button:where(.lg\\:rt-r-size-1) .rt-BaseButtonInner",
        ".sm\\:-rt-r-m-2",
        ".md\\:rt-r-gap-4",
        ".xl\\:rt-r-gtc-2",  # a breakpoint the source never names
        ".xs\\:rt-r-orientation-vertical",
        ".rt-SelectTrigger",  # a component no page renders
        ".rt-r-mt-2",  # margin props: no page passes one
        ".-rt-r-mx-3",
        ".rt-r-m",
        ".rt-Button:where(.rt-variant-classic):where(:hover)",  # no classic variant
        "[data-radius='full']",  # theme settings other than the portal's Theme's
        ".radix-themes:where([data-scaling='90%'])",
        ".radix-themes:where([data-gray-color='sand'])",
        ".radix-themes:where([data-panel-background='translucent']) .rt-BaseCard",
    ]
    keep = [
        ".rt-r-size-2",  # not responsive: any size prop makes it
        ".rt-Text:where(.rt-r-size-3)",
        ".rt-r-gtc-2",
        ".rt-r-inset-2",  # a position, not a margin
        ".rt-Text",
        ".rt-r-max-w",  # not a margin
        ".rt-r-min-h",
        ".rt-Button:where(.rt-variant-soft)",
        "[data-radius='medium']",
        "[data-radius]",
        ".radix-themes:where([data-scaling='100%'])",
        ".radix-themes:where([data-gray-color='slate'])",
        ".radix-themes:where([data-panel-background='solid'])",
        "[data-accent-color='red']",  # not a theme setting: any component's color_scheme
        ":where(.rt-DataListRoot) :where(.sm\\:rt-r-orientation-horizontal)",
        ".sm\\:rt-r-gtc",  # an arbitrary value: the class without one
        ":where(.md\\:rt-r-size-2, .md\\:rt-r-gtc-2)",  # names a kept one too
    ]
    result = unused(drop + keep, tmp_path)
    assert [s for s in drop if not result[s]] == []
    assert [s for s in keep if result[s]] == []


def test_the_roots_color_scheme_copy_with_has_is_dropped_and_the_theme_rule_kept(tmp_path):
    """Reflex's theme script sets color-scheme on <html>; the :root:has() copy only made
    every insertion recheck the document's style."""
    root_copy = (
        ":root:where(:has(.radix-themes[data-is-root-theme='true']:where(.light, .light-theme)))"
    )
    theme = ".radix-themes:where(.light, .light-theme)"
    assert unused([root_copy, theme], tmp_path) == {root_copy: True, theme: False}
