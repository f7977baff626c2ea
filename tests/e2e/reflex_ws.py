"""A raw client of Reflex's event protocol (socket.io over one websocket), as an attacker
would use it: any handler, any payload, no browser, no page guards."""

from __future__ import annotations

import json
import uuid

import simple_websocket

from heka_app.state.load_probe import LoadProbeState

QUIET_SECONDS = 1.0
PROBE_STATE = LoadProbeState.get_full_name()
PROBE_HANDLER = f"{PROBE_STATE}.echo"


class ReflexSocket:
    """One tab's connection: sends events, collects the deltas and events sent back."""

    def __init__(
        self,
        backend: str,
        *,
        origin: str | None = None,
        token: str | None = None,
        cookie: str | None = None,
    ):
        self.token = token or str(uuid.uuid4())  # someone else's token: a stolen one
        self.backend, self.origin = backend, origin
        self.seen: list[str] = []  # every message the server sent this client
        self._probes = 0  # the last probe sent behind an event (see emit)
        self._connect(cookie)

    def _connect(self, cookie: str | None) -> None:
        url = f"ws://{self.backend}/_event/?EIO=4&transport=websocket&token={self.token}"
        headers = {"Origin": self.origin} if self.origin else {}
        if cookie:
            headers["Cookie"] = cookie
        self.ws = simple_websocket.Client.connect(url, headers=headers or None)
        # Join the namespace at once: the engine.io "open" packet may sit in the client's
        # buffer behind the HTTP upgrade response until more bytes arrive.
        self.ws.send("40/_event,")
        while not (message := self._next(timeout=30)).startswith("40/_event,"):
            if message.startswith('42/_event,["new_token"'):
                # Reflex gave this tab a new token (its old one still looks connected on
                # another worker, e.g. one that was killed): the browser takes it too.
                self.token = json.loads(message[len("42/_event,") :])[1]
                continue
            assert message.startswith("0{"), message

    def _next(self, timeout: float) -> str:
        while True:
            message = self.ws.receive(timeout=timeout)
            if message is None:
                raise TimeoutError("no message from the server")
            self.seen.append(message)
            if message == "2":  # engine.io ping
                self.ws.send("3")
                continue
            return message

    def emit(
        self, name: str, payload: dict | None = None, path: str = "/", query: dict | None = None
    ) -> dict:
        """Call ``name`` (``<state full name>.<handler>``); returns merged deltas + events.

        Var names in the delta carry Reflex's ``_rx_state_`` suffix. A handler that changes
        nothing gets no answer at all (Reflex sends no empty delta, and the loaders assign
        only what changed), so ``emit`` sends the load test's probe
        (``LoadProbeState.echo``) right behind it: a tab's events run one after the other,
        so the probe's answer means the call has finished. Whatever else arrives until the
        server has then been quiet for ``QUIET_SECONDS`` counts too. ``query`` carries a
        dynamic route's arguments (``{"report": "12"}`` for ``/faults/12``), as the browser
        sends them.
        """
        self.send(name, payload, path=path, query=query)
        self._probes += 1
        probe = self._probes
        self.send(PROBE_HANDLER, {"seq": probe}, path=path, query=query)
        delta: dict = {}
        events: list = []
        answered = False
        message: str | None = self._next(timeout=60)
        while message is not None:
            if message.startswith("42/_event,"):
                kind, update = json.loads(message[len("42/_event,") :])
                if kind == "event":
                    for state, values in (update.get("delta") or {}).items():
                        if state == PROBE_STATE:
                            answered = answered or values.get("seq_rx_state_") == probe
                            continue
                        delta.setdefault(state, {}).update(values)
                    events.extend(update.get("events") or [])
            message = self._quiet_next() if answered else self._next(timeout=60)
        return {"delta": delta, "events": events}

    def send(
        self, name: str, payload: dict | None = None, path: str = "/", query: dict | None = None
    ) -> None:
        """Send an event without waiting for the reply (see :meth:`wait_for`, :meth:`update`)."""
        event = {
            "name": name,
            "payload": payload or {},
            "router_data": {"pathname": path, "asPath": path, "query": query or {}},
        }
        self.ws.send("42/_event," + json.dumps(["event", event]))

    def update(self, timeout: float) -> tuple[str, dict] | None:
        """The next server message as ``(raw text, delta)``; None when none came in time."""
        try:
            message = self._next(timeout=timeout)
        except TimeoutError:
            return None
        delta: dict = {}
        if message.startswith("42/_event,"):
            kind, update = json.loads(message[len("42/_event,") :])
            if kind == "event":
                delta = update.get("delta") or {}
        return message, delta

    def wait_for(self, text: str, timeout: float = 30) -> str:
        """The first server message containing ``text``."""
        while True:
            message = self._next(timeout=timeout)
            if text in message:
                return message

    def _quiet_next(self) -> str | None:
        try:
            return self._next(timeout=QUIET_SECONDS)
        except TimeoutError:
            return None

    def reconnect(self, cookie: str | None) -> None:
        """A new connection with the same token (what a page load does), with ``cookie``."""
        self.close()
        self._connect(cookie)

    def close(self) -> None:
        """Disconnect (once; closing again does nothing)."""
        if self.ws.connected:
            self.ws.close()
