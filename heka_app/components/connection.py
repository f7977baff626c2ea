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
# A hook in the bundle, not an inline <script>: the CSP blocks inline scripts that Helmet
# adds after hydration (it did, with a console error on every page).
_WATCH = """useEffect(() => {
  let lost = false;
  const timer = setInterval(() => {
    const banner = document.getElementById("connection-lost");
    if (banner) { lost = true; return; }
    if (lost) { lost = false; document.getElementById("connection-back")?.click(); }
  }, 500);
  return () => clearInterval(timer);
}, []);"""


class _ConnectionWatch(rx.Fragment):
    """Renders nothing; its hook watches for the banner to go away."""

    def add_imports(self) -> dict:
        """React's useEffect."""
        return {"react": [rx.ImportVar(tag="useEffect")]}

    def add_hooks(self) -> list:
        """The watcher, started once."""
        return [rx.Var(_WATCH)]


def connection_banner() -> rx.Component:
    """A polite status line while the websocket reconnects (render once, as an overlay)."""
    return rx.fragment(
        rx.cond(
            has_connection_errors,
            rx.el.div(
                rx.el.div(
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
        # A hidden native button: no Radix Button and no Emotion style on every page.
        rx.el.button(
            id="connection-back",
            type="button",
            hidden=True,
            on_click=SessionState.connection_back,
        ),
        _ConnectionWatch.create(),
    )
