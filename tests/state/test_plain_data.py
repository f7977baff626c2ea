"""``plain_data.as_dict`` builds what ``dataclasses.asdict`` builds (the same dicts, the
same list and tuple types at every level) for the shapes the services return, without
sharing a container with the service's result."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import namedtuple

from heka_app.services.faults.views import FaultCard
from heka_app.services.rent.overview import StatementMonth, StatementRow
from heka_app.state.plain_data import as_dict

Point = namedtuple("Point", "x y")


@dataclasses.dataclass(frozen=True)
class Inner:
    name: str
    when: dt.date | None
    tags: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Outer:
    inners: tuple[Inner, ...]
    listed: list[Inner]
    table: dict[str, list[int]]
    point: Point
    month: StatementMonth
    card: FaultCard | None = None


def _types(value):
    """The container types at every level (what a state var's delta is built from)."""
    if isinstance(value, dict):
        return ("dict", {k: _types(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return (type(value).__name__, [_types(v) for v in value])
    return type(value).__name__


def test_the_same_dicts_lists_and_tuples_as_asdict():
    row = StatementRow("1.11.", "Rent", "850,00 €", "", "850,00 €")
    month = StatementMonth("2026-11", "November 2026", "Nov 26", (row, row), "850,00 €",
                           "0,00 €", "850,00 €", 850, 0)  # fmt: skip
    card = FaultCard(7, "2026-00007", "received", "Received", "Tap", "Kitchen", "1.11.2026",
                     True, False, 3)  # fmt: skip
    value = Outer(
        inners=(Inner("a", dt.date(2026, 11, 30), ("x", "y")), Inner("b", None)),
        listed=[Inner("c", None, ("z",))],
        table={"k": [1, 2], "e": []},
        point=Point(1, [2, 3]),
        month=month,
        card=card,
    )
    expected = dataclasses.asdict(value)
    assert as_dict(value) == expected
    assert _types(as_dict(value)) == _types(expected)
    assert as_dict(month)["rows"][0] == dataclasses.asdict(row)
    # Nothing mutable is shared with the service's result.
    got = as_dict(value)
    value.table["k"].append(3)
    value.listed.append(Inner("d", None))
    assert got["table"]["k"] == [1, 2] and len(got["listed"]) == 1


def test_the_front_page_and_news_rows_as_asdict_gives_them():
    """HomeState and NewsState convert these with as_dict (issue 15, round 4)."""
    from heka_app.services.content.articles import ArticleSummary
    from heka_app.services.housing.attention_item import AttentionItem
    from heka_app.services.housing.home import HomeView

    for cls in (HomeView, AttentionItem, ArticleSummary):
        fields = dataclasses.fields(cls)
        value = cls(*(f"{f.name} ä" if n % 3 else n for n, f in enumerate(fields)))
        assert as_dict(value) == dataclasses.asdict(value), cls
        assert list(as_dict(value)) == [f.name for f in fields], cls
