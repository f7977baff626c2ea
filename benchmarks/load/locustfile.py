"""Locust users for the portal: tenants over Reflex's websocket protocol, plus the floors.

    locust -f benchmarks/load/locustfile.py --host http://127.0.0.1:3000 \
        --headless -u 1000 -r 50 -t 10m      # LOAD_PLAN=plan.json (benchmarks/load/prepare)

Distributed (past one load machine): ``--master`` here, ``--worker --master-host=...`` on
each load machine with the same plan file. Every event is reported to Locust as request
type ``WS`` named after the page or action, so Locust's CSV/HTML show p50/p95/p99 per
event; each process also appends every sample to ``LOAD_SAMPLES`` (CSV: time, name, ms,
ok) for the windows of benchmarks/load/report.py (before/during a login burst).

Environment: ``LOAD_PLAN`` (required), ``LOAD_THINK`` ("4,6" seconds), ``LOAD_ECHO_URL``
(the bare websocket echo of the physical floor, e.g. ``ws://127.0.0.1:3159/``),
``LOAD_LOGIN_BURST`` (logins) at ``LOAD_LOGIN_BURST_AT`` (seconds after start).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time
import uuid
from pathlib import Path

import locust
import requests
import websocket
from locust import User, between, constant, events, task

from benchmarks.load import login_burst, names
from benchmarks.load.reflex_client import ProtocolError, ReflexTab
from benchmarks.load.samples import SampleLog

PHOTO = (Path(__file__).parent / "photo.jpg").read_bytes()
_PLAN: dict = {}
_NEXT_TAB = itertools.count()
_SAMPLES = SampleLog(os.environ.get("LOAD_SAMPLES", ""))
RECONNECT_GIVE_UP = 120.0  # seconds a tab keeps trying (then one "reconnect" error)


def plan() -> dict:
    """The prepared sessions (read once per process)."""
    if not _PLAN:
        _PLAN.update(json.loads(Path(os.environ["LOAD_PLAN"]).read_text()))
    return _PLAN


def _think() -> tuple[float, float]:
    low, _, high = os.environ.get("LOAD_THINK", "4,6").partition(",")
    return float(low), float(high or low)


def report(name: str, seconds: float, size: int = 0, error: Exception | None = None) -> None:
    """One sample to Locust and to the samples file."""
    events.request.fire(
        request_type="WS",
        name=name,
        response_time=seconds * 1000,
        response_length=size,
        exception=error,
        context={},
    )
    _SAMPLES.add(name, seconds, error is None)


class TenantUser(User):
    """A signed-in tenant's tab: opens pages, reports a fault now and then, reads a thread."""

    weight = 100
    wait_time = between(*_think())

    def on_start(self) -> None:
        tabs, index = plan()["tabs"], next(_NEXT_TAB)
        self.home = tabs[index % len(tabs)]
        # Several workers (LOAD_HOSTS): each tab stays on one, as behind a sticky proxy.
        hosts = [h for h in os.environ.get("LOAD_HOSTS", "").split(",") if h] or [self.host]
        self.base = hosts[index % len(hosts)]
        self.tab = ReflexTab(self.base, cookie=self.home["cookie"])
        self._open()

    def on_stop(self) -> None:
        self.tab.close()

    def _open(self) -> None:
        """Connect + hydrate, then the session check every page load starts with."""
        started = time.perf_counter()
        try:
            self.tab.connect()
            report("connect", time.perf_counter() - started)
            self._call("hydrate", names.HYDRATE, path="/home")
            self._call("session.refresh", names.REFRESH, path="/home")
        except ProtocolError as exc:
            report("connect", time.perf_counter() - started, error=exc)
            raise locust.exception.RescheduleTask() from exc

    def _call(self, label: str, handler: str, payload=None, *, path: str, query=None):
        try:
            seconds, reply = self.tab.call(handler, payload, path=path, query=query)
        except (ProtocolError, OSError, websocket.WebSocketException) as exc:
            report(label, 0.0, error=exc)
            self.tab.close()
            self._reconnect(path)
            return None
        report(label, seconds, reply.received_bytes)
        return reply

    def _reconnect(self, path: str) -> None:
        """Back on the server as a browser comes back (the reconnect storm's numbers)."""
        try:
            report("reconnect", self.tab.reconnect(path, give_up=RECONNECT_GIVE_UP))
        except ProtocolError as exc:
            report("reconnect", RECONNECT_GIVE_UP, error=exc)

    def _page(self, label: str, handler: str, path: str, query=None):
        """A page load: the session refresh, then the page's own loader."""
        self._call("session.refresh", names.REFRESH, path=path, query=query)
        return self._call(label, handler, path=path, query=query)

    @task(6)
    def front_page(self) -> None:
        self._page("home.load", names.HOME, "/home")

    @task(4)
    def fault_list(self) -> None:
        self._page("faults.list", names.FAULT_LIST, "/faults")

    @task(3)
    def fault_detail(self) -> None:
        fault = str(self.home["fault"])
        self._page("faults.detail", names.FAULT_DETAIL, f"/faults/{fault}", {"report": fault})

    @task(3)
    def rent(self) -> None:
        self._page("rent.load", names.RENT, "/rent")

    @task(4)
    def news(self) -> None:
        self._page("news.load", names.NEWS, "/news")

    @task(2)
    def read_thread(self) -> None:
        thread = str(self.home["thread"])
        self._page("messages.thread", names.THREAD, f"/messages/{thread}", {"thread": thread})

    @task(1)
    def report_fault(self) -> None:
        """Open the form, upload a small photo over HTTP, submit."""
        if self._page("faults.form", names.FAULT_FORM, "/faults/new") is None:
            return
        started = time.perf_counter()
        try:
            response = requests.post(
                f"{self.base.rstrip('/')}/_upload",
                headers={
                    "Reflex-Client-Token": self.tab.token,
                    "Reflex-Event-Handler": names.FAULT_UPLOAD,
                    "Cookie": self.home["cookie"],
                    "Origin": self.base,
                },
                files={"files": ("photo.jpg", PHOTO, "image/jpeg")},
                timeout=60,
            )
            response.raise_for_status()
            report("faults.upload_photo", time.perf_counter() - started, len(response.content))
        except requests.RequestException as exc:
            report("faults.upload_photo", time.perf_counter() - started, error=exc)
            return
        form = {
            "submission_id": uuid.uuid4().hex,
            "category": "plumbing",
            "location": "room:kitchen",
            "description": "Keittiön hana tippuu jatkuvasti (kuormitustesti).",
            "enter": "yes",
            "contact_phone": "040 123 4567",
        }
        reply = self._call(
            "faults.submit", names.FAULT_SUBMIT, {"form_data": form}, path="/faults/new"
        )
        number = reply.var(names.FAULT_FORM.rsplit(".", 1)[0], "number") if reply else None
        if reply is not None and not number:
            report("faults.submit.accepted", 0.0, error=ProtocolError("no report number"))


