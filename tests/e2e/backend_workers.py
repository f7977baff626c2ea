"""Separate backend worker processes of the app, for tests of what crosses workers.

Each worker is its own Python process serving the app's ASGI object with uvicorn, as a
production worker does (the compiled pages are not rebuilt: ``__REFLEX_SKIP_COMPILE``, the
variable ``reflex run --env prod`` sets for its backend). The test binds the listening
socket itself and hands it to the child (no window in which another program could take a
"free" port), waits for ``/ping``, and on exit stops the child's whole process group.

The child inherits the test's environment: HEKA_DATABASE_URL (the e2e database), the
pinned clock (HEKA_CLOCK_*) and, in CI's PostgreSQL pass, HEKA_REDIS_URL/REFLEX_REDIS_URL
(rxconfig then keeps every tab's state in that Redis).

Run as ``python -m tests.e2e.backend_workers <listening socket fd>``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
LOGS = ROOT / "artifacts"
START_TIMEOUT_SECONDS = 180.0  # a cold import of the app on a busy 2-core machine
STOP_TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class Worker:
    """A running backend worker: ``address`` is ``127.0.0.1:<port>``."""

    name: str
    address: str
    pid: int
    log: Path

    @property
    def url(self) -> str:
        """Its HTTP origin."""
        return f"http://{self.address}"


def _listening_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM the worker's process group, SIGKILL what is left after a grace period."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=STOP_TIMEOUT_SECONDS)
    # Anything the worker started is in its group too: leave nothing behind.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _wait_ready(process: subprocess.Popen, worker: Worker, deadline: float) -> None:
    while True:
        if process.poll() is not None:
            raise RuntimeError(
                f"backend worker {worker.name} exited with {process.returncode}:\n"
                + _tail(worker.log)
            )
        try:
            if httpx.get(f"{worker.url}/ping", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"backend worker {worker.name} did not answer /ping in time:\n" + _tail(worker.log)
            )
        time.sleep(0.1)


@contextlib.contextmanager
def backend_workers(*names: str) -> Iterator[dict[str, Worker]]:
    """Start one worker process per name (all at once), yield them once all answer /ping,
    and stop them all afterwards, whatever happened."""
    LOGS.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "__REFLEX_SKIP_COMPILE": "true", "REFLEX_ENV_MODE": "prod"}
    started: list[tuple[subprocess.Popen, Worker]] = []
    try:
        for name in names:
            sock = _listening_socket()
            log = LOGS / f"backend-worker-{name}.log"
            with sock, log.open("wb") as out:
                process = subprocess.Popen(
                    [sys.executable, "-m", "tests.e2e.backend_workers", str(sock.fileno())],
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    pass_fds=(sock.fileno(),),
                    start_new_session=True,  # its own process group: stopped as one
                )
                port = sock.getsockname()[1]
            started.append((process, Worker(name, f"127.0.0.1:{port}", process.pid, log)))
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        for process, worker in started:
            _wait_ready(process, worker, deadline)
        yield {worker.name: worker for _, worker in started}
    finally:
        for process, _ in started:
            _stop(process)


def _serve(fd: int) -> None:
    import uvicorn

    sock = socket.socket(fileno=fd)
    config = uvicorn.Config(
        "heka_app.heka_app:app", factory=True, log_level="warning", lifespan="on"
    )
    uvicorn.Server(config).run(sockets=[sock])


if __name__ == "__main__":
    _serve(int(sys.argv[1]))
