"""Signed-in tabs that open the load test's pages, for benchmarks/tab_memory.py."""

from __future__ import annotations

import threading


def pages_of(home: dict) -> list[tuple[str, str, dict | None]]:
    """Every page a load-test tenant visits: (loader, path, query)."""
    from benchmarks.load import names

    fault, thread = str(home["fault"]), str(home["thread"])
    return [
        (names.HOME, "/home", None),
        (names.FAULT_LIST, "/faults", None),
        (names.FAULT_DETAIL, f"/faults/{fault}", {"report": fault}),
        (names.RENT, "/rent", None),
        (names.NEWS, "/news", None),
        (names.THREAD, f"/messages/{thread}", {"thread": thread}),
    ]


def open_tabs(base: str, homes: list[dict], keep: list, pages: int) -> int:
    """Open one tab per prepared session in parallel threads: connect, hydrate, then the
    first ``pages`` pages (session check + loader each); ``(tab, home)`` of the open tabs go
    into ``keep``."""
    from benchmarks.load import names
    from benchmarks.load.reflex_client import ReflexTab

    failures: list[str] = []

    def one(home: dict) -> None:
        tab = ReflexTab(base, cookie=home["cookie"])
        try:
            tab.connect()
            tab.call(names.HYDRATE, path="/home")
            for loader, path, query in pages_of(home)[:pages]:
                tab.call(names.REFRESH, path=path, query=query)
                tab.call(loader, path=path, query=query)
            keep.append((tab, home))
        except Exception as exc:  # counted and reported; the measurement goes on
            failures.append(repr(exc))
            tab.close()

    for start in range(0, len(homes), 50):  # 50 at a time: a shared 2-core machine
        threads = [threading.Thread(target=one, args=(h,)) for h in homes[start : start + 50]]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
    if failures:
        print(f"  {len(failures)} tabs failed, e.g. {failures[0]}", flush=True)
    return len(homes) - len(failures)


def revisit(tabs: list, rounds: int) -> int:
    """Each open ``(tab, home)`` opens its six pages again ``rounds`` times (in parallel
    threads, 50 tabs at a time); returns the events sent (session check + loader each)."""
    from benchmarks.load import names

    def one(tab, home: dict) -> None:
        for _ in range(rounds):
            for loader, path, query in pages_of(home):
                tab.call(names.REFRESH, path=path, query=query)
                tab.call(loader, path=path, query=query)

    for start in range(0, len(tabs), 50):
        threads = [threading.Thread(target=one, args=pair) for pair in tabs[start : start + 50]]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=600)
    return len(tabs) * rounds * 12
