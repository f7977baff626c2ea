"""The page shell every page uses: skip link, header, main content, footer."""

from __future__ import annotations

import reflex as rx

from heka_app.components.browser_actions import browser_actions
from heka_app.components.first_paint import first_paint_script
from heka_app.components.footer import footer
from heka_app.components.header import header
from heka_app.components.html_lang import html_lang
from heka_app.components.kiosk_timer import kiosk_timer
from heka_app.components.plain import link
from heka_app.i18n.ui import t


def page_layout(*children: rx.Component) -> rx.Component:
    """Wrap page content in the common layout."""
    # Plain elements, not rx.box/rx.link: the shell is on every page (plain.py, issue 9).
    return rx.el.div(
        first_paint_script(),
        html_lang(),
        browser_actions(),
        link(t("Skip to content"), href="#main", class_name="heka-skip-link"),
        header(),
        rx.el.main(
            rx.el.div(*children, class_name="heka-container"),
            id="main",
            tab_index=-1,
            class_name="heka-main",
        ),
        kiosk_timer(),  # after the content: its bar sticks to the bottom of the screen
        footer(),
        class_name="heka-page",
    )


def loading() -> rx.Component:
    """What a page shows while its data arrives over the websocket: a spinner, announced.
    ``.heka-main`` is at least a screen high, so the footer starts below the fold and the
    content arriving, longer or shorter than a screen, moves nothing on screen (Lighthouse
    measured a layout shift of 0.448 on phones when the footer was pushed down)."""
    return rx.el.div(
        rx.spinner(),
        rx.el.span(t("Loading…"), class_name="heka-visually-hidden"),
        role="status",
        class_name="heka-loading",
        # Its own key: when the content that replaces it is a plain <div> too, React would
        # otherwise reuse this node for it, and Chromium counts the node moving down the
        # page as a layout shift (0.1 on /home at 390 px in tests/e2e/test_layout_shift.py).
        key="heka-loading",
    )
