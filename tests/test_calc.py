"""Formulas a program wrote without their values are calculated as Excel shows them
(renjacheck/workbook/calc.py), each compiled once for its pattern (formularefs.py); those it
cannot calculate stay READ003, named as ranges; a cached value its formula does not give is
READ008 at its cell."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from renjacheck.engine import Setup, check_file, load_rules
from renjacheck.model.formula_notes import cell_ranges
from renjacheck.workbook.formularefs import parse
from renjacheck.workbook.grid import load
from tests import plans
from tests.test_template import _fill, _planned
from tests.xlsx import add_cached_values, block, write

ROOT = Path(__file__).resolve().parent.parent


def _grids(path: Path) -> dict:
    return {grid.name: grid for grid in load(path)}


def test_references_functions_and_names_of_a_formula():
    parsed = parse("IF(A1=\"B2\",'Realisasi Anggaran'!$C$3+Capaian!E3,SUM(C:D)+LOG10(4:4))"
                   "+TRUE", 7, 6)
    assert [(r.sheet, r.corners, r.fixed) for r in parsed.refs] == [
        ("", (1, 1, 1, 1), (False,) * 4),
        ("Realisasi Anggaran", (3, 3, 3, 3), (True,) * 4),
        ("Capaian", (3, 5, 3, 5), (False,) * 4),
        ("", (1, 3, 1_048_576, 4), (True, False, True, False)),
        ("", (4, 1, 4, 16_384), (False, True, False, True))]
    assert (parsed.functions, parsed.names) == ({"IF", "SUM", "LOG10"}, {"TRUE"})


def test_a_formula_filled_down_or_across_has_one_pattern():
    def pattern(text, row, col):
        return parse(text, row, col).pattern

    assert pattern("SUM(C4:E4)*$B$1", 4, 6) == pattern("SUM(C5:E5)*$B$1", 5, 6)
    assert pattern("SUM(C4:E4)", 4, 6) != pattern("SUM(C4:E4)", 5, 6)  # fixed, not filled
    assert pattern("$A4+B$2", 4, 3) == pattern("$A9+C$2", 9, 4)
    assert pattern("A4", 4, 2) != pattern("Other!A4", 4, 2)


def test_cells_are_named_as_few_ranges():
    cells = {(r, 5) for r in range(2, 41)} | {(r, 6) for r in range(2, 41)} | {(3, 3), (3, 4),
                                                                              (7, 3), (9, 3)}
    assert cell_ranges(cells) == [(2, 5, 40, 6), (3, 3, 3, 4), (7, 3, 7, 3), (9, 3, 9, 3)]


def test_sums_rounding_conditions_and_references_across_sheets(tmp_path):
    path = write(tmp_path / "f.xlsx", {
        "Pagu": {"A1": "3247", "B1": 100_000_000, "A2": "3251", "B2": 25_000_000,
                 "A3": "5212", "B3": 7, "C1": 0.1, "C2": 0.2},
        "Hitung": {"A1": "=SUM(Pagu!B1:B3)", "A2": '=SUMIF(Pagu!A1:A3,"32*",Pagu!B1:B3)',
                   "A3": "=ROUND(2.675,2)", "A4": "=ROUND(-2.5,0)", "A5": "=Pagu!C1+Pagu!C2",
                   "A6": "=1/0", "A7": '=IFERROR(1/0,"n/a")', "A8": '=IF(A1>0,"","x")',
                   "A9": "=A1/3", "A10": '=COUNTA(Pagu!A1:C3)+COUNT(Pagu!A1:C3)',
                   "A11": "=SUMPRODUCT(--(LEN(TRIM(Pagu!A1:A3))=4),Pagu!B1:B3)",
                   "A12": "=SUM(Pagu!B:B)", "A13": "=AND(A1>0,OR(A2<0,TRUE))*10%"}})
    grid = _grids(path)["Hitung"]
    assert [grid.values.get((r, 1)) for r in range(1, 14)] == [
        125_000_007, 125_000_000, 2.68, -3, 0.3, "#DIV/0!", "n/a", None, 41666669,
        8 + 5, 125_000_007, 125_000_007, 0.1]
    assert grid.uncalculated == set()
    assert type(grid.values.get((1, 1))) is int  # Rupiah stay exact


def test_a_formula_filled_down_reads_each_rows_cells(tmp_path):
    rows = 600
    cells = {"E1": 1000}
    for r in range(2, rows + 2):
        cells |= {f"A{r}": r, f"B{r}": 2 * r, f"C{r}": f"=A{r}+B{r}*$E$1",
                  f"D{r}": f"=C{r}-A{r}+D{r - 1}" if r > 2 else f"=C{r}-A{r}"}
    cells[f"F{rows + 2}"] = f"=SUM(C2:C{rows + 1})"
    # One address that moves two ways when filled: compiled for each cell, still right.
    cells |= {"G5": "=A5+$A$5", "G6": "=A6+$A$5"}
    grid = _grids(write(tmp_path / "down.xlsx", {"S": cells}))["S"]
    assert [grid.values.get((r, 3)) for r in (2, 3, rows + 1)] == [4002, 6003, (rows + 1) * 2001]
    assert grid.values.get((rows + 1, 4)) == sum(2000 * r for r in range(2, rows + 2))
    assert grid.values.get((rows + 2, 6)) == sum(2001 * r for r in range(2, rows + 2))
    assert (grid.values.get((5, 7)), grid.values.get((6, 7))) == (10, 11)


def _shared(path: Path) -> Path:
    """The sheet's E2:E4 written as Excel writes a formula filled down: once, shared."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    xml = xml.replace(b"<f>SUM(C2:D2)</f>", b'<f t="shared" ref="E2:E4" si="0">SUM(C2:D2)</f>')
    xml = re.sub(rb"<f>SUM\(C[34]:D[34]\)</f>", b'<f t="shared" si="0"/>', xml)
    parts["xl/worksheets/sheet1.xml"] = xml
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_a_shared_formula_is_calculated_in_each_cell(tmp_path):
    cells = {f"{c}{r}": v for r in (2, 3, 4) for c, v in (("C", r), ("D", 10 * r),
                                                         ("E", f"=SUM(C{r}:D{r})"))}
    grid = _grids(_shared(write(tmp_path / "shared.xlsx", {"S": cells})))["S"]
    assert [grid.formulas.text(r, 5) for r in (2, 3, 4)] == ["SUM(C2:D2)", "SUM(C3:D3)",
                                                             "SUM(C4:D4)"]
    assert [grid.values.get((r, 5)) for r in (2, 3, 4)] == [22, 33, 44]


