"""A table read from a sheet: its kind's typed columns over the sheet's cells, its rows as
indices into them.

A table keeps the sheet's cells where the reader put them (column arrays and lists,
workbook/cells.py) and, per record, only the sheet row it stands on and which header's columns it
was read under. A value is parsed from its cell when asked for: a national budget's two million
amounts cost their 4 bytes in the column array, not a Quantity and a Location each, and its sums
read them as numbers straight from the arrays (Grid.wholes). A small table keeps each value once
read (KEPT).
What is not one cell's value is held apart, sparse: text continued on wrapped rows, the bidang
of a group row, the sasaran or kegiatan a row takes from the heading row above it (and the
heading each row stands under, the parent row over it: indices), a value a row takes from the
row above (`sources`), the parts a cell splits into, a figure read through period sub-columns
(tables/sums.py). A table continued on a later sheet reads each layout's rows on its own sheet
(`grids`).
Kinds with structure (the budget tree, the Matriks' kegiatan groups, the RO's split rows)
subclass Table and compute it as indices when the table is made.
"""

from __future__ import annotations

from array import array
from collections.abc import Hashable
from typing import ClassVar

from renjacheck.tables.declare import FieldType
from renjacheck.tables.headings import Heading, fill
from renjacheck.tables.parts import Parts, TableInfo, span
from renjacheck.tables.parse import parse_cell
from renjacheck.tables.sums import declare, derive, parts_by_layout, span_location
from renjacheck.tables.views import Row, Rows
from renjacheck.values import Invalid, Location, Quantity, Text, Value, known
from renjacheck.workbook.grid import RawCell

# The columns that say what a record is about, in order of preference (`Table.key`).
IDENTITY = ("kode", "uraian", "indikator", "rincian_output", "kegiatan", "teks")
# A table of at most so many cells keeps each value once read: rules read a Matriks' names and
# figures again and again (links, sums, names), and its values cost less than parsing them
# anew. A national budget's two million are read again when asked for; its sums never ask.
KEPT = 65_536
_NONE = object()
_TEXTS = frozenset({FieldType.TEXT, FieldType.CODE, FieldType.ENUM})


