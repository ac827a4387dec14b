"""Loads a workbook into plain grids: values, number formats and merged ranges, sheet by sheet.

Everything after this step works on `Grid`, never on reader objects, so that table detection is
testable and the workbook is opened exactly once, read-only. The cells come from the streaming
XML reader (xmlreader.py, one pass over each part), after the checks of the zip (safety.py).
"""

from __future__ import annotations

import bisect
import zipfile
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from renjacheck.values import Location
from renjacheck.workbook.cells import Cells, index_code
from renjacheck.workbook.column import HOLE, MISSING
from renjacheck.workbook.book import read_book
from renjacheck.workbook.formats import Formats, format_precision
from renjacheck.workbook.formulas import Formulas
from renjacheck.workbook.safety import (MEMBER_ERRORS, CannotCheck, DEFAULT_LIMITS, Limits,
                                        open_zip, vet, vet_bytes)
from renjacheck.workbook.xmlreader import SheetCells, Tally, read_sheet


@dataclass(frozen=True)
class Merge:
    """A merged range; its value lives in the top-left cell."""

    min_row: int
    min_col: int
    max_row: int
    max_col: int

    @property
    def wide(self) -> bool:
        """True when the range spans more than one column."""
        return self.max_col > self.min_col


@dataclass(frozen=True, slots=True)
class RawCell:
    """What one cell shows: its value, its number format and where it is written."""

    value: object
    number_format: str
    loc: Location
    # A formula whose value was never calculated: it shows nothing but is not an empty cell.
    uncalculated: bool = False

    @property
    def empty(self) -> bool:
        """True when the cell shows nothing."""
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


_UNKNOWN = object()


