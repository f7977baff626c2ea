"""One line of the front page's "what needs attention" (shared by every provider)."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class AttentionItem:
    """Already in the reader's language; ``href`` "" when there is nothing to open.

    ``tone``: "danger" (act now: debt overdue), "warning" (due soon, waiting for you),
    "info" (new), "success" (all fine: paid up).
    """

    kind: str
    tone: str
    title: str
    detail: str
    href: str
