"""Page header: service name, navigation, language switch, log in / register.

Desktop shows the links inline; below the ``md`` breakpoint they move into a menu so the
header fits from 320 px without horizontal scrolling.
"""

from __future__ import annotations

import reflex as rx

from heka_app import routes
from heka_app.components.browser import open_url
from heka_app.components.language_switch import language_switch
from heka_app.components.plain import badge, button_classes, button_link, link, text
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
    return link(
        t_var(item["label"]),
        rx.cond(
            unread,
            badge(
                SessionState.unread_messages,
                rx.el.span(t(" unread"), class_name="heka-visually-hidden"),
                color="amber",
                class_name="heka-unread",
                id="unread-messages",
            ),
        ),
        href=route,
        aria_current=rx.cond(current, "page", "false"),
        class_name="rt-r-weight-medium heka-nav-link",
    )


def _nav_links(wrap=lambda link: link) -> rx.Component:
    """The links the server allowed for this session (services/auth/navigation.py)."""
    return rx.foreach(SessionState.nav, lambda item: wrap(_nav_link(item)))


def brand() -> rx.Component:
    """Logo mark and service name, linking home."""
    return link(
        rx.el.div(
            rx.el.div("H", class_name="heka-logo", aria_hidden="true"),
            rx.el.div(
                text("Heka", size="4", weight="bold", class_name="heka-brand-name"),
                text(t("Resident pages"), size="2", class_name="heka-brand-tagline"),
                class_name="heka-brand-text",
            ),
            class_name="heka-brand-row",
        ),
        href=routes.HOME,
        underline="none",
        class_name="heka-brand",
        # No aria-label: the visible "Heka Resident pages" is the name (WCAG 2.5.3).
    )


def _auth_buttons() -> rx.Component:
    return rx.cond(
        SessionState.signed_in,
        rx.el.div(
            button_link(
                rx.icon("user", aria_hidden="true"),
                t("My account"),
                href=routes.ACCOUNT,
                variant="soft",
            ),
            rx.el.button(
                t("Log out"),
                type="button",
                on_click=open_url(SessionState.leave_url),
                id="logout-button",
                class_name=button_classes(variant="outline"),
            ),
            class_name="heka-row heka-gap-2",
        ),
        rx.el.div(
            button_link(t("Log in"), href=routes.LOGIN, variant="outline"),
            button_link(t("Register"), href=routes.REGISTER),
            class_name="heka-row heka-gap-2",
        ),
    )


def _desktop_nav() -> rx.Component:
    return rx.el.nav(
        rx.el.div(_nav_links(), class_name="heka-row heka-gap-5"),
        class_name=f"{WIDE_ONLY} heka-main-nav",
        aria_label=t("Main navigation"),
    )


# The look of a Radix soft button (components.css) on the native <summary>.
_SUMMARY_BUTTON = button_classes(variant="soft", class_name="heka-menu-button")


def _menu_item(child: rx.Component) -> rx.Component:
    return rx.el.li(child, class_name="heka-menu-item")


def _phone_menu() -> rx.Component:
    """A native disclosure (<details>): no menu library on every page (issue 9: the Radix
    dropdown and its positioning code were ~30 KB gz of first-load JS); it opens before
    the page is live and works with keyboard and screen readers as a plain list of links."""
    return rx.el.div(
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
                            _menu_item(link(t("My account"), href=routes.ACCOUNT)),
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
                            _menu_item(link(t("Log in"), href=routes.LOGIN)),
                            _menu_item(link(t("Register"), href=routes.REGISTER)),
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
        rx.el.div(
            brand(),
            _desktop_nav(),
            rx.el.div(
                language_switch(),
                rx.el.div(_auth_buttons(), class_name=WIDE_ONLY),
                _phone_menu(),
                class_name="heka-row heka-center heka-gap-3",
            ),
            class_name="heka-header-bar heka-container",
        ),
        class_name="heka-header",
    )
