"""The cells of one sheet: whole numbers in column arrays, other values in column lists.

A national budget is two million whole-Rupiah cells. As dict entries keyed by (row, col) each
costs about 300 bytes (the key tuple, the int, a slot in the values and in the styles map); in
a column array it costs 4 bytes, and its style nothing while the column's cells all have the
same (a byte or two a cell once one differs: `Column`). The array holds 32-bit numbers, up to
Rp2.147.483.647: an akun line, which most rows of a budget are, fits, while the few totals
above that go to the column's list, as do text, fractions, dates and larger integers (8 bytes a
cell besides the value: its Kode and Uraian cost a tenth of what they did in the dict). Cells
far below their column's run and styles past 65535 stay in the dict. A cell is held in one
place only, so a lookup tries the dict, then the column array, then the column list.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

from renjacheck.workbook.column import HOLE, MISSING, Column, fits

_NONE = object()


def index_code(widest: int) -> str:
    """The array type code that holds column numbers up to `widest`."""
    return "H" if widest < 65536 else "q"


class Cells:
    """Values and style indices of a sheet's cells by (row, col), as a dict of them would be."""

    __slots__ = ("other", "styles", "columns", "texts", "_last")

    def __init__(self) -> None:
        self.other: dict[tuple[int, int], object] = {}
        self.styles: dict[tuple[int, int], int] = {}  # of the cells in `other`; 0 left out
        self.columns: dict[int, Column] = {}  # whole numbers
        self.texts: dict[int, Column] = {}  # every other value
        self._last = (0, 0)  # the place of the last cell `add` stored

    def add(self, row: int, col: int, value: object, style: int = 0) -> None:
        """Store a cell as a reader meets it, in file order: one after every cell stored so
        far cannot replace one, and goes to its column's run without `put`'s look-ups; one at or
        before the last (a file written out of order) goes through `put`."""
        last_row, last_col = self._last
        if row < last_row or (row == last_row and col <= last_col):
            self.put(row, col, value, style)
            return
        self._last = (row, col)
        if style < 65536:
            # The whole Rupiah of a budget into its column's array (up to 32 bits), its codes
            # and names into its column's list.
            whole = type(value) is int and MISSING < value < -MISSING
            runs = self.columns if whole else self.texts
            column = runs.get(col)
            if column is None:
                column = runs[col] = Column(row, objects=not whole, style=style)
            if column.place(row) is not None:
                column.values.append(value)
                if column.styles is not None or style != column.style:
                    column.add_style(style)
                return
        self.other[row, col] = value
        if style:
            self.styles[row, col] = style

    def put(self, row: int, col: int, value: object, style: int = 0) -> None:
        """Store a cell, replacing whatever the same place held."""
        key = (row, col)
        self._drop_from_column(row, col)
        if style < 65536:
            whole = fits(value, style)
            runs = self.columns if whole else self.texts
            column = runs.get(col)
            if column is not None and (at := column.place(row)) is not None:
                self.other.pop(key, None)
                self.styles.pop(key, None)
                if at == len(column.values):
                    column.values.append(value)
                    column.add_style(style)
                else:
                    column.values[at] = value
                    column.set_style(at, style)
                return
            if column is None and key not in self.other:
                column = runs[col] = Column(row, objects=not whole, style=style)
                column.values.append(value)
                return
        self.other[key] = value
        if style:
            self.styles[key] = style
        else:
            self.styles.pop(key, None)

    def __setitem__(self, key: tuple[int, int], value: object) -> None:
        self.put(key[0], key[1], value)

    def get(self, key: tuple[int, int], default: object = None) -> object:
        """The value at (row, col), or `default` when the cell is empty."""
        # Unrolled: this runs for every cell a table reads.
        value = self.other.get(key, _NONE)
        if value is not _NONE:
            return value
        row, col = key
        column = self.texts.get(col)
        if column is not None:
            at = row - column.start
            if 0 <= at < len(column.values):
                found = column.values[at]
                if found is not HOLE:
                    return found
        column = self.columns.get(col)
        if column is not None:
            at = row - column.start
            if 0 <= at < len(column.values):
                found = column.values[at]
                if found != MISSING:
                    return found
        return default

    def nonwhole(self, key: tuple[int, int], default: object = None) -> object:
        """`get`, the column arrays left out: text (where labels are looked for) and every other
        value that is not a whole number; a row of figures is passed over without a look."""
        value = self.other.get(key, _NONE)
        if value is not _NONE:
            return value
        column = self.texts.get(key[1])
        if column is not None and 0 <= (at := key[0] - column.start) < len(column.values) \
                and column.holds(at):
            return column.values[at]
        return default

    def nonwhole_items(self, outside: list[tuple[int, int, int, int]] = ()
                       ) -> Iterator[tuple[tuple[int, int], object]]:
        """((row, col), value) of every cell but the whole numbers of the column arrays, and
        but those inside the boxes `outside` (first row, last row, first col, last col): a
        column's run is passed over where a box covers it, not cell by cell."""
        for (row, col), value in self.other.items():
            if not any(r1 <= row <= r2 and c1 <= col <= c2 for r1, r2, c1, c2 in outside):
                yield (row, col), value
        for col, column in self.texts.items():
            covered = sorted((r1, r2) for r1, r2, c1, c2 in outside if c1 <= col <= c2)
            values, start = column.values, column.start
            begin = 0  # the first slot not yet passed
            for r1, r2 in covered + [(start + len(values), start + len(values))]:
                for at in range(begin, min(r1 - start, len(values))):
                    if values[at] is not HOLE:
                        yield (start + at, col), values[at]
                begin = max(begin, r2 - start + 1)

    def __getitem__(self, key: tuple[int, int]) -> object:
        value = self.get(key, _NONE)
        if value is _NONE:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return self.get(key, _NONE) is not _NONE  # type: ignore[arg-type]

    def style(self, key: tuple[int, int]) -> int:
        """The style index of the cell at (row, col); 0 when it has none or is empty."""
        if key in self.other:
            return self.styles.get(key, 0)
        row, col = key
        column = self.texts.get(col)
        if column is not None:
            at = row - column.start
            if 0 <= at < len(column.values) and column.values[at] is not HOLE:
                return column.style_at(at)
        column = self.columns.get(col)
        if column is not None:
            at = row - column.start
            if 0 <= at < len(column.values) and column.values[at] != MISSING:
                return column.style_at(at)
        return 0

    def pop(self, key: tuple[int, int], default: object = None) -> object:
        """Empty the cell at (row, col) and return what it held."""
        if key in self.other:
            self.styles.pop(key, None)
            return self.other.pop(key)
        value = self.get(key, _NONE)
        if value is _NONE:
            return default
        self._drop_from_column(*key)
        return value

    def _drop_from_column(self, row: int, col: int) -> None:
        for runs in (self.columns, self.texts):
            column = runs.get(col)
            if column is not None and 0 <= row - column.start < len(column.values):
                column.values[row - column.start] = column.hole

    def _runs(self) -> Iterator[tuple[int, Column]]:
        yield from self.columns.items()
        yield from self.texts.items()

    def keys(self) -> Iterator[tuple[int, int]]:
        """The places of every cell: the dict's, then each column's, top to bottom."""
        for key, _ in self.items():
            yield key

    __iter__ = keys

    def items(self) -> Iterator[tuple[tuple[int, int], object]]:
        """((row, col), value) of every cell."""
        yield from self.other.items()
        for col, column in self._runs():
            start, hole = column.start, column.hole
            for at, value in enumerate(column.values):
                if value is not hole and value != hole:
                    yield (start + at, col), value

    def styled(self) -> Iterator[tuple[tuple[int, int], int]]:
        """((row, col), style index) of every cell with a style other than 0."""
        yield from self.styles.items()
        for col, column in self._runs():
            start = column.start
            if column.styles is None:
                if column.style:
                    yield from (((start + at, col), column.style)
                                for at in range(len(column.values)) if column.holds(at))
                continue
            for at, style in enumerate(column.styles):
                if style and column.holds(at):
                    yield (start + at, col), style

    def by_row(self, code: str) -> dict[int, array]:
        """The columns that hold a cell, by row (rows unsorted), each row's sorted in an array of
        type `code` (see `index_code`). Rows that fill the same columns (every row of a budget)
        share one array, which must not be changed."""
        runs = list(self._runs())
        bits = {col: 1 << n for n, col in enumerate(sorted({c for c, _ in runs}
                                                           | {c for _, c in self.other}))}
        # A row's columns as the bits of one int while the cells are walked: an array a row
        # from the start would be 50,000 arrays for a budget, most of them the same.
        masks: dict = {}  # row -> its bits, then its array
        for row, col in self.other:
            masks[row] = masks.get(row, 0) | bits[col]
        for col, column in runs:
            row, hole, bit = column.start, column.hole, bits[col]
            for value in column.values:
                if value is not hole and value != hole:
                    masks[row] = masks.get(row, 0) | bit
                row += 1
        shared: dict[int, array] = {}
        for row, mask in masks.items():
            cols = shared.get(mask)
            if cols is None:
                cols = shared[mask] = array(code, [c for c, bit in bits.items() if mask & bit])
            masks[row] = cols  # the same keys: the dict becomes the index in place
        return masks

    def extent(self) -> tuple[int, int]:
        """(last row, last column) that hold a cell; (0, 0) when none does."""
        rows = [row for row, _ in self.other]
        cols = [col for _, col in self.other]
        for col, column in self._runs():
            values = column.values
            last = len(values) - 1
            while last >= 0 and not column.holds(last):
                last -= 1
            if last >= 0:
                rows.append(column.start + last)
                cols.append(col)
        return (max(rows), max(cols)) if rows else (0, 0)

    def __len__(self) -> int:
        return sum(1 for _ in self.items())

    def __eq__(self, other: object) -> bool:
        return dict(self.items()) == dict(other.items())  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]
