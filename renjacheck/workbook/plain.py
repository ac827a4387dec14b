"""The amount cells of a table left where the grid holds them: whole numbers in column arrays.

A national budget is two million satker amounts. Read into a RawCell, a Location and a Quantity
each, they cost some 400 bytes a cell, half a gigabyte for the budget, and the rules read most of
them once. A cell that is a whole number in its column array (cells.py), not merged, costs nothing
more: the table keeps the array, and a cell becomes a RawCell (and, in model/lazy.py, a Quantity)
only when something asks for it, and is let go after.
"""

from __future__ import annotations

from decimal import Decimal

from renjacheck.model.values import Location
from renjacheck.workbook.cells import MISSING, Column


_UNKNOWN = object()


class PlainCells:
    """The plain cells of one table: sheet column -> its array, and the sheet's formats."""

    __slots__ = ("sheet", "columns", "names", "extra", "order", "_factors")

    def __init__(self, sheet: str, names: list[str | None], extra: dict) -> None:
        self.sheet = sheet
        self.columns: dict[int, Column] = {}
        self.names = names  # style index -> number format, None for General
        self.extra = extra  # formats set cell by cell (Formats.extra)
        # The table's column names in header order: a record lists its columns in it.
        self.order: dict[str, None] = {}
        self._factors: dict[int, int | None] = {}  # style index -> what `whole` multiplies by

    def take(self, grid, row: int, col: int) -> bool:
        """True when the cell at (row, col) of `grid` is plain, and is then read from here."""
        column = grid.values.columns.get(col)
        if column is None:
            return False
        at = row - column.start
        if not 0 <= at < len(column.values) or column.values[at] == MISSING:
            return False
        if (row, col) in grid.merges:
            return False  # a merged cell's location is its range: read as a RawCell
        self.columns.setdefault(col, column)
        return True

    def value(self, row: int, col: int) -> int:
        """The whole number at (row, col)."""
        column = self.columns[col]
        return column.values[row - column.start]

    def number_format(self, row: int, col: int) -> str:
        """The number format of the cell at (row, col), as Grid.number_format gives it."""
        fmt = self.extra.get((row, col)) if self.extra else None
        if fmt is None:
            column = self.columns[col]
            style = column.styles[row - column.start]
            fmt = self.names[style] if style and style < len(self.names) else None
        return fmt or "General"

    def location(self, row: int, col: int) -> Location:
        """The cell's location."""
        return Location(sheet=self.sheet, row=row, col=col)

    def cell(self, row: int, col: int):
        """The cell as a RawCell, as the table reader would have made it."""
        from renjacheck.workbook.tables import RawCell

        return RawCell(self.value(row, col), self.number_format(row, col),
                       self.location(row, col))

    def whole(self, row: int, col: int) -> int | None:
        """The figure the cell shows when its format shows no decimals (a percent format shows
        it a hundredfold), else None: `shown`'s value, where it is whole, for less."""
        column = self.columns[col]
        at = row - column.start
        style = column.styles[at]
        factor = self._factors.get(style, _UNKNOWN) if not self.extra else _UNKNOWN
        if factor is _UNKNOWN:
            from renjacheck.model.parse import format_precision

            decimals, percent = format_precision(self.number_format(row, col))
            factor = (100 if percent else 1) if decimals in (None, 0) else None
            if not self.extra:
                self._factors[style] = factor
        return None if factor is None else column.values[at] * factor

    def shown(self, row: int, col: int) -> tuple[Decimal, int, str, bool]:
        """(value, decimals, text, percent) of the cell as its format shows it (parse.shown)."""
        from renjacheck.model.parse import shown

        return shown(self.value(row, col), self.number_format(row, col))
