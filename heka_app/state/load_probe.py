"""The framework floor of the load test (benchmarks/load): one trivial handler.

``echo`` does the least work an event can do in this app (the session-check middleware,
the state lock, one changed var in the delta), so its latency under load is what Reflex
itself costs; the load test reports every page's latency against it, and uses its
answer to know when the event sent before it on the same tab has finished.
"""

from __future__ import annotations

import reflex as rx

from heka_app.state.matrix_payload import matrix_payload


class LoadProbeState(rx.State):
    """One number per tab; no tenant data, no database."""

    seq: int = 0

    @rx.event
    @matrix_payload(seq=1)
    def echo(self, seq: int):
        """Store the caller's sequence number. Public: sets one int on the caller's tab."""
        if isinstance(seq, int) and not isinstance(seq, bool) and 0 <= seq < 2**53:
            self.seq = seq
