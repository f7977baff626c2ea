"""Start and stop what a load run measures: backend workers, the echo floor, and a sampler
of the workers' CPU time and memory (psutil, once a second, to a CSV)."""

from __future__ import annotations

import contextlib
import csv
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_SECONDS = 240.0  # a cold app import on a busy shared machine


@dataclass
class Process:
    """A started process, its log, and its ``/ping`` address (None: no health check)."""

    name: str
    popen: subprocess.Popen
    log: Path
    ping: str | None = None


def _pinned(command: list[str], core: int | None) -> list[str]:
    if core is None or shutil.which("taskset") is None:
        return command
    return ["taskset", "-c", str(core), *command]


def port_free(port: int) -> bool:
    """Whether nothing listens on 127.0.0.1:``port`` (a leftover server would answer the
    health check in the new one's place and be measured instead)."""
    import socket

    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def start(
    name: str, command: list[str], out: Path, env: dict, ping: str | None, core: int | None
) -> Process:
    """Start ``command`` in its own process group, output to ``out/<name>.log``."""
    log = out / f"{name}.log"
    with log.open("wb") as sink:
        popen = subprocess.Popen(
            _pinned(command, core),
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return Process(name, popen, log, ping)


def wait_ready(processes: list[Process]) -> None:
    """Until every process with a ping address answers 200, or raise with its log."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    for process in processes:
        while process.ping:
            if process.popen.poll() is not None:
                raise RuntimeError(f"{process.name} exited:\n{process.log.read_text()[-3000:]}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(process.ping, timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"{process.name} did not start:\n{process.log.read_text()}")
            time.sleep(0.25)


def stop(process: Process, sig: int = signal.SIGTERM) -> None:
    """Signal the process group, then kill what is left after 10 s."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.popen.pid, sig)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.popen.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.popen.pid, signal.SIGKILL)
    process.popen.wait()


@contextlib.contextmanager
def running(processes: list[Process]) -> Iterator[list[Process]]:
    """Yield once all answer; stop them all afterwards, whatever happened."""
    try:
        wait_ready(processes)
        yield processes
    finally:
        for process in processes:
            stop(process)


def backend_command(port: int) -> list[str]:
    """One backend worker on ``port`` (benchmarks/load/serve.py)."""
    return [sys.executable, "-m", "benchmarks.load.serve", "--port", str(port)]


def echo_command(port: int) -> list[str]:
    """The physical floor's bare websocket echo."""
    return [sys.executable, "-m", "benchmarks.load.echo_server", "--port", str(port)]


@dataclass
class Sampler:
    """Samples CPU seconds and RSS of ``pids`` (and their children) every second."""

    pids: dict[str, int]
    path: Path
    interval: float = 1.0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def _tree(self, pid: int) -> list[psutil.Process]:
        try:
            top = psutil.Process(pid)
            return [top, *top.children(recursive=True)]
        except psutil.Error:
            return []

    def _loop(self) -> None:
        with self.path.open("w", newline="") as sink:
            writer = csv.writer(sink)
            writer.writerow(["time", "worker", "cpu_seconds", "rss_mb", "load1"])
            while not self._stop.is_set():
                load1 = os.getloadavg()[0]
                for name, pid in self.pids.items():
                    cpu = rss = 0.0
                    for proc in self._tree(pid):
                        with contextlib.suppress(psutil.Error):
                            times = proc.cpu_times()
                            cpu += times.user + times.system
                            rss += proc.memory_info().rss / 2**20
                    writer.writerow(
                        [f"{time.time():.2f}", name, f"{cpu:.3f}", f"{rss:.1f}", f"{load1:.2f}"]
                    )
                sink.flush()
                self._stop.wait(self.interval)

    def __enter__(self) -> Sampler:
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
