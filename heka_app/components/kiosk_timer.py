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
from heka_app.security_headers import allow_client_script
from heka_app.state.kiosk import KioskState
from heka_app.state.session import SessionState

IDLE_SECONDS = 120
WARN_SECONDS = 60
# If the server does not answer "End session" (connection lost), the browser wipes itself
# and leaves through /_session/end anyway (the server's idle limit ends the session).
FALLBACK_SECONDS = 5

_SCRIPT = """
(() => {
  document.documentElement.classList.add("heka-kiosk-mode");
  if (window.__hekaKiosk) return;
  window.__hekaKiosk = true;
  window.__hekaKioskWipe = async (url) => {
    if (window.__hekaKioskWiping) return;
    window.__hekaKioskWiping = true;
    try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}
    for (const c of document.cookie.split(";")) {
      const name = c.split("=")[0].trim();
      if (name) document.cookie = name + "=; Max-Age=0; Path=/";
    }
    try {
      for (const db of (await indexedDB.databases?.()) || []) {
        if (db.name) indexedDB.deleteDatabase(db.name);
      }
    } catch (e) {}
    try {
      for (const key of (await window.caches?.keys()) || []) await caches.delete(key);
    } catch (e) {}
    window.location.replace(url);
  };
  const endButton = () => document.getElementById("kiosk-end");
  const end = () => {
    const button = endButton();
    if (!button) return;
    const leave = button.dataset.leave;
    button.click();
    setTimeout(() => { if (leave) window.__hekaKioskWipe(leave); }, __FALLBACK__ * 1000);
  };
  // The header's "Log out" buttons end a kiosk session the same way (wipe included).
  window.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest("#logout-button, .heka-menu-action") && endButton()) {
      event.preventDefault();
      event.stopPropagation();
      end();
    }
  }, true);
  // No field offers what an earlier visitor typed (form history), whatever the page says.
  window.addEventListener("focusin", (event) => {
    const field = event.target;
    if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
      field.setAttribute("autocomplete", "off");
    }
  }, true);
  let last = Date.now();
  const reset = () => { last = Date.now(); };
  ["pointerdown", "keydown", "touchstart", "scroll", "input"].forEach(
    (name) => window.addEventListener(name, reset, {passive: true, capture: true}));
  let announced = null;
  setInterval(() => {
    const box = document.getElementById("kiosk-countdown");
    if (!box || !endButton()) { last = Date.now(); return; }
    const left = Math.max(__IDLE__ - Math.floor((Date.now() - last) / 1000), 0);
    box.hidden = left > __WARN__;
    const secs = document.getElementById("kiosk-seconds");
    if (secs) secs.textContent = String(left);
    const say = document.getElementById("kiosk-announce");
    const moment = [__WARN__, 30, 10].find((s) => left <= s && left > s - 5);
    if (say && moment !== announced) {
      announced = moment;
      say.textContent = moment === undefined ? "" : box.textContent;
    }
    if (left <= 0) { last = Date.now() + 3600 * 1000; end(); }
  }, 1000);
})();
""".replace("__IDLE__", str(IDLE_SECONDS)).replace("__WARN__", str(WARN_SECONDS))
_SCRIPT = _SCRIPT.replace("__FALLBACK__", str(FALLBACK_SECONDS))


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
            rx.box(
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
                ),
                id="kiosk-countdown",
                role="timer",
                hidden=True,
            ),
            rx.el.p(
                "", id="kiosk-announce", aria_live="assertive", class_name="heka-visually-hidden"
            ),
            rx.hstack(
                rx.text(t("Shared terminal: end your session when you are done."), size="3"),
                rx.button(
                    rx.icon("log-out", aria_hidden="true"),
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
            rx.script(allow_client_script(_SCRIPT)),
            rx.cond(SessionState.signed_in, _session_bar()),
            _wipe_when_set(),  # outside the bar: the reset that sets it also signs out
        ),
    )
