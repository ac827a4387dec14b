"""What the row reader finds of a table (`Parts`), for its kind's Table class to make the table
of, and what reports say of a table read (`TableInfo`)."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field

from renjacheck.tables.declare import TableKind
from renjacheck.tables.detect import Header
from renjacheck.tables.headings import Heading
from renjacheck.values import Location, Text
from renjacheck.workbook.grid import Grid, RawCell


@dataclass(frozen=True)
class TableInfo:
    """Where a table was read, and how many data rows it holds (for reports). `sheet` and
    `range` are its first part's; `ranges` names every part (`Sheet!A1:G8`), the first
    included: a table continued on later sheets under its header repeated has one each."""

    kind: str
    sheet: str
    range: str
    rows: int
    ranges: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.ranges:
            object.__setattr__(self, "ranges", (f"{self.sheet}!{self.range}",))

    @property
    def where(self) -> str:
        """Every part's range, joined: `Capaian!A5:G8 + Capaian (2)!A3:G7`."""
        return " + ".join(self.ranges)

    @property
    def places(self) -> list[tuple[str, str]]:
        """(sheet, A1 range) of every part."""
        return [(p.rpartition("!")[0], p.rpartition("!")[2]) for p in self.ranges]


@dataclass
class Parts:
    """What the row reader found of one table, for its kind's class to make the table of."""

    kind: TableKind
    cells: Grid
    headers: list[Header]
    # Per data row: its sheet row, and which of `layouts` (column name -> sheet column) it was
    # read under: a header repeated on a later page may hold the satker in another order. Each
    # layout is on the sheet of `grids` at its index: a table continued on a later sheet has
    # rows of both.
    rows: array = field(default_factory=lambda: array("i"))
    layout: array = field(default_factory=lambda: array("H"))
    layouts: list[dict[str, int]] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    # Wrapped text: (data row, column) -> the cells continuing it; data row -> its bidang's
    # heading cell.
    continued: dict[tuple[int, str], list[RawCell]] = field(default_factory=dict)
    groups: dict[int, Text] = field(default_factory=dict)
    # Heading rows (tables/headings.py) in table order; data row -> the innermost heading it
    # stands under; the headings open where the reader stopped (a continued table goes on).
    headings: list[Heading] = field(default_factory=list)
    under: dict[int, int] = field(default_factory=dict)
    open: list[int] = field(default_factory=list)
    first_row: int = 0
    last_row: int = 0
    first_col: int = 0
    last_col: int = 0
    # Where the table goes on, on later sheets: [grid, first row, first col, last row, last col].
    more: list[list] = field(default_factory=list)

    def layout_for(self, columns: dict[str, int], grid: Grid) -> int:
        """The index of layout `columns` on `grid`, added when new."""
        for at, (known, on) in enumerate(zip(self.layouts, self.grids, strict=True)):
            if on is grid and known == columns:
                return at
        self.layouts.append(columns)
        self.grids.append(grid)
        return len(self.layouts) - 1

    def go_on(self, grid: Grid, header: Header) -> None:
        """The table goes on under `header` on `grid`, a later sheet than its first rows'."""
        self.headers.append(header)
        self.more.append([grid, header.row, header.first_col, header.last_row, header.last_col])

    def reach(self, grid: Grid, row: int) -> None:
        """The table reaches down to `row` on `grid`."""
        if grid is self.cells:
            self.last_row = row
            return
        piece = next(p for p in reversed(self.more) if p[0] is grid)
        piece[3] = row

    def boxes(self, grid: Grid) -> list[tuple[int, int, int, int]]:
        """(first row, last row, first col, last col) of each piece of the table on `grid`."""
        pieces = [[self.cells, self.first_row, self.first_col, self.last_row, self.last_col],
                  *self.more]
        return [(p[1], p[3], p[2], p[4]) for p in pieces if p[0] is grid]

    @property
    def ranges(self) -> list[str]:
        """`Sheet!A1:G5` of each piece on a later sheet."""
        return [f"{p[0].name}!{span(p[0].name, p[1], p[2], p[3], p[4])}" for p in self.more]

    @property
    def sheet(self) -> str:
        """The sheet the table stands on."""
        return self.cells.name

    @property
    def range(self) -> str:
        """The A1-style range the table covers, header included."""
        return span(self.sheet, self.first_row, self.first_col, self.last_row, self.last_col)


def span(sheet: str, first_row: int, first_col: int, last_row: int, last_col: int) -> str:
    """The A1-style range from (first_row, first_col) to (last_row, last_col)."""
    return Location(sheet=sheet, row=first_row, col=first_col, end_row=last_row,
                    end_col=last_col).cell
