"""Kiosk mode (shared touch screens at area offices, state/kiosk.py).

On a kiosk every page gets large touch targets (``html.heka-kiosk-mode`` in heka.css) and,
while someone is signed in, a bar fixed to the bottom of the screen with an "End session"
button. After 2 idle minutes the session ends by itself; the last minute is counted down
on screen and announced to screen readers at 60, 30 and 10 seconds (announcing every
second would drown everything else). The server enforces the same idle limit itself
(services/auth/sessions.py).
"""

from __future__ import annotations

import reflex as rx
from reflex.vars.function import ArgsFunctionOperation, FunctionStringVar

from heka_app.i18n.ui import t
from heka_app.state.kiosk import KioskState
from heka_app.state.session import SessionState

# The script is a static file (assets/kiosk.js, its numbers kept equal to these): only a
# kiosk downloads it, and no page's first load carries it.
SCRIPT_URL = "/kiosk.js"
IDLE_SECONDS = 120
WARN_SECONDS = 60
# If the server does not answer "End session" (connection lost), the browser wipes itself
# and leaves through /_session/end anyway (the server's idle limit ends the session).
FALLBACK_SECONDS = 5


def _wipe_when_set() -> rx.Component:
    """Once the server has ended the session: wipe the browser and leave (kiosk script)."""
    wipe = FunctionStringVar.create("window.__hekaKioskWipe").call(KioskState.wipe_to)
    return rx.cond(
        KioskState.wipe_to != "",
        rx.el.span(on_mount=rx.call_function(ArgsFunctionOperation.create((), wipe)), hidden=True),
    )


def _session_bar() -> rx.Component:
    return rx.el.aside(
        rx.box(
            rx.el.div(  # plain elements: the bar is on every page, Radix Callout is not
                t("For your privacy you will be logged out in"),
                " ",
                rx.el.span("60", id="kiosk-seconds"),
                " s. ",
                t("Touch the screen to continue."),
                id="kiosk-countdown",
                role="timer",
                hidden=True,
                class_name="heka-kiosk-warning",
            ),
            rx.el.p(
                "", id="kiosk-announce", aria_live="assertive", class_name="heka-visually-hidden"
            ),
            rx.hstack(
                rx.text(t("Shared terminal: end your session when you are done."), size="3"),
                rx.button(
                    t("End session"),
                    id="kiosk-end",
                    size="4",
                    color_scheme="red",
                    custom_attrs={"data-leave": SessionState.leave_url},
                    on_click=KioskState.end_session,
                ),
                align="center",
                justify="between",
                wrap="wrap",
                spacing="3",
            ),
            class_name="heka-container",
        ),
        aria_label=t("Kiosk session"),
        class_name="heka-kiosk",
    )


def kiosk_timer() -> rx.Component:
    """Kiosk mode's page parts (nothing unless this terminal is a kiosk)."""
    return rx.cond(
        KioskState.active,
        rx.fragment(
            rx.el.script(src=SCRIPT_URL, async_=True),  # React 19 loads it when rendered
            rx.cond(SessionState.signed_in, _session_bar()),
            _wipe_when_set(),  # outside the bar: the reset that sets it also signs out
        ),
    )
