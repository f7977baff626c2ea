"""The portal's callout: ``rx.callout``'s look in plain elements (components/plain.py).

Reflex's Callout passed its ``icon`` name on to the root as a CSS property, which Emotion
serialized and inserted on every page that showed one; and Radix's Callout is three React
components (root, icon, text) that each run ``extractProps`` at hydration. The fault
form alone mounted seven (its offline outbox has one per state) (issue 9)."""

from __future__ import annotations

import reflex as rx

from heka_app.components import plain


def callout(text: rx.Var | str | rx.Component, *, icon: str, **props) -> rx.Component:
    """What ``rx.callout(text, icon=icon, **props)`` renders; ``color_scheme`` and
    ``high_contrast`` as there."""
    return plain.callout(text, icon=icon, color=props.pop("color_scheme", ""), **props)
