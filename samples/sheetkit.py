"""What every sample builder shares: writing a cell and a merge, saving a workbook so that a
rebuild is byte for byte the same, describing a workbook for comparison, and the one error a
build stops with. build.py (the seed's samples) and otherhands.py (the corpus) both use it;
neither imports the other's writing."""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.writer.excel import ExcelWriter

STAMP = datetime.datetime(2024, 1, 2, 0, 0, 0)
ZIP_DATE = (2024, 1, 1, 0, 0, 0)


class BuildError(Exception):
    """A source or a patch that cannot be built; the message says which and why."""


def put(ws, row: int, col: int, value, bold: bool = False, fmt: str | None = None) -> None:
    """Writes a value (a plain one, or {v: value, fmt: number format}); None and "" leave the
    cell empty."""
    if isinstance(value, dict):
        value, fmt = value["v"], value.get("fmt")
    if value is None or value == "":
        return
    cell = ws.cell(row=row, column=col, value=value)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    cell.font = Font(bold=bold)
    if fmt:
        cell.number_format = fmt


def merge(ws, r1: int, c1: int, r2: int, c2: int) -> None:
    """Merges the range, unless it is one cell."""
    if (r1, c1) != (r2, c2):
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


def save(wb: Workbook, path: Path) -> Path:
    """Saves with fixed properties, then rewrites the zip with fixed entry dates and order."""
    wb.properties.creator = "renjacheck samples"
    wb.properties.created = wb.properties.modified = STAMP
    raw, out = io.BytesIO(), io.BytesIO()
    # Not wb.save(): that stamps the modification time with "now".
    ExcelWriter(wb, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 0, 0
            dst.writestr(info, src.read(name))
    path.write_bytes(out.getvalue())
    return path


def dump_workbook(path: Path) -> list:
    """A plain, JSON-able description of a workbook: per sheet in order {"sheet": name, "merged":
    ranges sorted by (first row, first column), "cells": every non-empty cell row by row as
    [coordinate, python type name, str(value), number_format]}."""
    out = []
    for ws in load_workbook(path).worksheets:
        ranges = sorted(ws.merged_cells.ranges,
                        key=lambda m: (m.min_row, m.min_col, m.max_row, m.max_col))
        cells = [[c.coordinate, type(c.value).__name__, str(c.value), c.number_format]
                 for row in ws.iter_rows() for c in row if c.value is not None]
        out.append({"sheet": ws.title, "merged": [m.coord for m in ranges], "cells": cells})
    return out