@dataclass
class Grid:
    """One sheet as data: cell values and number formats by (row, col), and its merged ranges."""

    name: str
    values: Cells = field(default_factory=Cells)
    formats: Formats = field(default_factory=Formats)
    merges: dict[tuple[int, int], Merge] = field(default_factory=dict)
    max_row: int = 0
    max_col: int = 0
    # Formulas whose value was never calculated, and merges cut down as too large (as written,
    # as read).
    uncalculated: set[tuple[int, int]] = field(default_factory=set)
    clamped: list[tuple[str, str]] = field(default_factory=list)
    # Every formula of the sheet, its text by cell (shared formulas too: formulas.py).
    formulas: Formulas = field(default_factory=Formulas)
    # calc.py: cached values that are not what their formula gives ((row, col) -> (cached,
    # calculated)), and the functions that kept formulas uncalculated.
    stale: dict[tuple[int, int], tuple[object, object]] = field(default_factory=dict)
    unsupported: set[str] = field(default_factory=set)
    # The columns that show something, by row: scans skip the empty expanse of a sheet whose
    # one stray cell sits at its far corner.
    filled: dict[int, array] = field(default_factory=dict)
    # The rows a merge covers: the other rows need no look-up in `merges`.
    merged_rows: frozenset[int] = frozenset()
    _rows: list[int] = field(default_factory=list, repr=False)
    # Style index -> what `whole` multiplies a number by (None: the format shows decimals).
    _factors: dict[int, int | None] = field(default_factory=dict, repr=False)

    def index(self) -> None:
        """Build the row index; call once the values and merges are in."""
        # Each row's columns in an array of 2-byte numbers (8-byte past column 65535, which no
        # spreadsheet program writes): a national budget's index of lists is as large as its cells.
        code = index_code(max([self.values.extent()[1], *(col for _, col in self.merges)]))
        filled = self.values.by_row(code)
        # A merge may cover a cell that holds a value too: a merged row's columns are made anew,
        # never added to an array that other rows share.
        merged: dict[int, set[int]] = {}
        for row, col in self.merges:
            merged.setdefault(row, set()).add(col)
        shared: dict[bytes, array] = {}
        for row, cols in merged.items():
            both = array(code, sorted(cols.union(filled.get(row, ()))))
            filled[row] = shared.setdefault(both.tobytes(), both)
        self.filled = filled
        self.merged_rows = frozenset(merged)
        self._rows = sorted(self.filled)

    def forget_index(self) -> None:
        """Let the row index go once the tables are found: they read their cells, not rows."""
        self.filled, self._rows = {}, []

    def rows(self) -> list[int]:
        """The rows that show something, top to bottom."""
        return self._rows

    def next_row(self, row: int) -> int | None:
        """The first row after `row` that shows something, or None."""
        at = bisect.bisect_right(self._rows, row)
        return self._rows[at] if at < len(self._rows) else None

    def origin(self, row: int, col: int) -> tuple[int, int]:
        """The cell that holds the value shown at (row, col): itself, or its merge's top-left."""
        merge = self.merges.get((row, col))
        return (merge.min_row, merge.min_col) if merge else (row, col)

    def value(self, row: int, col: int) -> object:
        """The value shown at (row, col), merge-aware; None for an empty cell."""
        return self.values.get(self.origin(row, col))

    def number_format(self, row: int, col: int) -> str:
        """The number format of the cell that holds the value shown at (row, col)."""
        return self.formats.get(self.origin(row, col), "General")

    def location(self, row: int, col: int) -> Location:
        """Where the value shown at (row, col) is written: a cell or a merged range."""
        merge = self.merges.get((row, col))
        if merge is None:
            return Location(sheet=self.name, row=row, col=col)
        return Location(sheet=self.name, row=merge.min_row, col=merge.min_col,
                        end_row=merge.max_row, end_col=merge.max_col)

    def cell(self, row: int, col: int) -> RawCell:
        """What a table's cell at (row, col) shows: a vertical merge's value stands in every row
        it spans, a value merged across columns belongs to its first column only."""
        # Unrolled: a table reads its cells through here.
        merge = self.merges.get((row, col)) if row in self.merged_rows else None
        if merge is None:
            origin = (row, col)
            loc = Location(sheet=self.name, row=row, col=col)
        else:
            origin = (merge.min_row, merge.min_col)
            loc = Location(sheet=self.name, row=merge.min_row, col=merge.min_col,
                           end_row=merge.max_row, end_col=merge.max_col)
            if merge.wide and col != merge.min_col:
                return RawCell(None, "General", loc)
        return RawCell(self.values.get(origin), self.formats.get(origin, "General"), loc,
                       origin in self.uncalculated)

    def shown(self, row: int, col: int) -> object:
        """`cell(row, col).value`, without making the cell."""
        if row in self.merged_rows:
            merge = self.merges.get((row, col))
            if merge is not None:
                if merge.wide and col != merge.min_col:
                    return None
                return self.values.get((merge.min_row, merge.min_col))
        return self.values.get((row, col))

    def whole(self, row: int, col: int) -> int | None:
        """The figure a whole number in a column array shows where its format shows no decimals
        (a percent format shows it a hundredfold); None for any other cell (empty, merged,
        text, a fraction), which `cell` reads. Sums over a budget's amounts read them so,
        without making a cell or a value."""
        return self.wholes(row, (col,))[0]

    def wholes(self, row: int, cols: Sequence[int | None]) -> list[int | None]:
        """`whole(row, col)` for each of `cols` (None: no cell), a row's amounts in one call."""
        merged = row in self.merged_rows
        columns, factors, extra = self.values.columns, self._factors, self.formats.extra
        found: list[int | None] = []
        for col in cols:
            column = columns.get(col) if col is not None else None
            at = row - column.start if column is not None else -1
            if at < 0 or at >= len(column.values) or column.values[at] == MISSING \
                    or (merged and (row, col) in self.merges):
                found.append(None)
                continue
            style = column.style if column.styles is None else column.styles[at]
            factor = _UNKNOWN if extra else factors.get(style, _UNKNOWN)
            if factor is _UNKNOWN:
                decimals, percent = format_precision(self.formats.get((row, col), "General"))
                factor = (100 if percent else 1) if decimals in (None, 0) else None
                if not extra:  # a format set cell by cell is not its style's
                    factors[style] = factor
            found.append(None if factor is None else column.values[at] * factor)
        return found

    def column_values(self, col: int, rows: Iterable[int]) -> list[object]:
        """`shown(row, col)` for each of `rows`: a table's column read in one pass."""
        values = self.values
        other = {r for r, c in values.other if c == col}  # the few cells held apart
        texts, numbers = values.texts.get(col), values.columns.get(col)
        merged = self.merged_rows
        found: list[object] = []
        for row in rows:
            if row in merged or row in other:
                found.append(self.shown(row, col))
                continue
            value = None
            if texts is not None and 0 <= row - texts.start < len(texts.values):
                value = texts.values[row - texts.start]
                value = None if value is HOLE else value
            if value is None and numbers is not None \
                    and 0 <= row - numbers.start < len(numbers.values):
                value = numbers.values[row - numbers.start]
                value = None if value == MISSING else value
            found.append(value)
        return found

    def text(self, row: int, col: int) -> str:
        """The value shown at (row, col) as stripped text ('' when empty)."""
        value = self.value(row, col)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()