class FloorUser(User):
    """The floors, under the same load: a trivial handler of the app (framework floor)
    and a bare websocket echo server (physical floor), every second."""

    fixed_count = int(os.environ.get("LOAD_FLOOR_USERS", "10"))
    wait_time = constant(1.0)

    def on_start(self) -> None:
        self.tab = ReflexTab(self.host)
        self.tab.connect()
        echo_url = os.environ.get("LOAD_ECHO_URL", "")
        self.echo = websocket.create_connection(echo_url, timeout=30) if echo_url else None

    def on_stop(self) -> None:
        self.tab.close()
        if self.echo is not None:
            self.echo.close()

    @task
    def floors(self) -> None:
        try:
            report("floor.framework", self.tab.echo())
        except ProtocolError as exc:
            report("floor.framework", 0.0, error=exc)
            self.tab.close()
            self.tab.connect()
        if self.echo is not None:
            payload = "x" * 64
            started = time.perf_counter()
            self.echo.send(payload)
            ok = self.echo.recv() == payload
            error = None if ok else ProtocolError("echo answered something else")
            report("floor.physical", time.perf_counter() - started, 64, error)


login_burst.schedule(plan=plan, report=report, samples=_SAMPLES)


@events.quitting.add_listener
def _flush(**_kwargs) -> None:
    _SAMPLES.close()


random.seed(os.environ.get("LOAD_SEED", "15"))
