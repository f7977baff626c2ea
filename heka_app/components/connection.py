"""The connection banner: replaces Reflex's English websocket-error toast with a short,
translated "connection lost, reconnecting" line that goes away by itself, and tells the
server when the connection is back so stale form messages are cleared."""

from __future__ import annotations

import reflex as rx
from reflex_components_core.core.banner import has_connection_errors

from heka_app.i18n.ui import t
from heka_app.state.session import SessionState

# The banner only exists while the connection is down; when it disappears again the
# (hidden) button tells the server, which clears the form messages of before the break.
_SCRIPT = """
(() => {
  if (window.__hekaConnection) return;
  window.__hekaConnection = true;
  let lost = false;
  setInterval(() => {
    const banner = document.getElementById("connection-lost");
    if (banner) { lost = true; return; }
    if (lost) { lost = false; document.getElementById("connection-back")?.click(); }
  }, 500);
})();
"""


def connection_banner() -> rx.Component:
    """A polite status line while the websocket reconnects (render once, as an overlay)."""
    return rx.fragment(
        rx.cond(
            has_connection_errors,
            rx.box(
                rx.box(
                    rx.callout(
                        t("Connection lost. Reconnecting…"),
                        icon="wifi_off",
                        color_scheme="amber",
                        role="status",
                    ),
                    class_name="heka-container",
                ),
                id="connection-lost",
                class_name="heka-connection",
            ),
        ),
        rx.button("", id="connection-back", on_click=SessionState.connection_back, display="none"),
        rx.script(_SCRIPT),
    )
