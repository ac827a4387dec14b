"""Records, locations and amounts that read a row's plain cells only when asked for.

A Pendanaan row's satker amounts stay in the grid's column arrays (workbook/plain.py). Its record,
its locations and its amounts are mappings as dicts would be, but a plain cell becomes a Quantity
or a Location only when looked up, and nothing keeps it: a national budget's plan costs its rows,
not its two million cells. Rules that read every amount ask `figures` or `plain_values` instead,
which make no Quantity at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from renjacheck.model.values import Invalid, Location, Quantity
from renjacheck.workbook.plain import PlainCells
from renjacheck.workbook.tables import RawRow


class _Lazy(Mapping):
    """A row's values by column name: those read (`base`), then its plain cells."""

    __slots__ = ("base", "plain", "row", "store")

    def __init__(self, base: dict, plain: dict[str, int], row: int, store: PlainCells) -> None:
        self.base, self.plain, self.row, self.store = base, plain, row, store

    def _make(self, col: int):
        raise NotImplementedError

    def __getitem__(self, name: str):
        value = self.base.get(name, _NONE)
        if value is not _NONE:
            return value
        return self._make(self.plain[name])

    def __contains__(self, name: object) -> bool:
        return name in self.base or name in self.plain

    def __iter__(self) -> Iterator[str]:
        base, plain = self.base, self.plain
        yield from (name for name in self.store.order if name in base or name in plain)
        yield from (name for name in base if name not in self.store.order)

    def __len__(self) -> int:
        return len(self.base) + sum(name not in self.base for name in self.plain)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self)!r})"


class Record(_Lazy):
    """A record of a Frame: typed values by column name."""

    __slots__ = ()

    def _make(self, col: int) -> Quantity:
        number, decimals, text, percent = self.store.shown(self.row, col)
        return Quantity(value=number, decimals=decimals, text=text, percent=percent,
                        loc=self.store.location(self.row, col))


class Locs(_Lazy):
    """Where each column of a record is written."""

    __slots__ = ()

    def _make(self, col: int) -> Location:
        return self.store.location(self.row, col)


class Amounts(Mapping):
    """A Pendanaan row's amount per satker name, read from its record (None when unreadable)."""

    __slots__ = ("record", "names")

    def __init__(self, record: Mapping, names: dict[str, str]) -> None:
        self.record = record
        self.names = names  # satker name -> record column (`satker:3`), shared by the rows

    def __getitem__(self, satker: str) -> Quantity | None:
        value = self.record.get(self.names[satker])
        return None if isinstance(value, Invalid) else value

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def __repr__(self) -> str:
        return f"Amounts({dict(self)!r})"


_NONE = object()


def views(values: dict, raw: RawRow, store: PlainCells | None) -> tuple[Mapping, Mapping]:
    """(record, locations) of a table row: plain dicts, unless the row has plain cells."""
    cells = {name: cell.loc for name, cell in raw.cells.items()}
    if not raw.plain or store is None:
        return values, cells
    return Record(values, raw.plain, raw.row, store), Locs(cells, raw.plain, raw.row, store)


def figures(amounts: Mapping) -> dict[str, int | None]:
    """The satker amounts of a row that are plain cells, as figures: each the whole number its
    format shows when it shows no decimals (most amounts), else None. Others are left out."""
    record = getattr(amounts, "record", None)
    if type(record) is not Record:
        return {}
    store, row, plain = record.store, record.row, record.plain
    return {satker: store.whole(row, plain[name]) for satker, name in amounts.names.items()
            if name in plain}


def plain_values(records: list[Mapping], name: str) -> list[int | None]:
    """Per record, the whole number its plain cell `name` holds; None where it is not plain."""
    values: list[int | None] = []
    for record in records:
        if type(record) is Record and name in record.plain:
            values.append(record.store.value(record.row, record.plain[name]))
        else:
            values.append(None)
    return values


def maybe_empty(amounts: Mapping) -> Iterator[tuple[str, Quantity | None]]:
    """The (satker, amount) items of a row that may be empty: a plain cell never is."""
    record = getattr(amounts, "record", None)
    if type(record) is not Record:
        yield from amounts.items()
        return
    plain = record.plain
    for satker, name in amounts.names.items():
        if name not in plain:
            yield satker, amounts[satker]
