"""Equal view rows kept once per worker, not once per tab (issue 15: memory per tab).

Every open tab keeps the rows its page shows in its state, and most tabs show the same
ones: the news list of a building is the same for its tenants (its unread marks aside),
the navigation the same for everyone with the same permissions, the footer's area offices
and the landing page's public news the same for every tab. Built per event, each
tab held its own copy (the news list ~4.5 KB, the navigation ~1.8 KB per tab:
``python -m benchmarks.tab_memory --state``). ``shared`` hands out one list per distinct
content instead, from a small LRU table keyed by the (hashable, immutable) data the rows
are built from: a tab whose rows differ still gets its own.

The rows are shared, so they must never be changed in place: the states that use this
only ever assign a new list (never append to or edit the one they hold). With Redis each
tab's pickle still holds its own copy; only the worker's memory is saved.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")

# Distinct lists kept: a worker shows a few hundred distinct news pages and navigations
# at most (buildings x languages x pages); a list that drops out is rebuilt on its next use.
MAX_ENTRIES = 512

_TABLE: OrderedDict[Hashable, object] = OrderedDict()


def shared(key: Hashable, build: Callable[[], T]) -> T:
    """The rows for ``key``: the list built for an equal key before, or ``build()``.
    Only the event loop's thread calls this (state handlers), so no lock is needed."""
    try:
        rows = _TABLE[key]
    except KeyError:
        rows = _TABLE[key] = build()
        if len(_TABLE) > MAX_ENTRIES:
            _TABLE.popitem(last=False)
        return rows
    _TABLE.move_to_end(key)
    return rows  # type: ignore[return-value]


def shared_navigation(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The navigation ``rows`` (route and label each), as one list for every tab with the
    same links."""
    return shared(("nav", *((row["route"], row["label"]) for row in rows)), lambda: rows)


def shared_plain(tag: str, rows: list) -> list:
    """``rows`` (plain dicts and lists of strings, numbers and booleans), as one list for
    every tab whose rows are equal: keyed by their repr, which equal plain rows share."""
    return shared((tag, repr(rows)), lambda: rows)


def clear() -> None:
    """Forget every list (tests)."""
    _TABLE.clear()