def test_a_calculated_value_keeps_its_cells_format(tmp_path):
    path = write(tmp_path / "f.xlsx", {"S": {"A1": 3, "B1": 4, "C1": "=A1/B1",
                                             "D1": "=A1*100000"}},
                 formats={"S": {"C1": "0.00%", "D1": "#,##0"}})
    grid = _grids(path)["S"]
    assert [(grid.values.get((1, c)), grid.number_format(1, c)) for c in (3, 4)] == [
        (0.75, "0.00%"), (300000, "#,##0")]


@pytest.mark.parametrize("formula, functions", [
    ("=VLOOKUP(A2,A2:C4,3,FALSE)", "VLOOKUP"),  # a function plans do not use
    ("=Other!A1+1", "-"),  # a sheet the workbook lacks
    ("=D3+1", "-"),  # a circle: D3 reads D2
    ("=Pagu+1", "PAGU"),  # a defined name
    ("=[1]Pagu!B2+1", "["),  # another workbook
    ("=-C2^2", "-^"),  # Excel's 25, pycel's -25
])
def test_what_cannot_be_calculated_stays_read003(tmp_path, formula, functions):
    path = write(tmp_path / "f.xlsx", {"P": block("A1", [
        ["Kode", "Uraian", "A", "Total"], ["3247", "Advokasi", 5, formula],
        ["3251", "Intelijen", 6, "=D2*2"], ["3236", "Pembinaan", 7, "=D3+C4"]])})
    grid = _grids(path)["P"]
    assert (grid.uncalculated, sorted(grid.unsupported)) == (
        {(2, 4), (3, 4), (4, 4)}, [] if functions == "-" else [functions])
    (finding,) = [f for f in check_file(path, Setup(rules=load_rules())).findings
                  if f.rule == "READ003"]
    assert (str(finding.locations[0]), finding.message("en")) == (
        "P!D2:D4", f"3 formulas on sheet P were never calculated and renjacheck cannot "
        f"calculate them (D2:D4; functions it does not calculate: {functions}); their values "
        f"are not read as 0")


