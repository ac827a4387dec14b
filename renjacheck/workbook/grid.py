"""Loads a workbook into plain grids: values, number formats and merged ranges, sheet by sheet.

Everything after this step works on `Grid`, never on openpyxl objects, so that table detection is
testable and the workbook is opened exactly once, read-only.
"""

from __future__ import annotations

import bisect
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from renjacheck.model.values import Location
from renjacheck.workbook.prescan import column_number, prescan
from renjacheck.workbook.safety import CannotCheck, DEFAULT_LIMITS, Limits, vet


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


@dataclass
class Grid:
    """One sheet as data: cell values and number formats by (row, col), and its merged ranges."""

    name: str
    values: dict[tuple[int, int], object] = field(default_factory=dict)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: dict[tuple[int, int], Merge] = field(default_factory=dict)
    max_row: int = 0
    max_col: int = 0
    # Formulas whose value was never calculated (A1 refs), and merges cut down by the prescan.
    uncalculated: set[tuple[int, int]] = field(default_factory=set)
    clamped: list[tuple[str, str]] = field(default_factory=list)
    # The columns that show something, by row: scans skip the empty expanse of a sheet whose
    # one stray cell sits at its far corner.
    filled: dict[int, list[int]] = field(default_factory=dict)
    _rows: list[int] = field(default_factory=list, repr=False)

    def index(self) -> None:
        """Build the row index; call once the values and merges are in."""
        filled: dict[int, set[int]] = {}
        for row, col in [*self.values, *self.merges]:
            filled.setdefault(row, set()).add(col)
        self.filled = {row: sorted(cols) for row, cols in filled.items()}
        self._rows = sorted(self.filled)

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

    def text(self, row: int, col: int) -> str:
        """The value shown at (row, col) as stripped text ('' when empty)."""
        value = self.value(row, col)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()


def load(path: Path, limits: Limits = DEFAULT_LIMITS) -> list[Grid]:
    """Vet and read every worksheet of the workbook at `path` into grids, in sheet order."""
    vet(path, limits)
    import openpyxl  # imported here: start-up of `--help` and friends stays fast
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:  # pragma: no cover - defusedxml is a hard dependency
        raise CannotCheck("no_defusedxml")
    try:
        scan = prescan(path, limits)
        with warnings.catch_warnings():
            # openpyxl warns about data validation and header/footer quirks; they do not matter.
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(scan.source, read_only=False, data_only=True,
                                          keep_links=False)
    except CannotCheck:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, EOFError):
        raise CannotCheck("broken_zip") from None
    except Exception as exc:  # openpyxl raises many kinds on malformed parts
        raise CannotCheck("broken_workbook", reason=type(exc).__name__) from None
    try:
        grids = [_grid(sheet) for sheet in book.worksheets]
    finally:
        book.close()
    for grid in grids:
        grid.uncalculated = {_row_col(ref) for ref in scan.uncalculated.get(grid.name, [])}
        grid.clamped = scan.clamped.get(grid.name, [])
    return grids


def _row_col(ref: str) -> tuple[int, int]:
    letters = ref.rstrip("0123456789")
    return int(ref[len(letters):]), column_number(letters.encode())


def _grid(sheet) -> Grid:
    grid = Grid(name=sheet.title)
    # Only the cells the file holds: iter_rows() would visit every cell up to the far corner.
    for (row, col), cell in sheet._cells.items():
        value = cell.value
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        grid.values[(row, col)] = value
        if cell.number_format and cell.number_format != "General":
            grid.formats[(row, col)] = cell.number_format
        grid.max_row = max(grid.max_row, row)
        grid.max_col = max(grid.max_col, col)
    for rng in sheet.merged_cells.ranges:
        merge = Merge(rng.min_row, rng.min_col, rng.max_row, rng.max_col)
        # Clamp to the used area: a merge that runs to the sheet's far corner must not cost memory.
        for r in range(merge.min_row, min(merge.max_row, max(grid.max_row, merge.min_row)) + 1):
            for c in range(merge.min_col, min(merge.max_col, max(grid.max_col, merge.min_col)) + 1):
                grid.merges[(r, c)] = merge
    grid.index()
    return grid
