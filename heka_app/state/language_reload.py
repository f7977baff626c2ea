"""Which page loaders run again when the language changes.

Lists formatted in the session's language (ledgers, threads, queues) must be reloaded on
a switch; small cards carry all three languages and need not. The page table
(pages/registry.py) fills this from ``PageSpec.reload_on_language``; ``SessionState``
reads it, so the session state does not import the pages.
"""

from __future__ import annotations

RELOAD_ON_LANGUAGE: dict[str, tuple] = {}


def register(route: str, loaders: tuple) -> None:
    """Rerun ``loaders`` (event handlers) on ``route`` after a language switch."""
    RELOAD_ON_LANGUAGE[route] = loaders


def loaders_for(path: str) -> list:
    """The loaders of the page at ``path`` (none for pages that need no reload); a
    dynamic route's pattern (``/faults/[report]``) matches ``/faults/12``."""
    path = path.rstrip("/") or "/"
    if path in RELOAD_ON_LANGUAGE:
        return list(RELOAD_ON_LANGUAGE[path])
    parts = path.split("/")
    for route, loaders in RELOAD_ON_LANGUAGE.items():
        pattern = route.split("/")
        same_shape = "[" in route and len(pattern) == len(parts)
        if same_shape and all(
            p == q or (p.startswith("[") and q) for p, q in zip(pattern, parts, strict=True)
        ):
            return list(loaders)
    return []
