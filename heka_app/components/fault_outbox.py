"""The fault report's offline outbox on the report form: a status line and the loader of
``assets/heka-outbox.js`` (a static script, fetched only by this page: the IndexedDB code
adds nothing to other pages' bundles).

A report sent without a connection is kept in the browser's IndexedDB and sent when the
connection returns, through the form's own submit (so once: the server makes one report
per submission id). The line says what is happening: offline (photos need a connection),
waiting to send, sending, sent, or not sent because a field needs fixing. The script shows
one of the messages by setting ``data-state`` on the box (heka-faults.css); the messages
are translated like every other text, so a language switch changes them in place.

Kiosk mode keeps nothing on the device: no outbox there, the form works online only.
"""

from __future__ import annotations

import reflex as rx

from heka_app.i18n import LANGUAGES, N_
from heka_app.i18n.catalogs import gettext
from heka_app.i18n.ui import t
from heka_app.settings import get_settings
from heka_app.state.session import SessionState

OUTBOX_ID = "fault-outbox"
OUTBOX_SCRIPT = "/heka-outbox.js"
OFFLINE_CLOSED = "closed"
MESSAGES = {
    "offline": (
        "amber",
        N_(
            "You are offline. You can still send this fault report: it is kept on this "
            "device and sent when the connection returns. Photos need a connection: add "
            "them on the report's page later."
        ),
    ),
    # Opened without a connection: the shell is there, the form needs the server.
    OFFLINE_CLOSED: (
        "amber",
        N_(
            "You are offline. The fault report form opens when the connection returns. "
            "Urgent faults, such as a water leak: call the 24-hour emergency number on "
            "your building's notice board."
        ),
    ),
    "waiting": (
        "amber",
        N_(
            "Waiting to send: your fault report is kept on this device and will be sent "
            "when the connection returns."
        ),
    ),
    "sending": ("blue", N_("Sending your fault report…")),
    "sent": ("green", N_("Sent: the fault report that waited on this device was received.")),
    "refused": ("red", N_("Your fault report was not sent: check the fields marked below.")),
}

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


def _in_every_language(msgid: str) -> rx.Component:
    """The text in fi/sv/en at once; the script shows the ``heka_lang`` cookie's one. For
    the page opened without a connection: the language only arrives from the server."""
    return rx.fragment(
        *(
            rx.el.span(gettext(lang, msgid), lang=lang, custom_attrs={"data-lang": lang})
            for lang in LANGUAGES
        )
    )


def _message(state: str, color: str, msgid: str) -> rx.Component:
    text = _in_every_language(msgid) if state == OFFLINE_CLOSED else t(msgid)
    return rx.box(
        rx.callout(text, color_scheme=color, icon="info"),
        custom_attrs={"data-when": state},
    )


def fault_outbox() -> rx.Component:
    """The outbox status line and loader (nothing in kiosk mode)."""
    if get_settings().kiosk_mode:
        return rx.fragment()
    return rx.box(
        *(_message(state, color, msgid) for state, (color, msgid) in MESSAGES.items()),
        _OutboxLoader.create(),
        id=OUTBOX_ID,
        class_name="heka-outbox",
        role="status",
        width="100%",
        max_width="40rem",  # the form's width
        custom_attrs={"data-owner": SessionState.device_owner},
    )
