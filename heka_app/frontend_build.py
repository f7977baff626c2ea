"""Frontend build choices that keep every page small on a phone (issue 9).

Radix Themes' ``styles.css`` carries all 30 colour scales in light and dark (about 35 KB
gz of tokens); the portal uses a handful. :class:`HekaRadixThemesPlugin` imports the same
stylesheet in its documented parts (base tokens, the colour scales in :data:`COLORS`,
components, utilities). A colour used in a component must be listed in :data:`COLORS`;
``tests/e2e/test_bundle_budget.py`` checks the source for colours that are not. It also
keeps Radix Themes out of the window libraries, so the pages' imports tree-shake.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import reflex as rx

from heka_app import radix_css_trim

ACCENT_COLOR = "indigo"
GRAY_COLOR = "slate"
RADIUS = "medium"
PANEL_BACKGROUND = "solid"
# The data-* attributes the one Theme (heka_theme) sets on the root; scaling is Radix's
# default. No page renders another Theme or passes a radius, so the CSS of the other
# values (data-radius='full', data-scaling='90%', ...) is dropped (radix_css_trim.py).
THEME_ATTRIBUTES = {
    "data-gray-color": GRAY_COLOR,
    "data-radius": RADIUS,
    "data-panel-background": PANEL_BACKGROUND,
    "data-scaling": "100%",
}
# Every Radix colour scale a component names (color_scheme=..., accent/gray of the theme).
COLORS: tuple[str, ...] = (ACCENT_COLOR, GRAY_COLOR, "gray", "red", "amber", "blue", "green")

_THEMES = "@radix-ui/themes"


def radix_stylesheets(colors: tuple[str, ...] = COLORS) -> tuple[str, ...]:
    """Radix Themes' CSS in parts, only the colour scales in ``colors``."""
    return (
        f"{_THEMES}/tokens/base.css",
        *(f"{_THEMES}/tokens/colors/{color}.css" for color in dict.fromkeys(colors)),
        f"{_THEMES}/components.css",
        f"{_THEMES}/utilities.css",
    )


@dataclasses.dataclass
class HekaRadixThemesPlugin(rx.plugins.RadixThemesPlugin):
    """Radix Themes with the trimmed stylesheet list."""

    def get_stylesheet_paths(self, **context: Any) -> tuple[str, ...]:
        """The parts of Radix Themes' CSS the portal uses."""
        return radix_stylesheets() if self.enabled else ()

    def pre_compile(self, **context: Any) -> None:
        """Only the Radix components in use keep their CSS (radix_css_trim.py)."""
        super().pre_compile(**context)
        if self.enabled:
            context["add_modify_task"]("postcss.config.js", radix_css_trim.add_to_postcss_config)

    def get_static_assets(self, **context: Any) -> list[tuple[str, str]]:
        """The PostCSS plugin, next to postcss.config.js in the web directory."""
        return [(radix_css_trim.PLUGIN_FILE, trim_plugin_js())]

    def get_frontend_dependencies(self, **context: Any) -> tuple[str, ...]:
        """None of its own: the components' imports install ``@radix-ui/themes`` anyway,
        and a plugin dependency is also registered as a window library, whose lazy
        ``import("@radix-ui/themes")`` keeps the whole library in one chunk that every
        page preloads (no tree shaking: ~75 KB gz of components no page uses)."""
        return ()


def trim_plugin_js() -> str:
    """The build's Radix CSS trim (PostCSS plugin source), for the portal's theme."""
    return radix_css_trim.plugin_js(theme=THEME_ATTRIBUTES)


def heka_theme() -> rx.Component:
    """The portal's Radix theme."""
    # Solid panels: translucent ones blur what is behind every card (backdrop-filter,
    # 64 px), costly to paint on a phone for no visible gain on the plain page background.
    return rx.theme(
        accent_color=ACCENT_COLOR,
        gray_color=GRAY_COLOR,
        radius=RADIUS,
        panel_background=PANEL_BACKGROUND,
    )
