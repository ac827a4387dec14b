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
    """Where a table was read, and how many data rows it holds (for reports)."""

    kind: str
    sheet: str
    range: str
    rows: int


@dataclass
class Parts:
    """What the row reader found of one table, for its kind's class to make the table of."""

    kind: TableKind
    cells: Grid
    headers: list[Header]
    # Per data row: its sheet row, and which of `layouts` (column name -> sheet column) it was
    # read under: a header repeated on a later page may hold the satker in another order.
    rows: array = field(default_factory=lambda: array("i"))
    layout: array = field(default_factory=lambda: array("H"))
    layouts: list[dict[str, int]] = field(default_factory=list)
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
