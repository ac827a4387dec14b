"""The Pendanaan (Tabel Kebutuhan Pendanaan): pagu per satker and in total, by budget code, from
program down to akun, and the budget tree its codes' shapes and outline order make.

The tree is held as indices: a level and a parent index a row, the grand total's index, and a
scope id a row for the uniqueness of codes (komponen 051 and akun 521211 repeat under every RO:
a code is unique only within its parent's scope). A row's values stay in the sheet's column
arrays; sums read them as whole numbers (`figures`) without making a value.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Hashable, Iterator, Mapping
from functools import cached_property
from typing import Literal

from renjacheck.tables.declare import Column, FieldType, TableKind, Template
from renjacheck.tables.labels import TOTAL_LABELS, norm_label
from renjacheck.tables.table import Table, unique_key
from renjacheck.tables.views import Row, Rows, value_of
from renjacheck.values import Location, Quantity, Text, known

Level = Literal["program", "kegiatan", "kro", "ro", "komponen", "subkomponen", "akun"]
LEVELS: tuple[Level, ...] = ("program", "kegiatan", "kro", "ro", "komponen", "subkomponen", "akun")
CODE_SHAPES: dict[Level, str] = {
    "program": r"\d{3}\.\d{2}\.[A-Z]{2}",
    "kegiatan": r"\d{4}",
    "kro": r"\d{4}\.[A-Z]{3}",
    "ro": r"\d{4}\.[A-Z]{3}\.\d{3}",
    "komponen": r"\d{3}",
    "subkomponen": r"[A-Z]",
    "akun": r"\d{6}",
}
# One pattern for every level: a national budget's 50,000 codes are each matched once.
_SHAPE = re.compile("|".join(f"(?P<{level}>{shape})" for level, shape in CODE_SHAPES.items()))
_RANK = {level: n for n, level in enumerate(LEVELS, start=1)}  # 0: no level


def level_of(code: str) -> Level | None:
    """The budget level a code's shape says (`3247.PBC` is a KRO), or None for a malformed code."""
    match = _SHAPE.fullmatch(code)
    return match.lastgroup if match else None  # type: ignore[return-value]


class PendanaanRow(Row):
    """A budget item (or the grand total) with its per-satker pagu."""

    __slots__ = ()
    table: Pendanaan

    kode = value_of("kode")
    uraian = value_of("uraian")
    total = value_of("total")

    @property
    def amounts(self) -> Amounts:
        """The amount per satker name (None where unreadable)."""
        return Amounts(self.table, self.index)

    @property
    def level(self) -> Level | None:
        """The level its code's shape says."""
        rank = self.table.ranks[self.index]
        return LEVELS[rank - 1] if rank else None

    @property
    def parent(self) -> str | None:
        """The code of the row it sits under."""
        at = self.table.parents[self.index]
        return None if at < 0 else self.table.value(at, "kode").value  # type: ignore[union-attr]

    @property
    def is_total(self) -> bool:
        """True for a row labelled as a grand total."""
        return bool(self.table.totals[self.index])

    @property
    def loc(self) -> Location | None:
        """For a row with neither Kode nor Uraian: its leftmost cell that shows something (or
        holds a formula), where a finding about the row sits; None otherwise."""
        if self.kode is not None or self.uraian is not None:
            return None
        table, index = self.table, self.index
        at = table.layout[index]
        cells = [table.grids[at].cell(table.sheet_rows[index], col)
                 for col in table.layouts[at].values()]
        shown = [c.loc for c in cells if not c.empty or c.uncalculated]
        return min(shown or [c.loc for c in cells], key=lambda loc: loc.col)


class Amounts(Mapping):
    """A row's amount per satker name, read from its cells when asked for."""

    __slots__ = ("table", "index")

    def __init__(self, table: Pendanaan, index: int) -> None:
        self.table, self.index = table, index

    def __getitem__(self, satker: str) -> Quantity | None:
        return known(self.table.value(self.index, self.table.names[satker]))  # type: ignore

    def __iter__(self) -> Iterator[str]:
        return iter(self.table.names)

    def __len__(self) -> int:
        return len(self.table.names)

    def __repr__(self) -> str:
        return f"Amounts({dict(self)!r})"


class Children:
    """The children of each item that has some, by item position: `items()` as a dict's would
    give them, parents in table order, each one's children in table order. Held as arrays (a
    parent a row, then the rows grouped by parent): a national budget has 20,000 parents."""

    __slots__ = ("_parents",)

    def __init__(self, parents: array) -> None:
        self._parents = parents  # per item: its parent's position; -1 at the top or outside

    def items(self) -> Iterator[tuple[int, array]]:
        """(parent position, its children's positions)."""
        parents = self._parents
        counts = array("i", bytes(4 * len(parents)))
        for parent in parents:
            if parent >= 0:
                counts[parent] += 1
        starts, at = array("i", counts), 0
        for row, count in enumerate(counts):
            starts[row], at = at, at + count
        kids = array("i", bytes(4 * at))
        fill = array("i", starts)
        for row, parent in enumerate(parents):
            if parent >= 0:
                kids[fill[parent]] = row
                fill[parent] += 1
        for row, count in enumerate(counts):
            if count:
                yield row, kids[starts[row]:starts[row] + count]


