"""``rx.callout`` without an Emotion style: Reflex's Callout passes its ``icon`` name on to
the root as a prop the root does not have, so it ends up as a CSS property
(``css={{icon: "info"}}``), which Emotion serializes and inserts on every page that shows a
callout (issue 9). Same elements, same Radix classes."""

from __future__ import annotations

import reflex as rx


def callout(text: rx.Var | str, *, icon: str, **props) -> rx.Component:
    """Root, icon and text as ``rx.callout(text, icon=icon, **props)`` renders them."""
    return rx.callout.root(rx.callout.icon(rx.icon(icon)), rx.callout.text(text), **props)
