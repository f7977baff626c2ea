"""Page header: service name, navigation, language switch, log in / register.

Desktop shows the links inline; below the ``md`` breakpoint they move into a menu so the
header fits from 320 px without horizontal scrolling.
"""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.browser import open_url
from heka_app.components.language_switch import language_switch
from heka_app.i18n.ui import t, t_var
from heka_app.state.session import SessionState

# Shown from / below the ``md`` breakpoint (heka.css): static classes instead of responsive
# style props, which Emotion would turn into styles at runtime on every page (issue 9).
WIDE_ONLY = "heka-wide-only"
NARROW_ONLY = "heka-narrow-only"


def _nav_link(item: rx.Var) -> rx.Component:
    """One navigation link; the current page's link is marked (``aria-current``)."""
    path = SessionState.router.url.path.to(str)
    route = item["route"].to(str)
    current = (path == route) | (path == route + "/")
    unread = (route == routes.MESSAGES) & (SessionState.unread_messages > 0)
    return rx.link(
        t_var(item["label"]),
        rx.cond(
            unread,
            rx.badge(
                SessionState.unread_messages,
                rx.el.span(
                    t(" unread"),
                    style={
                        "position": "absolute",
                        "width": "1px",
                        "height": "1px",
                        "overflow": "hidden",
                        "clip": "rect(0 0 0 0)",
                        "white_space": "nowrap",
                    },
                ),
                color_scheme="amber",
                margin_left="0.35em",
                id="unread-messages",
            ),
        ),
        href=route,
        weight="medium",
        aria_current=rx.cond(current, "page", "false"),
        class_name="heka-nav-link",
    )


def _nav_links(wrap=lambda link: link) -> rx.Component:
    """The links the server allowed for this session (services/auth/navigation.py)."""
    return rx.foreach(SessionState.nav, lambda item: wrap(_nav_link(item)))


def brand() -> rx.Component:
    """Logo mark and service name, linking home."""
    return rx.link(
        rx.hstack(
            rx.box(
                "H",
                class_name="heka-logo",
                aria_hidden="true",
            ),
            rx.vstack(
                rx.text("Heka", weight="bold", size="4", line_height="1"),
                rx.text(t("Resident pages"), size="2", line_height="1.1"),
                spacing="0",
            ),
            align="center",
            spacing="2",
        ),
        href=routes.HOME,
        underline="none",
        color="inherit",
        # No aria-label: the visible "Heka Resident pages" is the name (WCAG 2.5.3).
    )


def _auth_buttons() -> rx.Component:
    return rx.cond(
        SessionState.signed_in,
        rx.hstack(
            rx.link(
                rx.button(rx.icon("user", aria_hidden="true"), t("My account"), variant="soft"),
                href=routes.ACCOUNT,
            ),
            rx.button(
                t("Log out"),
                variant="outline",
                on_click=open_url(SessionState.leave_url),
                id="logout-button",
            ),
            spacing="2",
        ),
        rx.hstack(
            rx.link(rx.button(t("Log in"), variant="outline"), href=routes.LOGIN),
            rx.link(rx.button(t("Register")), href=routes.REGISTER),
            spacing="2",
        ),
    )


def _desktop_nav() -> rx.Component:
    return rx.el.nav(
        rx.hstack(
            _nav_links(),
            spacing="5",
        ),
        class_name=WIDE_ONLY,
        aria_label=t("Main navigation"),
    )


# The look of a Radix soft button (components.css) on the native <summary>.
_SUMMARY_BUTTON = "rt-reset rt-BaseButton rt-r-size-2 rt-variant-soft rt-Button heka-menu-button"


def _menu_item(child: rx.Component) -> rx.Component:
    return rx.el.li(child, class_name="heka-menu-item")


def _phone_menu() -> rx.Component:
    """A native disclosure (<details>): no menu library on every page (issue 9: the Radix
    dropdown and its positioning code were ~30 KB gz of first-load JS); it opens before
    the page is live and works with keyboard and screen readers as a plain list of links."""
    return rx.box(
        rx.el.details(
            rx.el.summary(
                rx.icon("menu", aria_hidden="true"),
                t("Menu"),
                id="phone-menu-button",
                class_name=_SUMMARY_BUTTON,
            ),
            rx.el.nav(
                rx.el.ul(
                    _nav_links(_menu_item),
                    rx.cond(
                        SessionState.signed_in,
                        rx.fragment(
                            _menu_item(rx.link(t("My account"), href=routes.ACCOUNT)),
                            _menu_item(
                                rx.el.button(
                                    t("Log out"),
                                    type="button",
                                    on_click=open_url(SessionState.leave_url),
                                    class_name="heka-menu-action",
                                )
                            ),
                        ),
                        rx.fragment(
                            _menu_item(rx.link(t("Log in"), href=routes.LOGIN)),
                            _menu_item(rx.link(t("Register"), href=routes.REGISTER)),
                        ),
                    ),
                ),
                aria_label=t("Main navigation"),
                id="phone-menu",
                class_name="heka-menu-panel",
            ),
            class_name="heka-menu",
        ),
        class_name=NARROW_ONLY,
    )


def header() -> rx.Component:
    """The site header."""
    return rx.el.header(
        rx.flex(
            brand(),
            _desktop_nav(),
            rx.hstack(
                language_switch(),
                rx.box(_auth_buttons(), class_name=WIDE_ONLY),
                _phone_menu(),
                spacing="3",
                align="center",
            ),
            justify="between",
            align="center",
            wrap="wrap",
            spacing="3",
            class_name="heka-container",
        ),
        class_name="heka-header",
    )
