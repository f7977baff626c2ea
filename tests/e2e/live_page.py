"""The tenant's open fault report page, driven over the raw websocket: the page's timer
(a ``FaultDetailState.tick`` every second) and one event awaited until its reply says so.
"""

from __future__ import annotations

import json
import threading
import time

from heka_app.state.fault_report import FaultDetailState
from tests.e2e.reflex_ws import ReflexSocket
from tests.e2e.ws_fixtures import handler_name

TICK_SECONDS = 1.0  # the page's rx.moment(interval=1000) (pages/fault_report.py)
WAIT_SECONDS = 15.0  # how long to keep looking (to measure a miss, not to pass it)
DETAIL = FaultDetailState.get_full_name()


class PageTimer(threading.Thread):
    """The tenant's open page: a tick every second; every message kept with its time."""

    def __init__(self, sock: ReflexSocket, report_id: int):
        super().__init__(daemon=True)
        self.sock, self.report_id = sock, report_id
        self.messages: list[tuple[float, str, dict]] = []
        self.error: BaseException | None = None
        self.stopping = threading.Event()

    def run(self) -> None:
        path, query = f"/faults/{self.report_id}", {"report": str(self.report_id)}
        next_tick = time.monotonic()
        try:
            while not self.stopping.is_set():
                if time.monotonic() >= next_tick:
                    self.sock.send(handler_name(FaultDetailState, "tick"), path=path, query=query)
                    next_tick += TICK_SECONDS
                got = self.sock.update(timeout=max(0.01, next_tick - time.monotonic()))
                if got is not None:
                    self.messages.append((time.monotonic(), *got))
        except BaseException as exc:  # noqa: BLE001 - reported by the test thread
            self.error = exc

    def first(self, condition, since: float) -> float:
        """Seconds from ``since`` to the first delta of the page meeting ``condition``."""
        deadline = since + WAIT_SECONDS
        while time.monotonic() < deadline:
            if self.error is not None:
                raise AssertionError(f"the tenant's page failed: {self.error!r}")
            for at, _, delta in list(self.messages):
                if at >= since and condition(delta.get(DETAIL, {})):
                    return at - since
            time.sleep(0.01)
        raise AssertionError(f"the tenant's page did not change within {WAIT_SECONDS} s")

    def text(self) -> str:
        return "\n".join(raw for _, raw, _ in self.messages)

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=5)


def call(sock: ReflexSocket, handler: str, payload=None, path="/", *, done) -> dict:
    """Send one event and read the replies until ``done(delta, events)`` (a positive
    signal, not a quiet second: argon2 on a busy machine may take longer)."""
    report = path.rsplit("/", 1)[-1]
    query = {"report": report} if report.isdigit() else {}
    while sock.update(timeout=0.05) is not None:
        pass  # what is left of the previous event's replies
    sock.send(handler, payload, path=path, query=query)
    delta: dict = {}
    events: list = []
    deadline = time.monotonic() + 60
    while not done(delta, events):
        assert time.monotonic() < deadline, f"no answer to {handler}: {delta} {events}"
        message = sock.wait_for("42/_event,", timeout=60)
        kind, update = json.loads(message[len("42/_event,") :])
        if kind == "event":
            for state, values in (update.get("delta") or {}).items():
                delta.setdefault(state, {}).update(values)
            events.extend(update.get("events") or [])
    return {"delta": delta, "events": events}
