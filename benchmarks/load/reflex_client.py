"""One browser tab speaking Reflex's event protocol (socket.io v5 over one websocket).

Blocking calls on ``websocket-client``; under Locust, gevent's monkey patching makes them
cooperative, so thousands of tabs share one load process.

Reflex 0.10 sends a reply only when a handler changed something, and never says "done".
So every measured event is followed on the same tab by ``LoadProbeState.echo(seq)``: a
tab's events run one after the other (the state lock), so the echo's answer arrives
once the measured event has finished. A measured time therefore includes one trivial
handler (the framework floor, measured on its own in the same run).
"""

from __future__ import annotations

import json
import os
import random
import time
import uuid
from dataclasses import dataclass, field

import websocket

from benchmarks.load import names

PREFIX = "42/_event,"
TIMEOUT_SECONDS = 30.0


class ProtocolError(Exception):
    """The server closed, refused or answered something unexpected."""


@dataclass
class Reply:
    """What one event brought back: merged deltas, chained events, bytes received."""

    delta: dict = field(default_factory=dict)
    events: list = field(default_factory=list)
    received_bytes: int = 0

    def var(self, state: str, name: str, default=None):
        """A var of ``state`` in the delta (``name`` without Reflex's suffix)."""
        return self.delta.get(state, {}).get(f"{name}_rx_state_", default)


class ReflexTab:
    """A tab: a token, an optional session cookie and one websocket to ``base``."""

    def __init__(self, base: str, *, cookie: str = "", token: str | None = None):
        self.base = base.rstrip("/")
        self.cookie = cookie
        self.token = token or str(uuid.uuid4())
        self.ws: websocket.WebSocket | None = None
        self._seq = 0

    @property
    def ws_url(self) -> str:
        scheme = "wss" if self.base.startswith("https") else "ws"
        host = self.base.split("://", 1)[1]
        return f"{scheme}://{host}/_event/?EIO=4&transport=websocket&token={self.token}"

    def connect(self) -> None:
        """Open the websocket and join Reflex's namespace (what a page load does)."""
        # (Origin as its own argument: in the header list websocket-client adds a second.)
        headers = [f"Cookie: {self.cookie}"] if self.cookie else []
        # A TLS front with a private CA (Caddy's `tls internal`): LOAD_CA_FILE names its root.
        ca = os.environ.get("LOAD_CA_FILE", "")
        self.ws = websocket.create_connection(
            self.ws_url,
            header=headers,
            origin=self.base,
            timeout=TIMEOUT_SECONDS,
            enable_multithread=False,
            sslopt={"ca_certs": ca} if ca else None,
        )
        self.ws.send("40/_event,")
        while not (message := self._receive()).startswith("40/_event,"):
            if not message.startswith("0{"):
                raise ProtocolError(f"unexpected handshake message {message[:80]!r}")

    def reconnect(self, path: str, *, give_up: float) -> float:
        """Reconnect as the browser's socket.io client does (after 1 s, doubling up to
        5 s, ±50 % jitter), with the same token, until hydrated again: the seconds from
        the call to the answered hydrate. ProtocolError after ``give_up`` seconds."""
        started, delay = time.perf_counter(), 1.0
        while True:
            self.close()
            try:
                self.connect()
                self.call(names.HYDRATE, path=path)
                return time.perf_counter() - started
            except (ProtocolError, OSError, websocket.WebSocketException) as exc:
                if time.perf_counter() - started > give_up:
                    raise ProtocolError(f"no reconnect in {give_up:.0f} s: {exc}") from exc
            time.sleep(delay * random.uniform(0.5, 1.5))  # gevent's sleep under Locust
            delay = min(delay * 2, 5.0)

    def close(self) -> None:
        """Close the websocket (a closed tab)."""
        if self.ws is not None:
            try:
                self.ws.close()
            finally:
                self.ws = None

    def _receive(self) -> str:
        assert self.ws is not None
        while True:
            try:
                message = self.ws.recv()
            except websocket.WebSocketException as exc:
                raise ProtocolError(f"websocket: {exc}") from exc
            if not isinstance(message, str) or message == "":
                raise ProtocolError("the server closed the websocket")
            if message == "2":  # engine.io ping: answer, or the server drops the tab
                self.ws.send("3")
                continue
            if message.startswith("44/_event"):
                raise ProtocolError(f"namespace refused: {message[:120]}")
            return message

    def send(self, name: str, payload: dict | None = None, *, path: str = "/", query=None):
        """Send one event without waiting."""
        assert self.ws is not None
        event = {
            "name": name,
            "payload": payload or {},
            "router_data": {"pathname": path, "asPath": path, "query": query or {}},
        }
        self.ws.send(PREFIX + json.dumps(["event", event]))

    def call(self, name: str, payload: dict | None = None, *, path: str = "/", query=None):
        """Send ``name`` and wait until it has finished: (seconds, :class:`Reply`)."""
        started = time.perf_counter()
        self.send(name, payload, path=path, query=query)
        reply = self._until_echo(path)
        return time.perf_counter() - started, reply

    def echo(self, path: str = "/") -> float:
        """The framework floor: one trivial handler's round trip, in seconds."""
        started = time.perf_counter()
        self._until_echo(path)
        return time.perf_counter() - started

    def _until_echo(self, path: str) -> Reply:
        self._seq += 1
        seq = self._seq
        self.send(names.ECHO, {"seq": seq}, path=path)
        reply = Reply()
        marker = str(seq)
        while True:
            message = self._receive()
            reply.received_bytes += len(message)
            if not message.startswith(PREFIX):
                continue
            kind, update = json.loads(message[len(PREFIX) :])
            if kind != "event":
                continue
            done = False
            for state, values in (update.get("delta") or {}).items():
                if state == names.PROBE and marker and values.get("seq_rx_state_") == seq:
                    done = True
                    continue
                reply.delta.setdefault(state, {}).update(values)
            reply.events.extend(update.get("events") or [])
            if done:
                return reply
