"""The explicit page table: route, page function, title msgid."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import reflex as rx

from heka_app import routes
from heka_app.i18n import N_
from heka_app.pages.accessibility import accessibility_page
from heka_app.pages.instructions import instructions_page
from heka_app.pages.landing import landing_page


@dataclasses.dataclass(frozen=True)
class PageSpec:
    """One row of the page table."""

    route: str
    component: Callable[[], rx.Component]
    title: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec(routes.HOME, landing_page, N_("Heka resident pages")),
    PageSpec(routes.INSTRUCTIONS, instructions_page, N_("Instructions")),
    PageSpec(routes.ACCESSIBILITY, accessibility_page, N_("Accessibility statement")),
)
