"""First-load budgets of the production build (issue 9: fast on a phone).

The ``portal`` fixture builds the frontend (AppHarnessProd); every prerendered route's
first-load JS and CSS, gzipped, must stay within tests/e2e/bundles.py's budgets. The
scores themselves come from Lighthouse (scripts/lighthouse.sh, a report, not a test).
"""

from __future__ import annotations

import re

import pytest

from heka_app.frontend_build import COLORS, GRAY_COLOR, PANEL_BACKGROUND, RADIUS
from heka_app.language_pages import is_variant
from heka_app.radix_css_trim import BREAKPOINTS, RESPONSIVE_PROPS, UNUSED_CLASSES
from tests.e2e.bundles import (
    BUILD,
    CSS_BUDGET,
    ROOT,
    all_routes,
    js_budget,
    largest_assets,
    table,
)

pytestmark = pytest.mark.e2e

MAIN_ROUTES = ("/", "/login", "/home")


@pytest.fixture(scope="module")
def loads(portal):
    routes = all_routes(BUILD)
    print("\n" + table(routes) + "\n\n" + largest_assets(routes))
    return {load.route: load for load in routes}


def test_every_route_is_measured(loads):
    assert set(MAIN_ROUTES) <= set(loads)
    for load in loads.values():
        assert load.js, f"{load.route}: no first-load JS found in its HTML"
        assert load.css, f"{load.route}: no stylesheet found in its HTML"


def test_first_load_js_within_budget_on_every_route(loads):
    over = {
        r: f"{load.js_gz / 1024:.1f} > {js_budget(r) // 1024}"
        for r, load in loads.items()
        if load.js_gz > js_budget(r)
    }
    assert not over, f"first-load JS over its budget (KB gz): {over}"


def test_first_load_css_within_budget_on_every_route(loads):
    over = {
        r: round(load.css_gz / 1024, 1) for r, load in loads.items() if load.css_gz > CSS_BUDGET
    }
    assert not over, f"first-load CSS over {CSS_BUDGET // 1024} KB gz: {over}"


def test_sv_and_en_catalogs_are_not_first_load_chunks(loads):
    for load in loads.values():
        for href in load.js:
            text = (BUILD / href.lstrip("/")).read_text(encoding="utf-8")
            assert "Logga in" not in text, f"{load.route}: {href} carries the Swedish catalog"


def test_react_dropzone_is_not_shipped(loads):
    """components/drop_zone.py: the pickers' zone is native (file input, drag-and-drop)."""
    for path in (BUILD / "assets").glob("*.js"):
        assert "getFilesFromEvent" not in path.read_text("utf-8"), f"{path.name}: react-dropzone"
    assert all(load.js for load in loads.values())


RADIX_COLORS = re.compile(
    r"""(?:color_scheme|accent_color|gray_color|color)\s*=\s*"(\w+)"|"""
    r""":\s*"(tomato|red|ruby|crimson|pink|plum|purple|violet|iris|indigo|blue|cyan|teal|"""
    r"""jade|green|grass|bronze|gold|brown|orange|amber|yellow|lime|mint|sky|gray|mauve|"""
    r"""slate|sage|olive|sand)"|"""
    r"""\(\s*N_\([^)]*\),\s*"(\w+)"\s*\)""",
)
NOT_SCALES = {"inherit", "current", "transparent"}


def test_every_colour_scale_a_component_names_is_in_the_trimmed_css():
    """frontend_build.COLORS decides which Radix colour scales ship: a colour missing
    there would render colourless."""
    used: dict[str, str] = {}
    for path in (ROOT / "heka_app").rglob("*.py"):
        for match in RADIX_COLORS.finditer(path.read_text(encoding="utf-8")):
            color = next(g for g in match.groups() if g)
            used.setdefault(color, str(path.relative_to(ROOT)))
    missing = {c: where for c, where in used.items() if c not in COLORS and c not in NOT_SCALES}
    assert not missing, f"add these to heka_app/frontend_build.py COLORS: {missing}"


def test_javascript_is_fetched_after_the_first_paint(loads):
    """heka_app/first_paint.py: the prerendered HTML paints without JS, so its module
    preloads and module script are parked until the first frame."""
    for route in MAIN_ROUTES:
        html = BUILD / "index.html" if route == "/" else BUILD / f"{route.strip('/')}.html"
        text = html.read_text(encoding="utf-8")
        assert '<link data-after-paint="modulepreload"' in text, route
        assert 'rel="modulepreload"' not in text and '<script type="module"' not in text, route
        assert loads[route].js, f"{route}: the parked preloads are still counted"


