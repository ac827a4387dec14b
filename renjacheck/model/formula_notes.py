"""The reader's notes on formulas (workbook/calc.py): those left uncalculated, one note a sheet
naming its cells as ranges (READ003), and each cell whose cached value is not what its formula
gives, as the cell's format shows both (READ008)."""

from __future__ import annotations

from collections.abc import Iterable

from renjacheck.model.plan import Note
from renjacheck.tables.parse import shown
from renjacheck.values import Location, Quantity
from renjacheck.workbook.grid import Grid

_LISTED = 10  # ranges a message names; the count says how many cells in all


def formula_notes(grid: Grid) -> list[Note]:
    """The notes on the sheet's formulas: uncalculated ones, then stale cached values."""
    notes = []
    if grid.uncalculated:
        boxes = cell_ranges(grid.uncalculated)
        locations = tuple(Location(sheet=grid.name, row=r1, col=c1, end_row=r2, end_col=c2)
                          for r1, c1, r2, c2 in boxes)
        cells = ", ".join(loc.cell for loc in locations[:_LISTED])
        notes.append(Note("uncalculated_formula", locations, {
            "sheet": grid.name, "count": len(grid.uncalculated),
            "cells": cells + (", ..." if len(locations) > _LISTED else ""),
            "functions": ", ".join(sorted(grid.unsupported)) or "-"}))
    for (row, col), (cached, calculated) in sorted(grid.stale.items()):
        fmt = grid.number_format(row, col)
        found, expected = _as_shown(cached, fmt, row, col, grid), \
            _as_shown(calculated, fmt, row, col, grid)
        if _text(found) == _text(expected):
            continue  # the same figure as the cell's format prints it
        loc = grid.location(row, col)
        notes.append(Note("stale_formula", (loc,), {
            "sheet": grid.name, "cell": loc.cell, "formula": "=" + (grid.formulas.text(row, col)
                                                                   or ""),
            "found": found, "expected": expected}))
    return notes


def cell_ranges(cells: Iterable[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """(row, col) cells as few rectangles (first row, first col, last row, last col), in
    reading order: runs down each column, side by side runs of the same rows joined."""
    by_col: dict[int, list[int]] = {}
    for row, col in cells:
        by_col.setdefault(col, []).append(row)
    runs = []  # (first row, last row, col)
    for col, rows in by_col.items():
        rows.sort()
        first = last = rows[0]
        for row in rows[1:]:
            if row != last + 1:
                runs.append((first, last, col))
                first = row
            last = row
        runs.append((first, last, col))
    runs.sort()
    boxes: list[list[int]] = []
    for first, last, col in runs:
        box = boxes[-1] if boxes else None
        if box is not None and (box[0], box[2], box[3] + 1) == (first, last, col):
            box[3] = col
        else:
            boxes.append([first, col, last, col])
    return sorted(tuple(box) for box in boxes)  # type: ignore[misc]


def _as_shown(value: object, fmt: str, row: int, col: int, grid: Grid) -> object:
    """A number as its cell's format prints it (a Quantity); anything else as it is."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number, decimals, text, percent = shown(value, fmt)
        return Quantity(value=number, decimals=decimals, loc=grid.location(row, col), text=text,
                        percent=percent)
    return value


def _text(value: object) -> object:
    return value.text if isinstance(value, Quantity) else value
