"""A table's typed cells, record by record, as the table schemas validate them.

The plan model drops what cannot be read (an unreadable number becomes None); a Frame keeps it,
so that every unreadable, missing or negative cell can be reported at its cell.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from renjacheck.model.values import Invalid, Location, Quantity, Text
from renjacheck.workbook.headers import FieldType
from renjacheck.workbook.tables import RawCell

Value = Text | Quantity | Invalid | None

# The columns that say what a record is about, in order of preference: the fingerprint of a
# finding uses them instead of the row number, so it survives rows inserted elsewhere.
IDENTITY = ("kode", "uraian", "indikator", "rincian_output", "kegiatan", "teks")


@dataclass
class Frame:
    """Records of one table: the typed value of each column and the cell it stands in."""

    kind: str
    labels: dict[str, str]
    types: dict[str, FieldType]
    records: list[Mapping[str, Value]] = field(default_factory=list)
    locs: list[Mapping[str, Location]] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    # What a uniqueness check compares, where a value means something only under its parent:
    # komponen 051 or akun 521211 repeat under every RO, so a code is compared by its full path.
    scopes: dict[str, list[str | None]] = field(default_factory=dict)
    _seen: dict[str, int] = field(default_factory=dict, repr=False)

    def add(self, values: dict[str, Value], cells: dict[str, RawCell]) -> None:
        """Append a record; `cells` give the location of every column, empty ones included."""
        self.append(values, {name: cell.loc for name, cell in cells.items()})

    def append(self, values: Mapping[str, Value], locs: Mapping[str, Location]) -> None:
        """Append a record and the location of each of its columns (see model/lazy.py)."""
        self.records.append(values)
        self.locs.append(locs)
        named = (values.get(name) for name in IDENTITY)
        key = next((v.value for v in named if isinstance(v, Text)), "")
        # Two records about the same thing (a repeated indicator) still get distinct keys.
        self._seen[key] = self._seen.get(key, -1) + 1
        self.keys.append(f"{key}#{self._seen[key]}")

    def columns(self, group: str) -> list[str]:
        """The columns a rule names: `satker` stands for every satker column."""
        if group == "satker":
            return [name for name in self.labels if name.startswith("satker:")]
        return [group] if group in self.labels else []


def known(value: Value) -> Text | Quantity | None:
    """The value if it was read, None if it was empty or unreadable."""
    return None if isinstance(value, Invalid) else value
