"""The fault report's offline outbox on the report form: a status line and the loader of
``assets/heka-outbox.js`` (a static script, fetched only by this page: the IndexedDB code
adds nothing to other pages' bundles).

A report sent without a connection is kept in the browser's IndexedDB and sent when the
connection returns, through the form's own submit (so once: the server makes one report
per submission id). The line says what is happening: offline (photos need a connection),
waiting to send, sending, sent, or not sent because a field needs fixing; opened with no
connection at all, that the form needs one. The script shows one message by setting
``data-state`` on the box (heka-faults.css) and writes its words in the ``heka_lang``
cookie's language from ``/heka-outbox-texts.json`` (pwa/texts.py): the line must speak
before, or without, the server telling the page its language.

Kiosk mode keeps nothing on the device: no outbox there, the form works online only.
"""

from __future__ import annotations

import reflex as rx

from heka_app.components.callout import callout
from heka_app.pwa.texts import OUTBOX_COLORS
from heka_app.settings import get_settings
from heka_app.state.session import SessionState

OUTBOX_ID = "fault-outbox"
OUTBOX_SCRIPT = "/heka-outbox.js"

# Loads the outbox script once per page load; a later visit to the form restarts it.
_LOAD = f"""useEffect(() => {{
  if (window.hekaOutbox) {{ window.hekaOutbox.start(); return; }}
  if (document.getElementById("heka-outbox-js")) return;
  const script = document.createElement("script");
  script.id = "heka-outbox-js";
  script.src = "{OUTBOX_SCRIPT}";
  document.head.appendChild(script);
}}, []);"""


class _OutboxLoader(rx.Fragment):
    """Renders nothing; its hook loads the outbox script."""

    def add_imports(self) -> dict:
        """React's useEffect."""
        return {"react": [rx.ImportVar(tag="useEffect")]}

    def add_hooks(self) -> list:
        """The loader, run once when the form page mounts."""
        return [rx.Var(_LOAD)]


def _message(state: str, color: str) -> rx.Component:
    return rx.el.div(
        callout(rx.el.span(custom_attrs={"data-outbox-text": ""}), icon="info", color_scheme=color),
        custom_attrs={"data-when": state},
    )


def fault_outbox() -> rx.Component:
    """The outbox status line and loader (nothing in kiosk mode)."""
    if get_settings().kiosk_mode:
        return rx.fragment()
    return rx.el.div(
        *(_message(state, color) for state, color in OUTBOX_COLORS.items()),
        _OutboxLoader.create(),
        id=OUTBOX_ID,
        class_name="heka-outbox heka-full-width heka-max-40",
        role="status",
        custom_attrs={"data-owner": SessionState.device_owner},
    )
