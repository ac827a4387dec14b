"""Workbooks in memory: a `Sheet` is what one worksheet holds (values, number formats and merged
ranges by 1-based cell), and `read_sheets` reads sheets as renjacheck reads a workbook file.

The sheets are turned into the reader's grids directly (no file is written): every cell is stored
as the xlsx reader stores the value an .xlsx file gives back for it (Excel keeps a number as a
double, a whole number without its ".0", a date as a serial number shown by its format), and from
the grids on the path is the workbook's. tests/test_api.py compares the two on random sheets.
`workbook_bytes` writes the sheets as an .xlsx (with openpyxl) to open them in Excel.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from renjacheck.model.build import collector_paused, read_grids
from renjacheck.model.plan import Plan
from renjacheck.workbook.cells import Cells
from renjacheck.workbook.formats import Formats, is_date_format, is_duration_format
from renjacheck.workbook.grid import Grid, Merge

# What a cell may hold: text, a number, a truth value or a date (None: an empty cell).
CellValue = str | int | float | Decimal | bool | dt.date | dt.datetime | None
# Excel holds a number as a double: a whole number beyond 2**53 is not exact in it.
_EXACT = 2**53
# A whole number below this is written with its digits (beyond, as 1E+16): read back as an int.
_WHOLE = 10**16
_FORBIDDEN = set('[]:*?/\\')


class Cell(NamedTuple):
    """A value with the number format it is shown in: Cell(0.7714, "0.00%") shows 77,14%."""

    value: CellValue
    format: str | None = None


def ref(row: int, col: int) -> str:
    """The A1 reference of a 1-based (row, col): ref(3, 28) is "AB3"."""
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


@dataclass
class Sheet:
    """One worksheet being built: values, merged ranges and number formats by 1-based cell."""

    name: str
    cells: dict[tuple[int, int], CellValue] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)

    def put(self, row: int, col: int, value: CellValue, fmt: str | None = None) -> None:
        """Write a value (None leaves the cell empty) and its number format."""
        if value is not None:
            self.cells[(row, col)] = value
        if fmt is not None and value is not None:
            self.formats[(row, col)] = fmt

    def merge(self, r1: int, c1: int, r2: int, c2: int) -> None:
        """Merge a range; a single cell is left alone."""
        if (r1, c1) != (r2, c2):
            self.merges.append((r1, c1, r2, c2))

    @property
    def extent(self) -> tuple[int, int]:
        """The last row and column holding a value or a merge."""
        rows = [r for r, _ in self.cells] + [m[2] for m in self.merges] + [1]
        cols = [c for _, c in self.cells] + [m[3] for m in self.merges] + [1]
        return max(rows), max(cols)

    def where(self, row: int, col: int) -> str:
        """`Sheet!A1` of a cell, as findings name it."""
        return f"{self.name}!{ref(row, col)}"


def read_sheets(sheets: Sequence[Sheet], vocabulary: tuple[Path, ...] = (),
                name: str = "<memory>") -> Plan:
    """Read `sheets`, in order, into a Plan as the workbook holding them would read; `name`
    stands for its path in findings and reports."""
    _vet_names([s.name for s in sheets])
    with collector_paused():
        return read_grids(name, [grid(sheet) for sheet in sheets], vocabulary)


def grid(sheet: Sheet) -> Grid:
    """The reader's grid of `sheet`: its cells stored as the xlsx reader stores them."""
    styles: dict[str | None, int] = {None: 0}  # format -> style index, General first
    values = Cells()
    _vet_merges(sheet)
    last_row = max((r for r, _ in sheet.cells), default=0)
    last_col = max((c for _, c in sheet.cells), default=0)
    covered = {(r, c) for r1, c1, r2, c2 in sheet.merges
               for r in range(r1, min(r2, last_row) + 1) for c in range(c1, min(c2, last_col) + 1)
               if (r, c) != (r1, c1)}
    for (row, col), raw in sorted(sheet.cells.items()):
        value, fmt = stored(raw, sheet.formats.get((row, col)))
        if value is None or (row, col) in covered:
            continue  # a merge shows its top-left value only, as in Excel
        values.add(row, col, value, styles.setdefault(fmt, len(styles)))
    names = [None] * len(styles)
    for fmt, index in styles.items():
        names[index] = fmt if fmt != "General" else None
    result = Grid(name=sheet.name, values=values, formats=Formats(values, names))
    result.max_row, result.max_col = values.extent()
    for bounds in sheet.merges:
        merge = Merge(*bounds)
        # As the reader does: a merge reaching past the used area stops at its edge.
        last_row = min(merge.max_row, max(result.max_row, merge.min_row))
        last_col = min(merge.max_col, max(result.max_col, merge.min_col))
        result.merges.update(((r, c), merge) for r in range(merge.min_row, last_row + 1)
                             for c in range(merge.min_col, last_col + 1))
    result.index()
    return result