class Pendanaan(Table):
    """The funding table: satker columns, the grand total row, and the items in outline order."""

    Row = PendanaanRow

    def structure(self) -> None:
        """Its satker, and the budget tree its codes make."""
        self.satker = [self.labels[n] for n in self.labels if n.startswith("satker:")]
        # A satker named twice is one key of a row's amounts, its last column, as in a dict.
        self.names = {label: f"satker:{i}" for i, label in enumerate(self.satker)}
        self.amount_columns = [self.names[label] for label in self.satker] + ["total"]
        # Per layout, the sheet column of each amount column (None where its header has none).
        self._amount_cols = [[columns.get(name) for name in self.amount_columns]
                             for columns in self.layouts]
        sheets = {grid.name: grid for grid in self.grids}  # a header's, on a later sheet too
        self.satker_headings = [
            [Text(value=str(cell.value or "").strip(), loc=cell.loc)
             for cell in (sheets.get(h.sheet, self.cells).cell(h.last_row, col)
                          for col in h.satker)]
            for h in self.headers]
        self._outline()

    def _outline(self) -> None:
        """Levels from code shapes, parents from the outline order, the grand total, and each
        code's scope: a top-level code itself, else its parent's scope and its code, as an id
        (two ids are equal exactly when the full paths 066.01.WA/3247/.../521211 are)."""
        count = len(self)
        self.ranks, self.totals = bytearray(count), bytearray(count)
        self.parents, self.scopes = array("i", [-1]) * count, array("i", [-1]) * count
        self.grand = -1
        items = array("i")
        stack: list[tuple[int, int, int]] = []  # (rank, record, scope) the next may be under
        ids: dict[Hashable, int] = {}
        for index in range(count):
            kode, uraian = self._labels(index)
            is_total = kode is None and uraian is not None and norm_label(uraian) in TOTAL_LABELS
            self.totals[index] = is_total
            level = level_of(kode) if kode else None
            rank = _RANK[level] if level else 0
            if rank:
                while stack and stack[-1][0] >= rank:
                    stack.pop()
                self.ranks[index] = rank
                self.parents[index] = stack[-1][1] if stack else -1
            if is_total and self.grand < 0:
                self.grand = index
                continue
            items.append(index)
            if rank:
                path = (stack[-1][2], kode) if stack else kode
                scope = ids.setdefault(path, len(ids))
                stack.append((rank, index, scope))
                self.scopes[index] = scope
            elif kode:  # a code that fits no level is compared by itself
                self.scopes[index] = ids.setdefault(unique_key(kode), len(ids))
        self.item_indices = items

    def _labels(self, index: int) -> tuple[str | None, str | None]:
        """(Kode, Uraian) of a record as text, "TOTAL PAGU" merged across both read as the
        Uraian (held so: its checks and its rules see the label where the plan does)."""
        kode = known(self.value(index, "kode"))
        if kode is not None and norm_label(kode.value) not in TOTAL_LABELS:  # type: ignore
            return kode.value, None  # type: ignore[union-attr]  (a coded row is no total)
        uraian = known(self.value(index, "uraian"))
        if uraian is None and kode is not None:
            self.hold(index, "kode", None)
            self.hold(index, "uraian", kode)
            return None, kode.value  # type: ignore[union-attr]
        return (kode.value if kode is not None else None,  # type: ignore[union-attr]
                uraian.value if uraian is not None else None)  # type: ignore[union-attr]

    @property
    def items(self) -> Rows:
        """The budget items in outline order: every row but the grand total."""
        return Rows(self, self.item_indices)

    def at_level(self, level: Level) -> Rows:
        """The items of one level, in outline order."""
        rank = _RANK[level]
        return Rows(self, [i for i in self.item_indices if self.ranks[i] == rank])

    @property
    def grand_total(self) -> PendanaanRow | None:
        """The grand-total row (the first row labelled so), if any."""
        return PendanaanRow(self, self.grand) if self.grand >= 0 else None

    @cached_property
    def tree(self) -> tuple[Children, list[int]]:
        """(children of each item position, positions of the top-level items)."""
        position = {index: at for at, index in enumerate(self.item_indices)}
        parents = array("i", [-1]) * len(self.item_indices)
        top = []
        for at, index in enumerate(self.item_indices):
            if not self.ranks[index] or self.totals[index]:
                continue
            parent = self.parents[index]
            if parent >= 0 and parent in position:
                parents[at] = position[parent]
            else:
                top.append(at)
        return Children(parents), top

    def figures(self, index: int) -> list[int | None]:
        """The row's amount in each amount column (satker, then total) as an int where it is a
        whole number written without decimals (Rupiah, the common case), else None: read from
        the column arrays, a value made only for an amount held elsewhere."""
        at = self.layout[index]
        numbers = self.grids[at].wholes(self.sheet_rows[index], self._amount_cols[at])
        for n, number in enumerate(numbers):
            if number is None:  # not in a column array (a blank, a text figure): read it
                amount = known(self.value(index, self.amount_columns[n]))
                if isinstance(amount, Quantity) and amount.decimals == 0 \
                        and amount.value == amount.value.to_integral_value():
                    numbers[n] = int(amount.value)
        return numbers

    def unique_key(self, index: int, name: str) -> Hashable | None:
        """A code compares by its scope (its full path); other columns as any table's."""
        if name != "kode":
            return super().unique_key(index, name)
        scope = self.scopes[index]
        return None if scope < 0 else scope


PENDANAAN: TableKind[Pendanaan] = TableKind(
    name="pendanaan", label="Pendanaan", table=Pendanaan,
    titles={"id": "Tabel Kebutuhan Pendanaan", "en": "Funding requirements"},
    columns=(
        Column("kode", FieldType.CODE, required=True, heading="Kode", width=14, style="code"),
        Column("uraian", FieldType.TEXT, required=True, wraps=True,
               heading="Program/Kegiatan/KRO/RO/Komponen/Subkomp/Akun", width=60),
        Column("total", FieldType.AMOUNT, required=True, heading="Total", width=20,
               style="amount"),
    ),
    anchors=("kode", "total"), group_rows=False, satker=("uraian", "total"),
    template=Template(sheet="Pendanaan", columns=("kode", "uraian", "total")))
