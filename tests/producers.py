"""The same plan written by several programs, and the cells each reader reads from a file.

A plan is read from a workbook with openpyxl (`plan_of`: values, number formats, merges), and
written again by openpyxl, xlsxwriter (normal and constant_memory), pyexcelerate and pandas,
each as its users write with it: number formats per cell, merges, dates as dates.
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries


@dataclass
class Sheet:
    """A sheet's cells by (row, col), their number formats (General left out), its merges."""

    cells: dict[tuple[int, int], object] = field(default_factory=dict)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[str] = field(default_factory=list)


Plan = dict[str, Sheet]


def plan_of(path: Path) -> Plan:
    """The sheets of a workbook as openpyxl reads them (cached values, not formulas)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path, data_only=True)
    plan = {}
    for ws in book.worksheets:
        sheet = plan[ws.title] = Sheet(merges=[str(r) for r in ws.merged_cells.ranges])
        for (row, col), cell in ws._cells.items():
            if cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
                continue
            sheet.cells[row, col] = cell.value
            if cell.number_format != "General":
                sheet.formats[row, col] = cell.number_format
    return plan


def uji() -> Sheet:
    """A small sheet of every kind of value a producer writes differently: whole numbers past
    32 bits, fractions, a percentage, dates and a time of day, booleans, text in several scripts
    with spaces and line breaks, XML's own characters, and a merge."""
    rows = [["Jenis", "Nilai", "Catatan"],
            ["bulat", 1_250_000_000, -42],
            ["besar", 9_007_199_254_740_000, 2_147_483_648],
            ["pecahan", 0.1, 123456.789],
            ["persen", 0.87185, 1.5],
            ["tanggal", dt.datetime(2024, 1, 5), dt.datetime(2023, 12, 31, 10, 30)],
            ["logika", True, False],
            ["teks", "Tahun Anggaran — ½ ✓ 日本語 📅", "  spasi di tepi  "],
            ["baris", "baris satu\nbaris dua", "a < b & c > d \"kutip\" 'tunggal'"],
            ["gabung", "sel gabungan", None]]
    sheet = Sheet(merges=["B10:C11"])
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                sheet.cells[r, c] = value
    sheet.formats.update({(2, 2): "#,##0", (4, 3): "#,##0.00", (5, 2): "0.00%", (5, 3): "0%",
                          (6, 2): "yyyy-mm-dd", (6, 3): "dd/mm/yyyy hh:mm"})
    return sheet


def _rows(sheet: Sheet) -> list[list[object]]:
    height = max((r for r, _ in sheet.cells), default=0)
    width = max((c for _, c in sheet.cells), default=0)
    return [[sheet.cells.get((r, c)) for c in range(1, width + 1)] for r in range(1, height + 1)]


def by_openpyxl(plan: Plan, path: Path) -> Path:
    """The plan written by openpyxl."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, sheet in plan.items():
        ws = book.create_sheet(name)
        for (row, col), value in sheet.cells.items():
            ws.cell(row, col, value).number_format = sheet.formats.get((row, col), "General")
        for ref in sheet.merges:
            ws.merge_cells(ref)
    book.save(path)
    return path


def by_xlsxwriter(plan: Plan, path: Path, constant_memory: bool = False) -> Path:
    """The plan written by xlsxwriter, row by row (as constant_memory requires)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": constant_memory,
                                           "strings_to_numbers": False,
                                           "strings_to_formulas": False})
    formats: dict[str, object] = {}

    def fmt(code: str | None):
        if code is None:
            return None
        return formats.setdefault(code, book.add_format({"num_format": code}))

    for name, sheet in plan.items():
        ws = book.add_worksheet(name)
        for (row, col), value in sorted(sheet.cells.items()):
            ws.write(row - 1, col - 1, value, fmt(sheet.formats.get((row, col))))
        for ref in sheet.merges:
            c1, r1, c2, r2 = range_boundaries(ref)
            # Its first cell is written above; merge_range would write the covered cells, which
            # constant_memory has flushed already, so the merge alone is recorded, as
            # merge_range records it.
            ws.merge.append([r1 - 1, c1 - 1, r2 - 1, c2 - 1])
    book.close()
    return path


def by_pyexcelerate(plan: Plan, path: Path) -> Path:
    """The plan written by pyexcelerate: a sheet's rows at once, then styles and merges."""
    from pyexcelerate import Format, Style, Workbook

    book = Workbook()
    for name, sheet in plan.items():
        ws = book.new_sheet(name, data=_rows(sheet))
        for (row, col), code in sheet.formats.items():
            ws.set_cell_style(row, col, Style(format=Format(code)))
        for ref in sheet.merges:
            first, last = ref.split(":")
            ws.range(first, last).merge()
    book.save(str(path))
    return path


def by_pandas(plan: Plan, path: Path) -> Path:
    """The plan written by pandas: each sheet a DataFrame with no header and no index, its
    number formats through a Styler (`number-format`), its merges through the writer's sheet."""
    import pandas as pd

    with pd.ExcelWriter(path, engine="xlsxwriter") as writer:
        for name, sheet in plan.items():
            frame = pd.DataFrame(_rows(sheet), dtype=object)
            styles = pd.DataFrame("", index=frame.index, columns=frame.columns)
            for (row, col), code in sheet.formats.items():
                styles.iat[row - 1, col - 1] = f"number-format: {code}"
            frame.style.apply(lambda _f, styles=styles: styles, axis=None).to_excel(
                writer, sheet_name=name, header=False, index=False)
            ws = writer.sheets[name]
            for ref in sheet.merges:
                c1, r1, c2, r2 = range_boundaries(ref)
                ws.merge.append([r1 - 1, c1 - 1, r2 - 1, c2 - 1])
    return path


PRODUCERS = {
    "openpyxl": by_openpyxl,
    "xlsxwriter": by_xlsxwriter,
    "xlsxwriter-constant-memory": lambda plan, path: by_xlsxwriter(plan, path, True),
    "pyexcelerate": by_pyexcelerate,
    "pandas": by_pandas,
}


def renjacheck_cells(path: Path) -> dict[str, dict[tuple[int, int], object]]:
    """Sheet -> (row, col) -> value, as renjacheck reads the workbook."""
    from renjacheck.workbook.grid import load

    return {grid.name: dict(grid.values.items()) for grid in load(path)}


def renjacheck_formats(path: Path) -> dict[str, dict[tuple[int, int], str]]:
    """Sheet -> (row, col) -> number format of each cell that shows something, General left
    out, as renjacheck reads them."""
    from renjacheck.workbook.grid import load

    return {g.name: {k: f for k, f in g.formats.items() if k in g.values} for g in load(path)}


def openpyxl_cells(path: Path) -> dict[str, dict[tuple[int, int], object]]:
    """Sheet -> (row, col) -> value, as openpyxl reads the workbook (data_only)."""
    return {name: sheet.cells for name, sheet in plan_of(path).items()}


def letters(cells: dict[tuple[int, int], object]) -> dict[str, object]:
    """The cells keyed `A1`, for readable failures."""
    return {f"{get_column_letter(c)}{r}": v for (r, c), v in sorted(cells.items())}