class Table:
    """The records of one table, their typed values read from the sheet when asked for."""

    Row: ClassVar[type[Row]] = Row

    def __init__(self, parts: Parts) -> None:
        self.kind = parts.kind
        self.cells = parts.cells
        self.sheet = parts.cells.name
        self.headers = parts.headers
        self.first_row, self.last_row = parts.first_row, parts.last_row
        self.first_col, self.last_col = parts.first_col, parts.last_col
        self.more = parts.ranges  # where it goes on, on later sheets
        header = parts.headers[0]
        self.labels = {name: header.text(col) or name for name, col in header.columns.items()}
        self.types = {c.name: c.type for c in self.kind.columns if c.name in header.columns}
        for i, col in enumerate(header.satker):
            self.labels[f"satker:{i}"] = header.text(col) or f"satker {i + 1}"
            self.types[f"satker:{i}"] = FieldType.AMOUNT
        declare(self, header)  # a figure read through sub-columns, and those
        self.sheet_rows, self.layout, self.layouts = parts.rows, parts.layout, parts.layouts
        self.grids = parts.grids  # each layout's sheet
        self.parts = parts_by_layout(self.layouts)
        self.data_rows = len(parts.rows)  # before any row is split into records
        # Per column: records whose value is not their own cell's (held), or is another
        # record's (by index): both sparse, most tables have none.
        self.held: dict[str, dict[int, Value]] = {}
        self.sources: dict[str, dict[int, int]] = {}
        self._repeats: array | None = None
        # Per column, each record's value once read (_NONE: not yet).
        self._kept: dict[str, list] | None = \
            {} if len(self) * len(self.types) <= KEPT else None
        self._continue(parts.continued)
        self._group(parts.groups)
        if header.spans:
            derive(self)
        # Heading rows (tables/headings.py): each record's innermost heading (sparse), and the
        # parent record of each (sparse), the nearest heading above it that is a data row.
        self.headings, self.under = parts.headings, parts.under
        self.over: dict[int, int] = {}
        self.taken: dict[tuple[int, str], int] = {}  # (record, column) -> heading it took
        if self.headings:
            fill(self)
        self.structure()

    def structure(self) -> None:
        """Work out what the kind's rows make together (its groups, its tree): `hold` and
        `take` what is not a row's own cell's. A kind with structure overrides it."""

    def __len__(self) -> int:
        return len(self.sheet_rows)

    @property
    def rows(self) -> Rows:
        """Every record, in table order, as a row view of the kind."""
        return Rows(self)

    @property
    def range(self) -> str:
        """The A1-style range the table covers, header included."""
        return span(self.sheet, self.first_row, self.first_col, self.last_row, self.last_col)

    @property
    def info(self) -> TableInfo:
        """Where the table was read and how many data rows it holds."""
        return TableInfo(kind=self.kind.name, sheet=self.sheet, range=self.range,
                         rows=self.data_rows,
                         ranges=(f"{self.sheet}!{self.range}", *self.more))

    def hold(self, index: int, name: str, value: Value) -> None:
        """Record `index` has `value` in column `name`, whatever its cell holds. (While the
        table is made: a record that takes its value from another takes it once held.)"""
        self.held.setdefault(name, {})[index] = value
        self._forget(index, name)

    def take(self, index: int, name: str, source: int) -> None:
        """Record `index` has the value of record `source` in column `name`."""
        self.sources.setdefault(name, {})[index] = source
        self._forget(index, name)

    def _forget(self, index: int, name: str) -> None:
        kept = self._kept.get(name) if self._kept else None
        if kept is not None:
            kept[index] = _NONE

    def cell(self, index: int, name: str) -> RawCell | None:
        """What record `index`'s own cell of column `name` shows."""
        at = self.layout[index]
        col = self.layouts[at].get(name)
        return None if col is None else self.grids[at].cell(self.sheet_rows[index], col)

    def value(self, index: int, name: str) -> Value:
        """The typed value of column `name` of record `index` (Invalid when unreadable)."""
        kept = self._kept
        if kept is None:
            return self._read(index, name)
        column = kept.get(name)
        if column is None:
            column = kept[name] = [_NONE] * len(self)
        value = column[index]
        if value is _NONE:
            value = column[index] = self._read(index, name)
        return value  # type: ignore[return-value]

    def known(self, index: int, name: str) -> Text | Quantity | None:
        """The value of column `name` of record `index` if it was read, None if empty or
        unreadable (`values.known` of `value`, in one call: row views ask it most)."""
        value = self.value(index, name)
        return None if type(value) is Invalid else value  # type: ignore[return-value]

    def _read(self, index: int, name: str) -> Value:
        sources = self.sources.get(name)
        if sources is not None:
            index = sources.get(index, index)
        held = self.held.get(name)
        if held is not None:
            value = held.get(index, _NONE)
            if value is not _NONE:
                return value  # type: ignore[return-value]
        at = self.layout[index]
        col = self.layouts[at].get(name)
        if col is None:
            return None
        row, cells = self.sheet_rows[index], self.grids[at]
        shown = cells.shown(row, col)
        if type(shown) is not str:
            return parse_cell(cells.cell(row, col), self.types[name])
        # Text reads the same in any number format, none is looked up; in a text column it is
        # the text itself (parse.py reads it so), the common case of a Matriks or a Narasi.
        ftype = self.types[name]
        if ftype in _TEXTS and shown.strip():
            return Text(value=shown.strip(), loc=cells.location(row, col))
        return parse_cell(RawCell(shown, "General", cells.location(row, col)), ftype)

    def derived(self, name: str) -> bool:
        """True when some record's value of `name` is not its own cell's."""
        return name in self.held or name in self.sources

    def shown_column(self, name: str) -> list[object]:
        """`shown(index, name)` for every record, read a sheet column at a time."""
        found: list[object] = [None] * len(self)
        for layout, columns in enumerate(self.layouts):
            col = columns.get(name)
            if col is None:
                continue
            indices = [i for i, at in enumerate(self.layout) if at == layout] \
                if len(self.layouts) > 1 else range(len(self))
            rows = [self.sheet_rows[i] for i in indices]
            for i, value in zip(indices, self.grids[layout].column_values(col, rows),
                                strict=True):
                found[i] = value
        return found

    def loc(self, index: int, name: str) -> Location | None:
        """Where record `index`'s own cell of `name` is written (None where it has none); for
        a sum of periods, the span of their cells."""
        at = self.layout[index]
        col = self.layouts[at].get(name)
        if col is not None:
            return self.grids[at].location(self.sheet_rows[index], col)
        return span_location(self, index, name)

    def record_names(self, index: int) -> list[str]:
        """The columns of record `index`: its header's, then those held for it alone."""
        names = list(self.layouts[self.layout[index]])
        names += [n for n, held in self.held.items() if index in held and n not in names]
        return names

    def record(self, index: int) -> dict[str, Value]:
        """Every value of record `index`, by column name."""
        return {name: self.value(index, name) for name in self.record_names(index)}

    def locations(self, index: int) -> dict[str, Location]:
        """Where each of record `index`'s own cells is written, by column name."""
        row, at = self.sheet_rows[index], self.layout[index]
        return {name: self.grids[at].location(row, col) for name, col in self.layouts[at].items()}

    def columns(self, group: str, parts: bool = False) -> list[str]:
        """The columns a rule names: `satker` stands for every satker column; with `parts`, a
        figure read through periods stands for its periods (and its own cell, a Jumlah)."""
        if group == "satker":
            return [name for name in self.labels if name.startswith("satker:")]
        names = [group] if group in self.labels else []
        if parts and any(group in p for p in self.parts):
            names = [n for n in names if any(group in columns for columns in self.layouts)]
            names += [n for n in self.labels
                      if n.startswith(group + ":") and n[len(group) + 1:].isdigit()]
        return names

    def unique_key(self, index: int, name: str) -> Hashable | None:
        """What a uniqueness check compares the value of `name` by: its text without spaces, in
        upper case; None for an empty or unreadable cell, which repeats nothing."""
        value = self.value(index, name)
        return unique_key(value.value) if isinstance(value, Text) else None

    def key(self, index: int) -> str:
        """What record `index` is about (`kode#0`, the first record of that code): a finding's
        fingerprint uses it instead of the row number, so it survives rows inserted elsewhere."""
        if self._repeats is None:  # counted once for every record, when a finding first asks
            seen: dict[str, int] = {}
            self._repeats = array("I")
            for i in range(len(self)):
                ident = self._identity(i)
                seen[ident] = seen.get(ident, -1) + 1
                self._repeats.append(seen[ident])
        return f"{self._identity(index)}#{self._repeats[index]}"

    def _identity(self, index: int) -> str:
        for name in IDENTITY:
            if name in self.types or name in self.held:
                value = self.value(index, name)
                if isinstance(value, Text):
                    return value.value
        return ""

    def _continue(self, continued: dict[tuple[int, str], list[RawCell]]) -> None:
        """Text wrapped onto continuation rows joins its cell's, one value of the record."""
        for (index, name), extra in continued.items():
            value = self.value(index, name)
            base = [value.value] if isinstance(value, Text) else []
            more = tuple(c.loc for c in extra)
            self.hold(index, name, Text(
                value=" ".join(base + [str(c.value).strip() for c in extra]),
                loc=value.loc if isinstance(value, Text) else more[0],
                more=more if isinstance(value, Text) else more[1:]))

    def _group(self, groups: dict[int, Text]) -> None:
        """A record without a bidang of its own has the bidang of the heading row above it."""
        for index, name in groups.items():
            if known(self.value(index, "bidang")) is None:
                self.hold(index, "bidang", name)

    @property
    def parent_records(self) -> frozenset[int]:
        """The records that are parents of others: heading rows with figures of their own."""
        return frozenset(self.over.values())

    def members(self, index: int) -> list[int]:
        """The records whose parent record is `index`, in table order."""
        return sorted(i for i, parent in self.over.items() if parent == index)

    def own_heading(self, index: int) -> Heading | None:
        """The heading record `index` is, when it is a parent row."""
        return next((h for h in self.headings if h.record == index), None)

    def heading(self, index: int) -> Heading | None:
        """The innermost heading record `index` stands under (not the one it is)."""
        at = self.under.get(index, -1)
        return self.headings[at] if at >= 0 else None


def unique_key(text: str) -> str:
    """A code as a uniqueness check compares it: without spaces, in upper case."""
    return "".join(text.split()).upper()