def stored(value: CellValue, fmt: str | None) -> tuple[object, str | None]:
    """A cell's value as an .xlsx file gives it back, and its number format: a number shown by
    a date format is a date, a date shown by another format its serial number."""
    if value is None or isinstance(value, bool):
        return value, fmt
    if isinstance(value, str):
        if value.startswith("="):
            raise ValueError(f"{value!r} is a formula: give the value it calculates to")
        return (value if value.strip() else None), fmt
    if isinstance(value, dt.date):  # a datetime too: its serial number, as a file holds it
        from openpyxl.utils.datetime import to_excel  # lazy, as the reader's dates

        fmt = fmt or ("yyyy-mm-dd h:mm:ss" if isinstance(value, dt.datetime) else "yyyy-mm-dd")
        value = to_excel(value)
    if not isinstance(value, int | float | Decimal):
        raise TypeError(f"a cell holds text, a number, a truth value or a date, not {value!r}")
    # A double, as Excel holds a number; a whole one is written without its ".0".
    number = float(value) if isinstance(value, Decimal) or abs(value) > _EXACT else value
    if isinstance(number, float) and not math.isfinite(number):
        raise ValueError(f"{value!r}: no spreadsheet cell holds it")
    if isinstance(number, float) and number.is_integer() and abs(number) < _WHOLE:
        number = int(number)
    return (_serial_date(number, fmt) if is_date_format(fmt) else number), fmt


def _serial_date(number: int | float, fmt: str | None) -> object:
    """A serial number shown by a date (or duration) format, as the reader gives it."""
    from openpyxl.utils.datetime import from_excel

    try:
        return from_excel(number, timedelta=is_duration_format(fmt))
    except (OverflowError, ValueError):
        return "#VALUE!"


def _vet_merges(sheet: Sheet) -> None:
    """ValueError for a reversed merge, or two that overlap (Excel refuses the file)."""
    merges = sorted(sheet.merges)
    for i, (r1, c1, r2, c2) in enumerate(merges):
        if r1 > r2 or c1 > c2 or min(r1, c1) < 1:
            raise ValueError(f"{sheet.name}: {(r1, c1, r2, c2)} is no range to merge")
        for s1, d1, s2, d2 in merges[i + 1:]:
            if s1 <= r2 and r1 <= s2 and d1 <= c2 and c1 <= d2:
                raise ValueError(f"{sheet.name}: merges {ref(r1, c1)}:{ref(r2, c2)} and "
                                 f"{ref(s1, d1)}:{ref(s2, d2)} overlap (Excel refuses it)")


def _vet_names(names: Iterable[str]) -> None:
    """ValueError for a sheet name no workbook can hold (as Excel refuses it)."""
    seen: set[str] = set()
    for name in names:
        if not name or len(name) > 31 or _FORBIDDEN & set(name) or name.casefold() in seen:
            raise ValueError(f"{name!r} cannot name a sheet: 1 to 31 characters, none of "
                             "[]:*?/\\, no two names alike")
        seen.add(name.casefold())


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """The sheets written as an .xlsx file (with openpyxl), to save or to open in Excel."""
    from openpyxl import Workbook  # lazy: only writing a file needs it

    _vet_names([s.name for s in sheets])
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        target = book.create_sheet(sheet.name)
        for (row, col), value in sheet.cells.items():
            target.cell(row, col, value)
        for (row, col), fmt in sheet.formats.items():
            target.cell(row, col).number_format = fmt
        for r1, c1, r2, c2 in sheet.merges:
            target.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()

