"""The cells of a Pendanaan left where the grid holds them: in its column arrays and lists.

A national budget is two million satker amounts and 50,000 rows of Kode, Uraian and total.
Read into a RawCell, a Location and a Quantity or Text each, they cost some 400 bytes a cell,
half a gigabyte for the budget, and the rules read most of them once. A cell held in a column
run (cells.py), not merged, costs nothing more: the table keeps the column, and the cell
becomes a RawCell (and, in model/lazy.py, a typed value) only when something asks for it, and
is let go after. A satker amount is plain only as a whole number, which rules read as a figure
(`whole`) without making anything.
"""

from __future__ import annotations

from renjacheck.model.values import Location
from renjacheck.workbook.cells import HOLE, MISSING, Column
from renjacheck.workbook.headers import FieldType


_UNKNOWN = object()


class PlainCells:
    """The plain cells of one table: sheet column -> its array or list, and the sheet's formats."""

    __slots__ = ("sheet", "columns", "texts", "names", "extra", "order", "types", "_factors")

    def __init__(self, sheet: str, names: list[str | None], extra: dict) -> None:
        self.sheet = sheet
        self.columns: dict[int, Column] = {}  # whole numbers (cells.py)
        self.texts: dict[int, Column] = {}  # every other value
        self.names = names  # style index -> number format, None for General
        self.extra = extra  # formats set cell by cell (Formats.extra)
        # The table's column names in header order, and the type each is read as (the Frame's,
        # given by the reader: model/readers.py).
        self.order: dict[str, None] = {}
        self.types: dict[str, FieldType] = {}
        self._factors: dict[int, int | None] = {}  # style index -> what `whole` multiplies by

    def take(self, grid, row: int, col: int, whole: bool) -> bool:
        """True when the cell at (row, col) of `grid` is plain, and is then read from here: a
        value of a column run (a whole number only, with `whole`), not merged, not blank."""
        column = grid.values.columns.get(col)
        if column is not None and 0 <= (at := row - column.start) < len(column.values) \
                and column.values[at] != MISSING:
            runs = self.columns
        elif whole:
            return False
        else:
            column = grid.values.texts.get(col)
            if column is None or not 0 <= (at := row - column.start) < len(column.values):
                return False
            value = column.values[at]
            if value is HOLE or (type(value) is str and not value.strip()):
                return False
            runs = self.texts
        if (row, col) in grid.merges:
            return False  # a merged cell's location is its range: read as a RawCell
        runs.setdefault(col, column)
        return True

    def _held(self, row: int, col: int) -> tuple[Column, int]:
        column = self.columns.get(col)
        if column is not None and 0 <= row - column.start < len(column.values) \
                and column.values[row - column.start] != MISSING:
            return column, row - column.start
        column = self.texts[col]
        return column, row - column.start

    def value(self, row: int, col: int) -> object:
        """The value at (row, col)."""
        column, at = self._held(row, col)
        return column.values[at]

    def number_format(self, row: int, col: int) -> str:
        """The number format of the cell at (row, col), as Grid.number_format gives it."""
        fmt = self.extra.get((row, col)) if self.extra else None
        if fmt is None:
            column, at = self._held(row, col)
            style = column.style_at(at)
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
        """The figure a whole-number cell shows when its format shows no decimals (a percent
        format shows it a hundredfold), else None: `shown`'s value, where it is whole, for less."""
        column = self.columns[col]
        at = row - column.start
        style = column.style_at(at)
        factor = self._factors.get(style, _UNKNOWN) if not self.extra else _UNKNOWN
        if factor is _UNKNOWN:
            from renjacheck.model.parse import format_precision

            decimals, percent = format_precision(self.number_format(row, col))
            factor = (100 if percent else 1) if decimals in (None, 0) else None
            if not self.extra:
                self._factors[style] = factor
        return None if factor is None else column.values[at] * factor
