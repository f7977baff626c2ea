"""The page's JavaScript evaluated one chunk per task (issue 9).

A page's module script imports its route modules statically, so the browser evaluates the
whole graph under them (React, React Router, the state runtime, Radix, the catalog: ~400
KB of code) in one task: on a phone under Lighthouse's 4x slowdown, a single task of
150-250 ms, all but 50 of it blocking. Evaluating a module that is already evaluated
costs nothing, so the first-paint loader (first_paint.py) first imports the page's chunks
one at a time, dependencies first, each in a task of its own, and only then runs the
module script. React DOM's chunk (``entry.client``) is left to the module script: its top
level starts hydration.

The order comes from the built chunks' own static imports (``import{…}from"./x.js"``), so
every chunk is evaluated after the chunks it imports, as the browser would.
"""

from __future__ import annotations

import re
from graphlib import TopologicalSorter
from pathlib import Path

ASSETS = "/assets/"
# A static import in Vite's minified output; a dynamic import("./x.js") has a "(".
_STATIC_IMPORT = re.compile(
    r"""\bimport\s*(?:[{*\w$][^"';()]*?from\s*)?["']\./([\w.$-]+\.js)["']"""
)
# Chunks whose evaluation must stay where React Router puts it.
NOT_WARMED = ("entry.client-", "manifest-")


def chunk_imports(assets_dir: Path) -> dict[str, list[str]]:
    """``{chunk file name: [chunk file names it imports statically]}``."""
    return {
        chunk.name: _STATIC_IMPORT.findall(chunk.read_text(encoding="utf-8"))
        for chunk in sorted(assets_dir.glob("*.js"))
    }


def warm_up_order(page_chunks: list[str], graph: dict[str, list[str]]) -> list[str]:
    """The page's chunks (``/assets/…`` URLs) in an order where each comes after the
    chunks it imports, without the ones in NOT_WARMED; ties keep the page's order."""
    names = [url.removeprefix(ASSETS) for url in page_chunks if url.startswith(ASSETS)]
    wanted = dict.fromkeys(n for n in names if n in graph and not n.startswith(NOT_WARMED))
    sorter: TopologicalSorter[str] = TopologicalSorter()
    for name in wanted:
        sorter.add(name, *(dep for dep in graph[name] if dep in wanted))
    sorter.prepare()
    order: list[str] = []
    position = {name: i for i, name in enumerate(wanted)}
    while sorter.is_active():
        ready = sorted(sorter.get_ready(), key=position.__getitem__)
        order.extend(ready)
        sorter.done(*ready)
    return [ASSETS + name for name in order]
