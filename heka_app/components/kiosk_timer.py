"""Kiosk mode (shared terminals at area offices): log out after 2 idle minutes, with a
visible countdown in the last minute. The server enforces the same idle limit itself."""

from __future__ import annotations

import reflex as rx

from heka_app.components.browser import open_url
from heka_app.i18n.ui import t
from heka_app.security_headers import allow_client_script
from heka_app.state.session import SessionState

IDLE_SECONDS = 120
WARN_SECONDS = 60

_SCRIPT = """
(() => {
  if (window.__hekaKiosk) return;
  window.__hekaKiosk = true;
  let last = Date.now();
  const reset = () => { last = Date.now(); };
  ["pointerdown", "keydown", "touchstart", "scroll"].forEach(
    (name) => window.addEventListener(name, reset, {passive: true}));
  setInterval(() => {
    const box = document.getElementById("kiosk-countdown");
    const left = __IDLE__ - Math.floor((Date.now() - last) / 1000);
    if (!box) return;
    box.hidden = left > __WARN__;
    const secs = document.getElementById("kiosk-seconds");
    if (secs) secs.textContent = String(Math.max(left, 0));
    if (left <= 0) { last = Date.now(); document.getElementById("kiosk-logout")?.click(); }
  }, 1000);
})();
""".replace("__IDLE__", str(IDLE_SECONDS)).replace("__WARN__", str(WARN_SECONDS))


def kiosk_timer() -> rx.Component:
    """The countdown banner and its timer (render only in kiosk mode)."""
    return rx.cond(
        SessionState.signed_in,
        rx.box(
            rx.box(  # in line with the content column, not edge to edge
                rx.callout(
                    rx.text(
                        t("For your privacy you will be logged out in"),
                        " ",
                        rx.el.span("60", id="kiosk-seconds"),
                        " s. ",
                        t("Touch the screen to continue."),
                    ),
                    icon="timer",
                    color_scheme="amber",
                    role="alert",
                ),
                class_name="heka-container",
            ),
            rx.button(
                "",
                id="kiosk-logout",
                on_click=open_url(SessionState.leave_url),
                display="none",
            ),
            rx.script(allow_client_script(_SCRIPT)),
            id="kiosk-countdown",
            hidden=True,
            class_name="heka-kiosk",
        ),
    )
