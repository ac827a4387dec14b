"""The one table model: a table keeps the sheet's cells where the reader put them (column arrays
and lists) and reads a value from its cell when asked for. The plan and every finding are what
reading every cell of every table into an object first gives (`EagerCells`), on random budgets
in every layout, on the samples, on other layouts and on a budget with what planners write
besides whole Rupiah; and the reading costs a table's rows, not its cells."""

from __future__ import annotations

import sys
import tempfile
import tracemalloc
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renjacheck.engine import check_plan, load_rules
from renjacheck.model.build import read
from renjacheck.tables.pendanaan import PENDANAAN
from renjacheck.tables.table import Table
from renjacheck.testing import (GRAND, budget_layouts, budget_sheet, budget_value,
                                consistent_budget)
from renjacheck.values import Location, Quantity
from renjacheck.workbook.grid import RawCell
from tests import plans
from tests.dump import dump
from tests.strategies import save

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402

SHEET = "Pendanaan Nasional"
RULES = load_rules()


class EagerCells:
    """A table's cells each read into a RawCell when the table is made, and every value read
    from those objects: the plain way, which the column arrays and `whole` must equal."""

    def __init__(self, grid, first_row: int, last_row: int, first_col: int, last_col: int):
        self.name, self.grid = grid.name, grid
        self.cells = {(r, c): grid.cell(r, c) for r in range(first_row, last_row + 1)
                      for c in range(first_col, last_col + 1)}

    def cell(self, row: int, col: int) -> RawCell:
        return self.cells[row, col]

    def shown(self, row: int, col: int) -> object:
        return self.cells[row, col].value

    def location(self, row: int, col: int) -> Location:
        return self.cells[row, col].loc

    def column_values(self, col: int, rows) -> list:
        return [self.cells[row, col].value for row in rows]

    def wholes(self, row: int, cols) -> list[None]:
        return [None] * len(cols)  # no fast path: every sum goes through values and intervals


def _eager(monkeypatch) -> None:
    """Make every table read its cells into objects first."""
    made = Table.__init__

    def eager(self, parts):
        parts.cells = EagerCells(parts.cells, parts.first_row, parts.last_row,
                                 parts.first_col, parts.last_col)
        made(self, parts)

    monkeypatch.setattr(Table, "__init__", eager)


def _snapshot(path: Path):
    plan = read(path)
    records = {name: [(table.record(i), table.locations(i), table.key(i))
                      for i in range(len(table))]
               for name, table in plan.tables.items() if name != "identitas"}
    found = [(f.rule, f.locations, f.key, f.expected, f.actual, f.args)
             for f in check_plan(plan, RULES)]
    return dump(plan), records, found


def _edited_budget(path: Path) -> Path:
    """A generated budget of five satker (C:G, Jumlah in H, items from row 7) with what planners
    write besides whole Rupiah: a fraction, a text figure, a blank, a negative, a percent format,
    a merged amount, a wrong figure, an unreadable one, and a code repeated under its parent."""
    generate.budget(path, rows=120, satker=5)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    sheet["D10"] = 1500.5
    sheet["D10"].number_format = "#,##0.00"
    sheet["E11"] = "1.000.000"
    sheet["F12"] = None
    sheet["C13"] = -5
    sheet["G14"].number_format = "0%"
    sheet.merge_cells("D15:E15")
    sheet["C16"] = sheet["C16"].value + 1
    sheet["D17"] = "abc"
    # An akun code repeated under the same parent: TBL003, found by the code's scope.
    row = next(r for r in range(20, sheet.max_row) if len(str(sheet[f"A{r}"].value)) == 6
               and len(str(sheet[f"A{r + 1}"].value)) == 6)
    sheet[f"A{row + 1}"] = sheet[f"A{row}"].value
    sheet["J1"] = row + 1  # where the repeat is, for the test (outside the table)
    book.save(path)
    return path


@pytest.fixture(scope="module")
def budget(tmp_path_factory) -> Path:
    return _edited_budget(tmp_path_factory.mktemp("model") / "budget.xlsx")


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_any_budget_reads_as_it_reads_cell_by_cell(data):
    # Random budgets in every layout, amounts written as numbers or as text, some blank, one
    # changed: nothing read or found may depend on how the cells are held.
    budget = data.draw(consistent_budget(max_items=20), label="budget")
    layout = data.draw(budget_layouts(budget), label="layout")
    key = data.draw(st.sampled_from([GRAND, *range(len(budget.items))]), label="row")
    column = data.draw(st.integers(0, len(budget.satker)), label="column (last: Total)")
    new = data.draw(st.integers(-10**6, budget_value(budget, key, column) + 10**9), label="new")
    sheet, _ = budget_sheet(budget, layout, change=(key, column, new))
    with tempfile.TemporaryDirectory() as folder:
        path = save(Path(folder) / "plan.xlsx", [sheet])
        held = _snapshot(path)
        with pytest.MonkeyPatch.context() as patch:
            _eager(patch)
            assert _snapshot(path) == held


