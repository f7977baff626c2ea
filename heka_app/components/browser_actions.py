"""The shell's runner of the browser actions handlers ask for (state/browser_actions.py)."""

from __future__ import annotations

import reflex as rx

from heka_app.state.browser_actions import BrowserActionState


class BrowserActions(rx.Component):
    """``HekaBrowserActions`` of assets/heka_browser_actions.js: renders nothing."""

    library = "$/public/heka_browser_actions.js"
    tag = "HekaBrowserActions"
    actions: rx.Var[list]


def browser_actions() -> rx.Component:
    """Runs each new action once (on every page: any form may ask for a reset)."""
    return BrowserActions.create(actions=BrowserActionState.actions)
