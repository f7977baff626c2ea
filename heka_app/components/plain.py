"""Plain HTML elements in the look of Radix Themes' text primitives (issue 9).

Every ``rx.text``, ``rx.heading``, ``rx.box``, ``rx.flex`` or ``rx.link`` is a Radix Themes
React component: at hydration each one runs Radix's ``extractProps`` (~70 ms of the
start-up profile on a 4x slower phone), and each style prop (``margin_top="1em"``,
``rx.link``'s hover colour) makes Emotion serialize and insert a style at runtime. The
shell and the tenant pages render these plain elements instead, with the same class
names Radix would have put on them (``rt-Text rt-r-size-2``: static CSS that
``components.css`` ships anyway) for the type scale and link look, and a named class in
``assets/heka.css`` for everything that was a style prop. The look is unchanged; the
screenshots before and after were compared pixel by pixel (docs/performance.md, round 6).

Interactive Radix components (buttons that run handlers, inputs, dialogs) stay Radix.
"""

from __future__ import annotations

import reflex as rx
from reflex_components_core.react_router.dom import ReactRouterLink

# What rx.link renders: Radix's link classes; heka-link carries the hover colour that
# rx.link set as an Emotion style on every link.
LINK = "rt-Text rt-reset rt-Link heka-link"


def classes(*names: str | rx.Var) -> str | rx.Var:
    """The non-empty class names, space separated; a Var (``rx.cond`` of classes) is
    appended as a Var."""
    joined: str | rx.Var = " ".join(name for name in names if isinstance(name, str) and name)
    for var in (name for name in names if isinstance(name, rx.Var)):
        joined = (joined + " " if joined else "") + var.to(str)
    return joined


def text(
    *children, size: str = "", weight: str = "", as_: str = "p", class_name: str = "", **props
) -> rx.Component:
    """``rx.text`` as a plain ``<p>`` (or ``as_``) with Radix's text classes."""
    cls = classes(
        "rt-Text",
        f"rt-r-size-{size}" if size else "",
        f"rt-r-weight-{weight}" if weight else "",
        class_name,
    )
    return getattr(rx.el, as_)(*children, class_name=cls, **props)


def heading(*children, level: str, size: str, class_name: str = "", **props) -> rx.Component:
    """``rx.heading(as_=level, size=size)`` as a plain ``<h1>``…``<h6>``."""
    cls = classes("rt-Heading", f"rt-r-size-{size}", class_name)
    return getattr(rx.el, level)(*children, class_name=cls, **props)


def _is_internal(href: str | rx.Var) -> bool:
    # A Var (a route from state) is one of the portal's own paths unless the caller
    # says otherwise (``internal=False``).
    return isinstance(href, rx.Var) or href.startswith("/")


def link(
    *children,
    href: str | rx.Var,
    underline: str = "auto",
    class_name: str = "",
    internal: bool | None = None,
    **props,
) -> rx.Component:
    """A link that looks like ``rx.link``. The portal's own pages go through React
    Router's ``Link`` (a plain ``<a>`` that navigates without reloading the app); other
    addresses (tel:, mailto:, the chat; ``internal=False`` for one built from a Var) are
    a plain ``<a>``."""
    cls = classes(LINK, f"rt-underline-{underline}", class_name)
    # Radix puts an empty data-accent-color on its links; Radix's CSS colours
    # ``.rt-Text:where([data-accent-color])``, so the plain link keeps it.
    props.setdefault("data_accent_color", "")
    if _is_internal(href) if internal is None else internal:
        return ReactRouterLink.create(*children, to=href, class_name=cls, **props)
    return rx.el.a(*children, href=href, class_name=cls, **props)


def button_classes(size: str = "2", variant: str = "solid", class_name: str = "") -> str:
    """The classes of a Radix button, for a native ``<button>``, ``<summary>`` or ``<a>``:
    Radix's Button is a ``<button>`` with these classes and a React component around it."""
    return classes(
        "rt-reset rt-BaseButton",
        f"rt-r-size-{size}",
        f"rt-variant-{variant}",
        "rt-Button",
        class_name,
    )


def button_link(
    *children, href: str | rx.Var, size: str = "2", variant: str = "solid", **props
) -> rx.Component:
    """A link that looks like a Radix button: one ``<a>`` instead of ``rx.link`` around
    ``rx.button`` (two components, and a button inside a link, which assistive technology
    announces as two controls)."""
    cls = button_classes(size, variant, props.pop("class_name", ""))
    return ReactRouterLink.create(*children, to=href, class_name=cls, **props)


def card(*children, size: str = "1", class_name: str = "", **props) -> rx.Component:
    """``rx.card`` as a plain ``<div>`` (Radix's Card renders exactly this)."""
    cls = classes(
        "rt-reset rt-BaseCard rt-Card", f"rt-r-size-{size}", "rt-variant-surface", class_name
    )
    return rx.el.div(*children, class_name=cls, **props)


def badge(
    *children,
    color: str = "",
    size: str = "1",
    variant: str = "soft",
    high_contrast: bool = False,
    class_name: str = "",
    **props,
):
    """``rx.badge`` as a plain ``<span>``; ``color`` is Radix's accent colour."""
    cls = classes(
        "rt-reset rt-Badge",
        f"rt-r-size-{size}",
        f"rt-variant-{variant}",
        "rt-high-contrast" if high_contrast else "",
        class_name,
    )
    return rx.el.span(*children, class_name=cls, data_accent_color=color, **props)


def callout_root(
    icon: str,
    *children: rx.Component,
    color: str = "",
    high_contrast: bool = False,
    class_name: str = "",
    **props,
) -> rx.Component:
    """``rx.callout.root`` (size 2, soft) with its icon, as the plain ``<div>``s Radix's
    Callout.Root and Callout.Icon render; ``children`` follow the icon."""
    cls = classes(
        "rt-CalloutRoot rt-r-size-2 rt-variant-soft",
        "rt-high-contrast" if high_contrast else "",
        class_name,
    )
    return rx.el.div(
        rx.el.div(rx.icon(icon), class_name="rt-CalloutIcon"),
        *children,
        class_name=cls,
        data_accent_color=color,
        **props,
    )


def callout(
    message: rx.Var | str | rx.Component, *, icon: str, text_as: str = "p", **props
) -> rx.Component:
    """``rx.callout``: the root and icon of :func:`callout_root` and the ``<p>`` Radix's
    Callout.Text renders (three React components fewer per callout). ``text_as="div"``
    for a message of blocks (Reflex refuses a ``<div>`` in a ``<p>``; the reset gives
    both the same box)."""
    text_el = getattr(rx.el, text_as)
    return callout_root(
        icon, text_el(message, class_name="rt-Text rt-r-size-2 rt-CalloutText"), **props
    )


def data_list(*rows: tuple[rx.Var | str, rx.Var | str | rx.Component]) -> rx.Component:
    """``rx.data_list`` (vertical on a phone, horizontal from Radix's ``sm``) as a plain
    ``<dl>`` with Radix's classes: label and value pairs, one per row."""
    return rx.el.dl(
        *[
            rx.el.div(
                rx.el.dt(label, class_name="rt-DataListLabel"),
                rx.el.dd(value, class_name="rt-DataListValue"),
                class_name="rt-DataListItem",
            )
            for label, value in rows
        ],
        class_name="rt-Text rt-DataListRoot rt-r-orientation-vertical "
        "sm:rt-r-orientation-horizontal rt-r-size-2",
    )