@pytest.mark.parametrize("make", ["budget", "seed", "repaired", "planner", "stacked",
                                  "template"])
def test_a_plan_reads_as_it_reads_cell_by_cell(make, budget, tmp_path, monkeypatch):
    path = {"budget": lambda: budget,
            "seed": lambda: ROOT / "samples" / "banten-2024.xlsx",
            "repaired": lambda: ROOT / "samples" / "banten-2024-perbaikan.xlsx",
            "planner": lambda: plans.planner(tmp_path / "p.xlsx"),
            "stacked": lambda: plans.stacked(tmp_path / "s.xlsx"),
            "template": lambda: plans.template(tmp_path / "t.xlsx")}[make]()
    held = _snapshot(path)
    with monkeypatch.context() as patch:
        _eager(patch)
        assert _snapshot(path) == held
    assert held[2], "every one of these plans has findings to compare"


def test_the_edited_budget_reports_each_edit_at_its_cell(budget):
    found = {(f.rule, str(loc)) for f in check_plan(read(budget), RULES)
             for loc in f.locations[:1]}
    assert {("TBL002", f"{SHEET}!C13"), ("TBL001", f"{SHEET}!D17"),
            ("PAGU007", f"{SHEET}!F12"), ("PAGU001", f"{SHEET}!H16"),
            ("PAGU001", f"{SHEET}!H10")} <= found
    repeat = openpyxl.load_workbook(budget)[SHEET]["J1"].value
    assert [cell for rule, cell in found if rule == "TBL003"] == [f"{SHEET}!A{repeat}"]


def test_whole_reads_only_whole_unmerged_amounts_shown_without_decimals(budget):
    pendanaan = read(budget).get(PENDANAAN)
    grid = pendanaan.cells
    raw = openpyxl.load_workbook(budget)[SHEET]
    # The fraction, the text, the blank, the merge: read as values; whole numbers from arrays.
    assert [grid.whole(row, col) for row, col in ((10, 4), (11, 5), (12, 6), (15, 4), (15, 5))] \
        == [None] * 5
    assert grid.whole(9, 3) == raw["C9"].value and grid.whole(13, 3) == -5
    # G14 shows its figure as a percent: a hundredfold, as Excel shows it.
    assert grid.whole(14, 7) == raw["G14"].value * 100
    at = next(i for i in range(len(pendanaan)) if pendanaan.sheet_rows[i] == 10)
    assert pendanaan.figures(at)[1] is None  # 1.500,50: not a whole number of Rupiah
    assert pendanaan.value(at, "satker:1") == Quantity(
        value=Decimal("1500.50"), decimals=2, text="1.500,50",
        loc=Location(sheet=SHEET, row=10, col=4))


def test_a_record_reads_its_cells_in_header_order(budget):
    pendanaan = read(budget).get(PENDANAAN)
    at = next(i for i in range(len(pendanaan)) if pendanaan.sheet_rows[i] == 14)
    record, locs = pendanaan.record(at), pendanaan.locations(at)
    assert list(record) == list(locs) == ["kode", "uraian", "total", "satker:0", "satker:1",
                                          "satker:2", "satker:3", "satker:4"]
    value = openpyxl.load_workbook(budget)[SHEET]["G14"].value
    assert record["satker:4"] == Quantity(
        value=Decimal(value * 100), decimals=0, percent=True,
        loc=Location(sheet=SHEET, row=14, col=7),
        text=f"{value * 100:,}".replace(",", ".") + "%")
    assert locs["satker:4"] == Location(sheet=SHEET, row=14, col=7)
    row = pendanaan.Row(pendanaan, at)
    assert dict(row.amounts) == {
        name: record[f"satker:{i}"] for i, name in enumerate(pendanaan.satker)}
    assert pendanaan.figures(at)[4] == value * 100


def test_reading_a_budget_costs_its_rows_not_its_cells(tmp_path):
    # 2,000 rows x 40 satker: read cell by cell, some 400 bytes an amount (32 MB); as a table
    # of indices over the column arrays the amounts already sit in (5 bytes an amount, with its
    # style), and a few bytes a row. Measured: 8.4 bytes an amount held, 13 at the peak (16 and
    # 18 when a Pendanaan row was an object of its own and its amounts a "plain" column store).
    path = generate.budget(tmp_path / "b.xlsx", rows=2_000, satker=40)
    tracemalloc.start()
    try:
        plan = read(path)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    cells = len(plan.get(PENDANAAN).items) * 40
    assert held / cells < 11, f"{held / cells:.0f} bytes an amount"
    assert peak / cells < 16, f"{peak / cells:.0f} bytes an amount at the peak"
