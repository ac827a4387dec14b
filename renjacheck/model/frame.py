"""A table's typed cells, record by record, as the table schemas validate them.

The plan model drops what cannot be read (an unreadable number becomes None); a Frame keeps it,
so that every unreadable, missing or negative cell can be reported at its cell.
"""

from __future__ import annotations

from array import array
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

from renjacheck.model.values import Invalid, Location, Quantity, Text
from renjacheck.workbook.headers import FieldType
from renjacheck.workbook.tables import RawCell

Value = Text | Quantity | Invalid | None

# The columns that say what a record is about, in order of preference (`Frame.keys`).
IDENTITY = ("kode", "uraian", "indikator", "rincian_output", "kegiatan", "teks")


@dataclass
class Frame:
    """Records of one table: the typed value of each column and the cell it stands in."""

    kind: str
    labels: dict[str, str]
    types: dict[str, FieldType]
    records: list[Mapping[str, Value]] = field(default_factory=list)
    # What a uniqueness check compares, where a value means something only under its parent:
    # komponen 051 or akun 521211 repeat under every RO, so a code is compared by its full path
    # (as model/readers.py writes it: a code, or its parent's scope and its code), written as
    # the check compares it (no spaces, upper case).
    scopes: dict[str, list[Hashable | None]] = field(default_factory=dict)
    # Each record's locations, None where the record gives them itself (`locations()`, a
    # row of plain cells: model/lazy.py); and how many records before it are about the same
    # thing. A national budget's 50,000 rows keep no mapping or key string of their own.
    _locs: list[Mapping[str, Location] | None] = field(default_factory=list, repr=False)
    _repeats: array = field(default_factory=lambda: array("I"), repr=False)
    _seen: dict[str, int] = field(default_factory=dict, repr=False)

    def add(self, values: dict[str, Value], cells: dict[str, RawCell]) -> None:
        """Append a record; `cells` give the location of every column, empty ones included."""
        self.append(values, {name: cell.loc for name, cell in cells.items()})

    def append(self, values: Mapping[str, Value], locs: Mapping[str, Location] | None) -> None:
        """Append a record and the location of each of its columns; None: the record's own
        `locations()` (see model/lazy.py)."""
        self.records.append(values)
        self._locs.append(locs)
        key = _identity(values)
        # Two records about the same thing (a repeated indicator) still get distinct keys.
        self._seen[key] = self._seen.get(key, -1) + 1
        self._repeats.append(self._seen[key])

    @property
    def locs(self) -> Sequence[Mapping[str, Location]]:
        """Per record, where each of its columns is written."""
        return _Locations(self)

    @property
    def keys(self) -> Sequence[str]:
        """Per record, what it is about (`kode#0`, the first record of that code): a finding's
        fingerprint uses it instead of the row number, so it survives rows inserted elsewhere."""
        return _Keys(self)

    def columns(self, group: str) -> list[str]:
        """The columns a rule names: `satker` stands for every satker column."""
        if group == "satker":
            return [name for name in self.labels if name.startswith("satker:")]
        return [group] if group in self.labels else []


def _identity(values: Mapping[str, Value]) -> str:
    named = (values.get(name) for name in IDENTITY)
    return next((v.value for v in named if isinstance(v, Text)), "")


class _PerRecord(Sequence):
    """Something of each record of a Frame, by record index, made when asked for."""

    __slots__ = ("frame",)

    def __init__(self, frame: Frame) -> None:
        self.frame = frame

    def __len__(self) -> int:
        return len(self.frame.records)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._item(i) for i in range(*index.indices(len(self)))]
        return self._item(index)

    def _item(self, index: int):
        raise NotImplementedError


class _Locations(_PerRecord):
    """Where each column of each record is written."""

    __slots__ = ()

    def _item(self, index: int) -> Mapping[str, Location]:
        locs = self.frame._locs[index]
        return self.frame.records[index].locations() if locs is None else locs


class _Keys(_PerRecord):
    """What each record is about."""

    __slots__ = ()

    def _item(self, index: int) -> str:
        return f"{_identity(self.frame.records[index])}#{self.frame._repeats[index]}"


def unique_key(text: str) -> str:
    """A code as a uniqueness check compares it: without spaces, in upper case."""
    return "".join(text.split()).upper()


def known(value: Value) -> Text | Quantity | None:
    """The value if it was read, None if it was empty or unreadable."""
    return None if isinstance(value, Invalid) else value