def test_landing_hero_and_login_form_are_in_the_prerendered_html(loads):
    """LCP: the first paint needs neither the JS nor the websocket."""
    landing = (BUILD / "index.html").read_text(encoding="utf-8")
    login = (BUILD / "login.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>Hekan asukassivut</h1>", landing)
    assert 'id="field-email"' in login and 'id="field-password"' in login
    assert 'id="phone-menu"' in landing  # the phone menu opens without JS too


def test_every_prerendered_page_has_a_title_and_a_meta_description(loads):
    site = {"fi": "Hekan asukassivut", "sv": "Hekas boendesidor", "en": "Heka resident pages"}
    descriptions: dict[str, set[str]] = {}
    for html in BUILD.rglob("*.html"):
        if html.name.startswith(("__spa-fallback.", "404.")):  # shells, filled by the app
            continue
        # The Swedish and English renders (language_pages.py) have their own head.
        lang = html.suffixes[0][1:] if is_variant(html) else "fi"
        text = html.read_text(encoding="utf-8")
        title = re.search(r"<title>([^<]+)</title>", text)
        assert title and site[lang] in title.group(1), html.name
        description = re.search(r'<meta content="([^"]{30,})" name="description"', text)
        assert description, f"{html.relative_to(BUILD)}: no meta description"
        descriptions.setdefault(lang, set()).add(description.group(1))
    assert not descriptions["en"] & descriptions["fi"], "English pages with Finnish descriptions"
    assert not descriptions["sv"] & descriptions["fi"], "Swedish pages with Finnish descriptions"


RADIX_IMPORT = re.compile(r"\b([A-Z]\w*) as RadixThemes\w+")


def test_every_radix_component_the_pages_import_keeps_its_css(loads):
    """radix_css_trim.RADIX_COMPONENTS decides which components keep their CSS: one a
    compiled page imports but the list lacks would render unstyled."""
    web = BUILD.parents[1]
    imported: dict[str, str] = {}
    for source in [*(web / "app").rglob("*.jsx"), *(web / "app_components").rglob("*.jsx")]:
        for name in RADIX_IMPORT.findall(source.read_text(encoding="utf-8")):
            imported.setdefault(name, str(source.relative_to(web)))
    css = "".join((BUILD / href.lstrip("/")).read_text(encoding="utf-8") for href in loads["/"].css)
    assert "Callout" in imported and "Theme" in imported  # the scan sees the imports
    missing = {
        name: where
        for name, where in imported.items()
        if name != "Theme" and f".rt-{name}" not in css
    }
    assert not missing, f"add to heka_app/radix_css_trim.py RADIX_COMPONENTS: {missing}"
    assert ".rt-SelectTrigger" not in css and ".rt-BaseMenuItem" not in css  # trimmed


PLAIN_CLASS_NAMES = re.compile(r'className:"([^"]*)"')


def test_every_radix_class_a_plain_element_names_is_in_the_css(loads):
    """components/plain.py draws Radix's look with Radix's class names on plain elements
    (``rt-CalloutRoot``, ``sm:rt-r-orientation-horizontal``): no Radix component is
    imported for them, so the check above cannot see them; a class the CSS trim dropped
    would leave the element unstyled."""
    web = BUILD.parents[1]
    named: dict[str, str] = {}
    for source in [*(web / "app").rglob("*.jsx"), *(web / "app_components").rglob("*.jsx")]:
        for value in PLAIN_CLASS_NAMES.findall(source.read_text(encoding="utf-8")):
            for name in value.split():
                if name.startswith("rt-") or ":rt-" in name:
                    named.setdefault(name, str(source.relative_to(web)))
    css = "".join((BUILD / href.lstrip("/")).read_text(encoding="utf-8") for href in loads["/"].css)
    radix = (web / "node_modules/@radix-ui/themes/styles.css").read_text(encoding="utf-8")
    assert "rt-CalloutRoot" in named and "rt-DataListRoot" in named  # the scan sees them

    def styled(name: str, sheet: str) -> bool:  # ".rt-Text", not ".rt-TextField..."
        selector = re.escape("." + name.replace(":", "\\:")) + r"(?![\w-])"
        return re.search(selector, sheet) is not None

    # Some classes Radix sets have no rule of their own (rt-CalloutText, rt-underline-none).
    dropped = {n: w for n, w in named.items() if styled(n, radix) and not styled(n, css)}
    assert not dropped, f"Radix classes the CSS trim dropped (radix_css_trim.py): {dropped}"


def test_every_breakpoint_the_source_names_keeps_its_utilities():
    """radix_css_trim.BREAKPOINTS decides which responsive utility classes ship."""
    named: dict[str, str] = {}
    for path in (ROOT / "heka_app").rglob("*.py"):
        for call in re.findall(r"rx\.breakpoints\(([^)]*)\)", path.read_text(encoding="utf-8")):
            for key in re.findall(r"\b(\w+)\s*=", call):
                named.setdefault(key, str(path.relative_to(ROOT)))
    assert "md" in named  # the scan sees the calls
    missing = {k: where for k, where in named.items() if k not in (*BREAKPOINTS, "initial")}
    assert not missing, f"add to heka_app/radix_css_trim.py BREAKPOINTS: {missing}"


