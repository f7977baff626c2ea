"""The staff and form pages style with heka.css classes, not Emotion style props (issue 9):
a style prop becomes ``css={...}``, which Emotion serializes and inserts while the page
hydrates. What Reflex itself adds is left: rx.link's hover colour, rx.progress's width and
the segmented control's indicator variables."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import pytest
import reflex as rx

from heka_app.components.layout import page_layout
from heka_app.pages.registry import PAGES

ROUTES = [
    "/staff",
    "/staff/registration-codes",
    "/staff/area-offices",
    "/staff/account-changes",
    "/staff/content",
    "/staff/content/edit",
    "/staff/faults",
    "/staff/faults/[report]",
    "/staff/messages",
    "/staff/messages/[thread]",
    "/faults",
    "/faults/new",
    "/faults/[report]",
    "/messages",
    "/messages/new",
    "/messages/request",
    "/messages/[thread]",
    "/account",
    "/account/details",
    "/my-home",
    "/rent",
]
REFLEX_DEFAULTS = (
    re.compile(r'^\{ \["&:hover"\] : \(\{ \["color"\] : "var\(--accent-8\)" \}\) \}$'),
    re.compile(r'^\{ \["width"\] : "100%" \}$'),  # rx.progress sets it; checked below
    re.compile(r'^\{ \["--rx-sc-count"\]'),
)


def _css_props(component: rx.Component) -> Counter:
    return Counter(re.findall(r"css:\((.*?)\)'", str(component.render())))


@cache
def _own(route: str) -> Counter:
    """The page's style props minus the shared shell's (another change's)."""
    spec = next(spec for spec in PAGES if spec.route == route)
    return _css_props(spec.component()) - _css_props(page_layout(rx.fragment()))


def _own_styles(route: str) -> list[str]:
    own = _own(route).elements()
    return [css for css in own if not any(p.match(css) for p in REFLEX_DEFAULTS)]


@pytest.mark.parametrize("route", ROUTES)
def test_page_has_no_emotion_styles_of_its_own(route):
    assert _own_styles(route) == []


def test_the_check_sees_a_style_prop():
    assert _css_props(rx.box(margin_top="1em")) == Counter(['{ ["marginTop"] : "1em" }'])
    assert _css_props(rx.box(class_name="heka-mt-1")) == Counter()


def test_full_width_is_left_only_where_reflex_sets_it():
    widths = sum(_own(route)['{ ["width"] : "100%" }'] for route in ROUTES)
    assert widths == 1  # /faults/new's upload progress bar (rx.progress's default)
