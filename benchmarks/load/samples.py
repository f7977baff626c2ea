"""Every sample of one load process, one CSV line each (``time,name,ms,ok``), buffered.

Locust's own CSV has percentiles over the whole run; the report needs them per window
(before, during and after a login burst) and per phase, so the raw samples are kept too.
``mark(label)`` writes a line named ``#label`` with ms 0.
"""

from __future__ import annotations

import time

FLUSH_EVERY = 2000


class SampleLog:
    """Appends to ``path``; does nothing when ``path`` is empty."""

    def __init__(self, path: str):
        self.path = path
        self.lines: list[str] = []

    def add(self, name: str, seconds: float, ok: bool) -> None:
        if not self.path:
            return
        self.lines.append(f"{time.time():.3f},{name},{seconds * 1000:.2f},{int(ok)}\n")
        if len(self.lines) >= FLUSH_EVERY:
            self.flush()

    def mark(self, label: str) -> None:
        self.add(f"#{label}", 0.0, True)
        self.flush()

    def flush(self) -> None:
        if self.path and self.lines:
            with open(self.path, "a", encoding="utf-8") as out:
                out.writelines(self.lines)
            self.lines = []

    def close(self) -> None:
        self.flush()
