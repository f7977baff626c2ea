"""The reconnect storm: every worker of the phase is killed while all tabs are connected,
then started again on the same port; every tab reconnects at once (benchmarks/load/run.py,
phase ``storm``; its numbers in benchmarks/load/phase_extras.py).

SIGKILL by default: no shutdown, the sockets just die, as in a crash or an OOM kill.
``--storm-signal TERM`` is a deploy's restart instead (Reflex disconnects its tabs).
"""

from __future__ import annotations

import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.load import stack


@dataclass
class Storm:
    """Kills and restarts ``workers`` (the list is updated in place, so whoever stops
    the phase's processes stops the new ones) ``at`` seconds after :meth:`start`."""

    workers: list[stack.Process]
    pids: dict[str, int]  # the sampler's, updated in place
    commands: list[list[str]]
    env: dict
    out_dir: Path
    at: float
    sig: str = "KILL"
    record: dict = field(default_factory=dict)
    _thread: threading.Thread | None = None
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        """Begin the countdown in a thread of its own."""
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        if self._stop.wait(self.at):
            return
        number = getattr(signal, f"SIG{self.sig}")
        self.record.update(signal=self.sig, kill_at=time.time())
        for process in self.workers:
            stack.stop(process, number)
        self.record["dead_at"] = time.time()
        for index, process in enumerate(list(self.workers)):
            # Its own log (the killed worker's stays readable), the sampler's name.
            fresh = stack.start(f"{process.name}-restarted", self.commands[index],
                                self.out_dir, self.env, process.ping, None)  # fmt: skip
            fresh.name = process.name
            self.workers[index] = fresh
            self.pids[process.name] = fresh.popen.pid
        stack.wait_ready(self.workers)
        self.record["back_at"] = time.time()
        print(f"   storm: workers killed (SIG{self.sig}) and back in "
              f"{self.record['back_at'] - self.record['kill_at']:.1f} s", flush=True)  # fmt: skip

    def stop(self) -> dict:
        """Called when the phase ends: what happened, for info.json."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=300)
        return self.record
