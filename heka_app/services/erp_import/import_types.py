"""Shared types of the resident register import: records, locations and errors.

Owns ``RowError`` (what every import step reports), ``SourceRecord`` (a read record
that remembers its line), ``Where`` and ``ErrorSink`` (how errors are located and
collected) and ``Parsed`` (a record after field parsing).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from typing import Any


@dataclasses.dataclass(frozen=True)
class RowError:
    """One problem in the input.

    Attributes:
        line: Line of the file where the record starts; None for in-memory data.
        field: The field (JSON key or CSV column) at fault.
        reason: What is wrong, in English. Never contains an identity code.
        record: Where the record sits in the JSON shape, e.g. ``leases[3].residents[0]``.
    """

    line: int | None
    field: str
    reason: str
    record: str = ""

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else self.record
        return f"{where}: {self.field}: {self.reason}" if where else f"{self.field}: {self.reason}"


class SourceRecord(dict):
    """A record read from a file: a dict that knows its line and its CSV column names."""

    def __init__(
        self, data: Mapping[str, Any], line: int | None, columns: Mapping[str, str] | None = None
    ):
        super().__init__(data)
        self.line = line
        # Field name -> CSV column name, so errors name the column the user sees.
        self.columns = dict(columns or {})


@dataclasses.dataclass(frozen=True)
class Where:
    """Where a record came from, for error messages."""

    line: int | None
    path: str
    columns: Mapping[str, str] = dataclasses.field(default_factory=dict)

    @classmethod
    def of(cls, item: Any, path: str) -> Where:
        """The location of ``item`` (a SourceRecord knows its line; a plain dict not)."""
        return cls(getattr(item, "line", None), path, getattr(item, "columns", {}))

    def describe(self) -> str:
        """``line 12`` or, for in-memory data, the record path."""
        return f"line {self.line}" if self.line is not None else self.path


class ErrorSink:
    """Collects every error, so one run reports all of them."""

    def __init__(self) -> None:
        self.errors: list[RowError] = []

    def add(self, where: Where, field: str, reason: str) -> None:
        """Record that ``field`` of the record at ``where`` is wrong."""
        self.errors.append(
            RowError(where.line, where.columns.get(field, field), reason, where.path)
        )

    def add_repeats(
        self, records: Iterable[Parsed], key_of: Callable[[Parsed], Any], field: str, reason: str
    ) -> None:
        """Report each record whose key an earlier record already has.

        Args:
            records: Records in file order; one without a key (None or empty) is skipped.
            key_of: The record's key (a value or a tuple of values).
            field: The field to blame on the repeat.
            reason: Message template; ``{key}`` is the key, ``{first}`` where it first stood.
        """
        first: dict[Any, Where] = {}
        for record in records:
            key = key_of(record)
            if key is None or key == "":
                continue
            if key in first:
                self.add(record.where, field, reason.format(key=key, first=first[key].describe()))
            else:
                first[key] = record.where


@dataclasses.dataclass(frozen=True)
class Parsed:
    """One record with its successfully parsed fields; ``ok`` is False if any failed."""

    where: Where
    fields: dict[str, Any]
    ok: bool

    def get(self, name: str) -> Any:
        """A parsed field, or None if it was missing or invalid."""
        return self.fields.get(name)


@dataclasses.dataclass(frozen=True)
class EntityCounts:
    """How many records of one kind an import created, updated and left unchanged."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