def test_a_template_filled_by_a_script_and_saved_with_one_stale_value(monkeypatch, capsys,
                                                                       tmp_path):
    """The Pendanaan's totals carry cached values, one of them left from before its satker
    amounts changed: READ008 at that cell (expected what its formula gives, found what it
    shows), and the rules read the figure the file shows."""
    path = _fill(_planned(monkeypatch, capsys, tmp_path), values=False)
    # Sheet 3 is the Pendanaan (after the instructions and the identity).
    assert openpyxl.load_workbook(path).sheetnames[2] == "Pendanaan"
    add_cached_values(path, 3, {"F4": 150_000_000, "F5": 30_000_000, "F6": 1_300_000_000})
    findings = check_file(path, Setup(rules=load_rules())).findings
    found = [(f.rule, str(f.locations[0]), getattr(f.expected, "value", f.expected),
              getattr(f.actual, "value", f.actual)) for f in findings
             if f.rule in ("READ008", "PAGU001")]
    # One mistake, one finding: the TOTAL PAGU its formula carries up is its consequence.
    assert found == [("PAGU001", "Pendanaan!F5", 25_000_000, Decimal(30_000_000)),
                     ("READ008", "Pendanaan!F5", Decimal(25_000_000), Decimal(30_000_000))]
    stale = next(f for f in findings if f.rule == "READ008")
    assert stale.message("id") == (
        "Sel Pendanaan!F5 menampilkan 30.000.000, tetapi rumusnya =IF(COUNT(C5:E5)=0,\"\","
        "SUM(C5:E5)) memberi 25.000.000: berkas disimpan tanpa dihitung ulang")
    assert plans.GRAND[-1] == "1.475.000.000"


def _recalculated_by_a_spreadsheet(path: Path) -> Path:
    """The workbook as Excel or LibreOffice saves it: no request to recalculate when opened."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    parts["xl/workbook.xml"] = re.sub(rb'\s*fullCalcOnLoad="1"', b"", parts["xl/workbook.xml"])
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_cached_values_a_spreadsheet_calculated_are_not_compared_nor_pycel_loaded(tmp_path):
    """Comparing costs loading pycel (half a second): only where the workbook asks to be
    recalculated when opened, or has formulas to calculate anyway."""
    path = write(tmp_path / "saved.xlsx", {"S": {"A1": 5, "B1": "=A1*2"}})
    add_cached_values(path, 1, {"B1": 99})
    assert _grids(path)["S"].stale == {(1, 2): (99, 10)}  # openpyxl asks to recalculate
    _recalculated_by_a_spreadsheet(path)
    probe = ("import sys; from pathlib import Path; from renjacheck.workbook.grid import load; "
             f"(grid,) = load(Path({str(path)!r})); "
             "print(grid.stale, grid.values.get((1, 2)), 'pycel' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.split() == ["{}", "99", "False"]


def test_formulas_xlsxwriter_cached_as_zero_are_found_at_their_cells(tmp_path):
    """xlsxwriter caches 0 for every formula and asks Excel to recalculate when opening: each
    total shows 0 where its formula gives the sum (READ008), read as the 0 the file holds."""
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "xw.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Pendanaan")
    rows = [["Kode", "Uraian", "PROV", "KOTA", "Total"], ["3247", "Advokasi", 100, 50, None],
            ["3251", "Intelijen", 20, 5, None]]
    for r, row in enumerate(rows):
        sheet.write_row(r, 0, row)
    for r in (2, 3):
        sheet.write_formula(f"E{r}", f"=SUM(C{r}:D{r})")
    book.close()
    findings = check_file(path, Setup(rules=load_rules())).findings
    assert [(f.rule, str(f.locations[0]), _plain(f.expected), _plain(f.actual)) for f in findings
            if f.rule in ("READ008", "PAGU001")] == [
        ("PAGU001", "Pendanaan!E2", 150, 0), ("READ008", "Pendanaan!E2", 150, 0),
        ("PAGU001", "Pendanaan!E3", 25, 0), ("READ008", "Pendanaan!E3", 25, 0)]


def _plain(value):
    return getattr(value, "value", value)


def test_long_chains_of_formulas_up_and_down(tmp_path):
    """A running balance reads the row above, a total the subtotal below it, 3,000 deep each:
    every one calculated, whichever way the chain runs, in time."""
    cells = {"A3000": 1, "B1": 1}
    for r in range(1, 3000):
        cells[f"A{r}"] = f"=A{r + 1}+1"  # down: A1 waits on A2, ..., A399 on A400
        cells[f"B{r + 1}"] = f"=B{r}+1"  # up
    path = write(tmp_path / "chain.xlsx", {"S": cells})
    start = time.perf_counter()
    grid = _grids(path)["S"]
    assert (grid.values.get((1, 1)), grid.values.get((3000, 2)), grid.uncalculated) == (
        3000, 3000, set())
    assert time.perf_counter() - start < 10  # linear: about a second
