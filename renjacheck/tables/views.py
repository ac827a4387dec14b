"""Row views: a record of a table as its kind's rules read it, its values read from the table
when asked for. A kind's row class names its columns (`value_of`) and adds what it derives."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from renjacheck.values import Location, Quantity, Text, Value


class Table(Protocol):
    """What a row view reads from: its table (tables/table.py, which makes the views)."""

    Row: type
    kind: Any

    def value(self, index: int, name: str) -> Value:
        """The typed value of a record's column."""

    def known(self, index: int, name: str) -> Text | Quantity | None:
        """The value of a record's column, if read."""

    def loc(self, index: int, name: str) -> Location | None:
        """Where a record's column is written."""

    def __len__(self) -> int:
        """How many records."""


class Row:
    """One record of a table, as a view: its values are read from the table when asked for.
    Two views of the same record are equal."""

    __slots__ = ("table", "index")

    def __init__(self, table: Table, index: int) -> None:
        self.table, self.index = table, index

    def get(self, name: str) -> Value:
        """The value of column `name`, unreadable ones (Invalid) included."""
        return self.table.value(self.index, name)

    def known(self, name: str) -> Text | Quantity | None:
        """The value of column `name` if it was read, None if empty or unreadable."""
        return self.table.known(self.index, name)

    def loc(self, name: str) -> Location | None:
        """Where column `name` of this record is written."""
        return self.table.loc(self.index, name)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.table is self.table \
            and other.index == self.index  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((id(self.table), self.index))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.table.kind.name}#{self.index})"


def value_of(name: str) -> property:
    """A row view's property: the value of column `name`, if read (see `Row.known`)."""
    return property(lambda row: row.table.known(row.index, name), doc=f"The {name}, if read.")


class Rows(Sequence):
    """The records of a table as row views of its kind, made when asked for."""

    __slots__ = ("table", "indices")

    def __init__(self, table: Table, indices: Sequence[int] | None = None) -> None:
        self.table = table
        self.indices = indices

    def __len__(self) -> int:
        return len(self.table) if self.indices is None else len(self.indices)

    def __getitem__(self, at):
        if isinstance(at, slice):
            return [self[i] for i in range(*at.indices(len(self)))]
        index = at if self.indices is None else self.indices[at]
        if index < 0:
            index += len(self.table)
        return self.table.Row(self.table, index)

    def __iter__(self) -> Iterator[Row]:
        make, table = self.table.Row, self.table
        for index in (range(len(table)) if self.indices is None else self.indices):
            yield make(table, index)