def load(path: Path, limits: Limits = DEFAULT_LIMITS, calculate_formulas: bool = True,
         data: bytes | None = None) -> list[Grid]:
    """Vet and read every worksheet of the workbook at `path` (or in `data`, its bytes read
    once: safety.read_vetted) into grids, in sheet order; the formulas calculated (calc.py)
    unless `calculate_formulas` is False."""
    if data is None:
        vet(path, limits)
    else:
        vet_bytes(data, limits)
    try:
        with open_zip(path if data is None else data) as archive:
            book = read_book(archive, limits)
            sheets = _read_sheets(archive, book, Tally(limits))
        done = {}
        if calculate_formulas and any(cells.formulas for cells in sheets.values()):
            # Once every sheet is read (formulas read across sheets); lazy: only for formulas.
            from renjacheck.workbook.calc import calculate

            done = calculate(sheets, book.formats, book.date1904, cached=book.recalc)
        grids = [_grid(name, cells, book.formats) for name, cells in sheets.items()]
        for grid in grids:
            if grid.name in done:
                grid.stale, grid.unsupported = done[grid.name].stale, done[grid.name].unsupported
    except CannotCheck:
        raise
    except (KeyError, *MEMBER_ERRORS):
        raise CannotCheck("broken_zip") from None
    except Exception as exc:  # malformed parts fail in many ways
        raise CannotCheck("broken_workbook", reason=type(exc).__name__) from None
    return grids


def _read_sheets(archive: zipfile.ZipFile, book, tally: Tally) -> dict[str, SheetCells]:
    """Each sheet's cells, in sheet order. A part several sheets name is parsed once and shared
    (its cells counted again for each, against the cells limit: every grid costs its cells)."""
    read: dict[str, SheetCells] = {}
    sheets = {}
    for name, part in book.sheets.items():
        cells = read.get(part)
        if cells is None:
            try:
                cells = read[part] = read_sheet(archive, part, book.strings, book.formats,
                                                book.date1904, tally)
            except CannotCheck as exc:
                if "cell" in exc.args_:  # where, to the sheet: `Pendanaan!C3`
                    exc.args_["cell"] = f"{name}!{exc.args_['cell']}"
                raise
        else:
            tally.again(cells)
        sheets[name] = cells
    return sheets


def _grid(name: str, cells: SheetCells, formats: list[tuple[str, bool, bool]]) -> Grid:
    grid = Grid(name=name, uncalculated=set(cells.uncalculated), clamped=cells.clamped,
                formulas=cells.formulas)
    merges = cells.merges
    values = cells.cells
    for min_row, min_col, max_row, max_col in merges:
        # A merge shows its top-left value only: the cells it covers are emptied, as in Excel.
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                if (r, c) != (min_row, min_col):
                    values.pop((r, c), None)
    grid.values = values
    grid.formats = Formats(values, [fmt if fmt != "General" else None for fmt, _, _ in formats])
    grid.max_row, grid.max_col = values.extent()
    for bounds in merges:
        merge = Merge(*bounds)
        # Clamp to the used area: a merge that runs to the sheet's far corner must not cost memory.
        for r in range(merge.min_row, min(merge.max_row, max(grid.max_row, merge.min_row)) + 1):
            for c in range(merge.min_col, min(merge.max_col, max(grid.max_col, merge.min_col)) + 1):
                grid.merges[(r, c)] = merge
    grid.index()
    return grid