# A responsive prop value as Reflex compiles it: columns:({ ["initial"] : "1", ["md"] : "2" })
RESPONSIVE_VALUE = re.compile(r"\b(\w+):\(\{ \[\"(?:initial|xs|sm|md|lg|xl)\"\]")


def test_every_responsive_prop_the_pages_pass_keeps_its_rules(loads):
    """radix_css_trim.RESPONSIVE_PROPS decides which responsive classes ship: a prop the
    compiled pages give a responsive value but the list lacks would lose its layout."""
    web = BUILD.parents[1]
    passed: dict[str, str] = {}
    for source in [*(web / "app").rglob("*.jsx"), *(web / "app_components").rglob("*.jsx")]:
        for prop in RESPONSIVE_VALUE.findall(source.read_text(encoding="utf-8")):
            passed.setdefault(prop, str(source.relative_to(web)))
    assert "columns" in passed  # the scan sees the grids
    missing = {prop: where for prop, where in passed.items() if prop not in RESPONSIVE_PROPS}
    assert not missing, f"add to heka_app/radix_css_trim.py RESPONSIVE_PROPS: {missing}"
    css = "".join((BUILD / href.lstrip("/")).read_text(encoding="utf-8") for href in loads["/"].css)
    assert ".md\\:rt-r-gtc-2" in css and ".sm\\:rt-r-orientation-horizontal" in css
    assert ".sm\\:rt-r-size-2" not in css and ".md\\:rt-r-gap-3" not in css  # trimmed


# Props that make one of radix_css_trim.UNUSED_CLASSES, as Reflex compiles them.
MARGIN_PROP = re.compile(r"[{,]\s*(m|mt|mr|mb|ml|mx|my):")


def test_no_page_makes_a_class_the_trim_drops(loads):
    """radix_css_trim.UNUSED_CLASSES: margin props and the classic variant, whose rules
    are dropped, must stay unused (a Radix dialog would bring margins on its titles)."""
    web = BUILD.parents[1]
    made: dict[str, str] = {}
    for source in [*(web / "app").rglob("*.jsx"), *(web / "app_components").rglob("*.jsx")]:
        text = source.read_text(encoding="utf-8")
        where = str(source.relative_to(web))
        for prop in MARGIN_PROP.findall(text):
            made.setdefault(f"margin prop {prop}", where)
        if 'variant:"classic"' in text or "rt-variant-classic" in text:
            made.setdefault("variant classic", where)
        for name in RADIX_IMPORT.findall(text):
            if name in ("Dialog", "AlertDialog", "Kbd"):
                made.setdefault(f"Radix {name}", where)
    assert not made, f"remove from heka_app/radix_css_trim.py UNUSED_CLASSES: {made}"
    css = "".join((BUILD / href.lstrip("/")).read_text(encoding="utf-8") for href in loads["/"].css)
    assert ".rt-r-mt-2" not in css and "rt-variant-classic" not in css  # trimmed
    assert len(UNUSED_CLASSES) == 2  # each one checked here


# Theme settings as Reflex compiles them: the root Theme's radius:"medium" (or a component's).
THEME_PROP = re.compile(r"[{,]\s*(radius|scaling|panelBackground|grayColor):([^,}]*)")


def test_no_page_sets_a_theme_value_the_trim_drops(loads):
    """frontend_build.THEME_ATTRIBUTES: the CSS of other radii, scalings, grays and panel
    backgrounds is dropped, so no page may pass one (a button's radius="full" would lose
    its rounding)."""
    web = BUILD.parents[1]
    ours = {"radius": RADIUS, "panelBackground": PANEL_BACKGROUND, "grayColor": GRAY_COLOR}
    seen: dict[str, str] = {}
    for source in [*(web / "app").rglob("*.jsx"), *(web / "app_components").rglob("*.jsx")]:
        for prop, value in THEME_PROP.findall(source.read_text(encoding="utf-8")):
            seen[f"{prop}:{value}"] = str(source.relative_to(web))
    assert f'grayColor:"{GRAY_COLOR}"' in seen  # the scan sees the root Theme
    other = {
        p: where for p, where in seen.items() if p not in {f'{k}:"{v}"' for k, v in ours.items()}
    }
    assert not other, (
        f"a theme value the trimmed CSS lacks (frontend_build.THEME_ATTRIBUTES): {other}"
    )
    css = "".join((BUILD / href.lstrip("/")).read_text(encoding="utf-8") for href in loads["/"].css)
    assert "[data-radius=medium]" in css and "[data-radius=full]" not in css
