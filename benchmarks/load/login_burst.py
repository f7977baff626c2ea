"""The login storm of the ``burst`` phases: ``LOAD_LOGIN_BURST`` real logins (argon2) at
once, ``LOAD_LOGIN_BURST_AT`` seconds after the start, each on a new tab of its own; the
samples file gets ``#burst_start`` / ``#burst_end`` marks around it."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import gevent
import locust
import websocket
from locust import events

from benchmarks.load import names
from benchmarks.load.reflex_client import ProtocolError, ReflexTab
from benchmarks.load.samples import SampleLog


def _login_burst(environment, count: int, plan: Callable, report: Callable, samples) -> None:
    """``count`` real logins (argon2) at once, each on its own new tab."""
    logins = plan()["logins"]
    host = environment.host

    def one(index: int) -> None:
        tab = ReflexTab(host)
        started = time.perf_counter()
        try:
            tab.connect()
            form = {"email": logins[index % len(logins)], "password": "Kotiasukas-2026!"}
            seconds, reply = tab.call(names.LOGIN, {"form_data": form}, path="/login")
            handoff = reply.var(names.LOGIN.rsplit(".", 1)[0], "handoff_url")
            report("login.argon2", seconds, error=None if handoff else ProtocolError("refused"))
        except (ProtocolError, OSError, websocket.WebSocketException) as exc:
            report("login.argon2", time.perf_counter() - started, error=exc)
        finally:
            tab.close()

    samples.mark("burst_start")
    gevent.joinall([gevent.spawn(one, i) for i in range(count)])
    samples.mark("burst_end")


def schedule(*, plan: Callable, report: Callable, samples: SampleLog) -> None:
    """Start the burst from Locust's test start (on the master or a local runner only)."""

    @events.test_start.add_listener
    def _schedule_burst(environment, **_kwargs) -> None:
        count = int(os.environ.get("LOAD_LOGIN_BURST", "0"))
        if count <= 0 or isinstance(environment.runner, locust.runners.WorkerRunner):
            return
        delay = float(os.environ.get("LOAD_LOGIN_BURST_AT", "60"))
        gevent.spawn_later(delay, _login_burst, environment, count, plan, report, samples)
