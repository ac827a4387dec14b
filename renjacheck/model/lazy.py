"""Records, locations, amounts and rows that read a row's plain cells only when asked for.

A Pendanaan row's cells stay in the grid's column arrays and lists (workbook/plain.py). Its
record, its locations and its amounts are mappings as dicts would be, and its Kode, Uraian and
total properties of the row, but a plain cell becomes a value or a Location only when looked
up, and nothing keeps it: a national budget's plan costs its rows, not its cells. Rules that
read every amount ask `figures` or `plain_values` instead, which make no Quantity at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from renjacheck.model.frame import Value, known
from renjacheck.model.parse import parse_cell
from renjacheck.model.plan import Level, PendanaanRow
from renjacheck.model.values import Location, Quantity
from renjacheck.workbook.plain import PlainCells
from renjacheck.workbook.tables import EMPTY, RawRow


class _Lazy(Mapping):
    """A row's values by column name: those read (`base`), then its plain cells."""

    __slots__ = ("base", "plain", "row", "store")

    def __init__(self, base: Mapping, plain: dict[str, int], row: int,
                 store: PlainCells) -> None:
        self.base, self.plain, self.row, self.store = base, plain, row, store

    def _make(self, name: str, col: int):
        raise NotImplementedError

    def __getitem__(self, name: str):
        value = self.base.get(name, _NONE)
        if value is not _NONE:
            return value
        return self._make(name, self.plain[name])

    def __contains__(self, name: object) -> bool:
        return name in self.base or name in self.plain

    def __iter__(self) -> Iterator[str]:
        base, plain = self.base, self.plain
        if not plain:  # a row of values read only (`views`): as they were read
            yield from base
            return
        yield from (name for name in self.store.order if name in base or name in plain)
        yield from (name for name in base if name not in self.store.order)

    def __len__(self) -> int:
        return len(self.base) + sum(name not in self.base for name in self.plain)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self)!r})"


class Record(_Lazy):
    """A record of a Frame: typed values by column name."""

    __slots__ = ()

    def _make(self, name: str, col: int) -> Value:
        # As the reader reads any cell (model/parse.py): the same value, made now.
        return parse_cell(self.store.cell(self.row, col), self.store.types[name])

    def locations(self) -> Locs:
        """Where each column is written, for a row whose every cell is plain (`views`)."""
        return Locs(EMPTY, self.plain, self.row, self.store)


class Locs(_Lazy):
    """Where each column of a record is written."""

    __slots__ = ()

    def _make(self, name: str, col: int) -> Location:
        return self.store.location(self.row, col)


class Amounts(Mapping):
    """A Pendanaan row's amount per satker name, read from its record (None when unreadable)."""

    __slots__ = ("record", "names")

    def __init__(self, record: Mapping, names: dict[str, str]) -> None:
        self.record = record
        self.names = names  # satker name -> record column (`satker:3`), shared by the rows

    def __getitem__(self, satker: str) -> Quantity | None:
        return known(self.record.get(self.names[satker]))

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def __repr__(self) -> str:
        return f"Amounts({dict(self)!r})"


class RecordRow(Record):
    """A Pendanaan row that is its own record in the Frame: its Kode, Uraian, total and amounts
    are read from its cells when asked for, and it has every field of a PendanaanRow. One
    object a row, 104 bytes: a row and its record were two, 168 (a national budget has 50,000).
    Read-only, and equal only to itself, as a row that stands for its place in the table."""

    __slots__ = ("level", "parent", "names", "is_total", "loc")

    def __init__(self, record: Record, *, level: Level | None, parent: str | None,
                 names: dict[str, str], is_total: bool, loc: Location | None) -> None:
        for name, value in (("base", record.base), ("plain", record.plain), ("row", record.row),
                            ("store", record.store), ("level", level), ("parent", parent),
                            ("names", names), ("is_total", is_total), ("loc", loc)):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a {type(self).__name__} is read-only")

    __eq__ = object.__eq__
    __hash__ = object.__hash__

    kode = property(lambda self: known(self.get("kode")), doc="The Kode, read.")
    uraian = property(lambda self: known(self.get("uraian")), doc="The Uraian, read.")
    total = property(lambda self: known(self.get("total")), doc="The total, read.")
    amounts = property(lambda self: Amounts(self, self.names),
                       doc="The amount per satker name, read.")
    # The row with every value read, as a PendanaanRow (its fields are these properties).
    resolved = PendanaanRow.resolved


_NONE = object()
# The lazy records, compared by type: isinstance on a Mapping goes through the ABC machinery
# (430,000 calls on a 5,000-row budget, for the table schemas alone).
_RECORDS = (Record, RecordRow)


def views(values: dict, raw: RawRow, store: PlainCells | None) -> tuple[Record, Mapping | None]:
    """(record, locations) of a Pendanaan row; the locations None when every cell is plain (the
    record gives them: `Record.locations`). A row without plain cells has its values only."""
    if not raw.plain or store is None:
        return (Record(values, EMPTY, raw.row, None),
                {name: cell.loc for name, cell in raw.cells.items()})
    record = Record(values or EMPTY, raw.plain, raw.row, store)
    if not raw.cells:
        return record, None
    return record, Locs({name: cell.loc for name, cell in raw.cells.items()}, raw.plain,
                        raw.row, store)


def figures(amounts: Mapping) -> dict[str, int | None]:
    """The satker amounts of a row that are plain cells, as figures: each the whole number its
    format shows when it shows no decimals (most amounts), else None. Others are left out."""
    record = getattr(amounts, "record", None)
    if type(record) not in _RECORDS:
        return {}
    store, row, plain = record.store, record.row, record.plain
    return {satker: store.whole(row, plain[name]) for satker, name in amounts.names.items()
            if name in plain}


def plain_values(records: list[Mapping], name: str) -> list[object]:
    """Per record, the value its plain cell `name` holds (a whole number, a text ...); None
    where it is not plain."""
    values: list[object] = []
    for record in records:
        if type(record) in _RECORDS and name in record.plain:
            values.append(record.store.value(record.row, record.plain[name]))
        else:
            values.append(None)
    return values


def maybe_empty(amounts: Mapping) -> Iterator[tuple[str, Quantity | None]]:
    """The (satker, amount) items of a row that may be empty: a plain cell never is."""
    record = getattr(amounts, "record", None)
    if type(record) not in _RECORDS:
        yield from amounts.items()
        return
    plain = record.plain
    for satker, name in amounts.names.items():
        if name not in plain:
            yield satker, amounts[satker]
