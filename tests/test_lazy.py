"""A Pendanaan's whole-number amounts stay in the grid's column arrays (workbook/plain.py) and are
read lazily (model/lazy.py): the plan, the frames and every finding are what reading each cell
into a RawCell and a Quantity gave, and the reading costs its rows, not its cells."""

from __future__ import annotations

import sys
import tempfile
import tracemalloc
import warnings
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renjacheck.engine import check_reading, load_rules
from renjacheck.model.build import read
from renjacheck.model.lazy import (Amounts, RecordRow, figures, maybe_empty,
                                   plain_values)
from renjacheck.model.plan import PendanaanRow
from renjacheck.model.values import Location, Quantity
from renjacheck.workbook.plain import PlainCells
from tests import plans
from tests.strategies import GRAND, budget_layouts, budget_sheet, budget_value, budgets, save

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402

SHEET = "Pendanaan Nasional"
RULES = load_rules()


def _edited_budget(path: Path) -> Path:
    """A generated budget of five satker (C:G, Jumlah in H, items from row 7) with what planners
    write besides whole Rupiah: a fraction, a text figure, a blank, a negative, a percent format,
    a merged amount, a wrong figure, an unreadable one."""
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


def _eager(monkeypatch) -> None:
    """Read every cell as a RawCell, as before plain cells."""
    monkeypatch.setattr(PlainCells, "take", lambda self, grid, row, col, whole=False: False)


def _snapshot(path: Path):
    reading = read(path)
    frames = {kind: ([dict(r) for r in f.records], [dict(loc) for loc in f.locs], list(f.keys),
                     f.scopes) for kind, f in reading.frames.items()}
    found = [(f.rule, f.locations, f.key, f.expected, f.actual, f.args)
             for f in check_reading(reading, RULES)]
    return reading.plan.model_dump(), frames, found


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_any_budget_reads_lazily_as_it_reads_eagerly(data):
    # Random budgets in every layout, amounts written as numbers or as text, some blank, one
    # changed: which cells are plain varies, and nothing read or found may.
    budget = data.draw(budgets(max_items=20), label="budget")
    layout = data.draw(budget_layouts(budget), label="layout")
    key = data.draw(st.sampled_from([GRAND, *range(len(budget.items))]), label="row")
    column = data.draw(st.integers(0, len(budget.satker)), label="column (last: Total)")
    new = data.draw(st.integers(-10**6, budget_value(budget, key, column) + 10**9), label="new")
    sheet, _ = budget_sheet(budget, layout, change=(key, column, new))
    with tempfile.TemporaryDirectory() as folder:
        path = save(Path(folder) / "plan.xlsx", [sheet])
        lazy_view = _snapshot(path)
        with pytest.MonkeyPatch.context() as patch:
            _eager(patch)
            assert _snapshot(path) == lazy_view


@pytest.fixture(scope="module")
def budget(tmp_path_factory) -> Path:
    return _edited_budget(tmp_path_factory.mktemp("lazy") / "budget.xlsx")


# The seed sample and the stacked layout write their amounts as text ("28.710.000"): only their
# Kode, Uraian and total cells are plain, never a satker amount written as text.
@pytest.mark.parametrize(("make", "amounts"), [("budget", True), ("planner", True),
                                               ("seed", False), ("stacked", False)])
def test_a_lazy_reading_is_the_eager_one(make, amounts, budget, tmp_path, monkeypatch):
    path = {"budget": lambda: budget, "seed": lambda: ROOT / "samples" / "banten-2024.xlsx",
            "planner": lambda: plans.planner(tmp_path / "p.xlsx"),
            "stacked": lambda: plans.stacked(tmp_path / "s.xlsx")}[make]()
    lazy_view = _snapshot(path)
    with monkeypatch.context() as patch:
        _eager(patch)
        eager_view = _snapshot(path)
    assert lazy_view == eager_view
    records = read(path).frames["pendanaan"].records
    assert all(type(r) is RecordRow for r in records)  # a row is its own record
    assert any("uraian" in r.plain for r in records)
    assert any("satker:0" in r.plain for r in records) is amounts


def test_the_edited_budget_reports_each_edit_at_its_cell(budget):
    found = {(f.rule, str(loc)) for f in check_reading(read(budget), RULES)
             for loc in f.locations[:1]}
    assert {("TBL002", f"{SHEET}!C13"), ("TBL001", f"{SHEET}!D17"),
            ("PAGU007", f"{SHEET}!F12"), ("PAGU001", f"{SHEET}!H16"),
            ("PAGU001", f"{SHEET}!H10")} <= found
    repeat = openpyxl.load_workbook(budget)[SHEET]["J1"].value
    assert [cell for rule, cell in found if rule == "TBL003"] == [f"{SHEET}!A{repeat}"]


def test_only_whole_unmerged_amounts_are_plain(budget):
    frame = read(budget).frames["pendanaan"]
    by_row = {frame.locs[i]["kode"].row: r for i, r in enumerate(frame.records)}
    assert set(by_row[9].plain) == {"kode", "uraian", "total", *(f"satker:{i}" for i in range(5))}
    # The fraction, the text, the blank, the merge: read as cells; the rest stays plain.
    assert "satker:1" not in by_row[10].plain and "satker:2" not in by_row[11].plain
    assert "satker:3" not in by_row[12].plain
    assert {"satker:1", "satker:2"}.isdisjoint(by_row[15].plain)
    assert {"satker:0", "satker:4"} <= set(by_row[15].plain)
    assert by_row[10]["satker:1"] == Quantity(value=Decimal("1500.50"), decimals=2, text="1.500,50",
                                              loc=Location(sheet=SHEET, row=10, col=4))


def test_a_record_reads_its_plain_cells_as_quantities_in_header_order(budget):
    reading = read(budget)
    frame = reading.frames["pendanaan"]
    at = next(i for i, loc in enumerate(frame.locs) if loc["kode"].row == 14)
    record, locs = frame.records[at], frame.locs[at]
    assert list(record) == list(locs) == ["kode", "uraian", "total", "satker:0", "satker:1",
                                          "satker:2", "satker:3", "satker:4"]
    assert len(record) == 8 and "satker:4" in record and "satker:9" not in record
    assert record.get("satker:9") is None
    value = openpyxl.load_workbook(budget)[SHEET]["G14"].value
    # G14 shows its figure as a percent: a hundredfold, as Excel shows it.
    assert record["satker:4"] == Quantity(
        value=Decimal(value * 100), decimals=0, percent=True, loc=Location(sheet=SHEET, row=14,
                                                                            col=7),
        text=f"{value * 100:,}".replace(",", ".") + "%")
    assert locs["satker:4"] == Location(sheet=SHEET, row=14, col=7)
    row = next(r for r in reading.plan.pendanaan.rows if r.kode and r.kode.loc.row == 14)
    assert isinstance(row.amounts, Amounts) and row.amounts == {
        name: record[f"satker:{i}"] for i, name in enumerate(reading.plan.pendanaan.satker)}
    assert figures(row.amounts)[reading.plan.pendanaan.satker[4]] == value * 100


def test_figures_leave_out_what_is_not_plain_and_give_none_for_decimals(budget):
    reading = read(budget)
    satker = reading.plan.pendanaan.satker
    rows = {r.kode.loc.row: r for r in reading.plan.pendanaan.rows if r.kode}
    assert set(figures(rows[10].amounts)) == set(satker) - {satker[1]}
    assert figures({"a": None}) == {}
    frame = reading.frames["pendanaan"]
    values = plain_values(frame.records, "satker:0")
    at = {frame.locs[i]["kode"].row: v for i, v in enumerate(values)}
    assert at[13] == -5 and at[9] == openpyxl.load_workbook(budget)[SHEET]["C9"].value
    # Blank, text and fraction: the cells a blank-amount rule must look at; plain ones never are.
    assert [s for s, _ in maybe_empty(rows[12].amounts)] == [satker[3]]
    assert [s for s, _ in maybe_empty({"a": None, "b": None})] == ["a", "b"]


def test_a_plan_with_lazy_amounts_dumps_them_as_dicts(budget):
    pendanaan = read(budget).plan.pendanaan
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pydantic warns when a field dumps as another type
        dumped = pendanaan.model_dump()
    eager = pendanaan.model_copy(update={
        "rows": [r.resolved() for r in pendanaan.rows],
        "grand_total": pendanaan.grand_total.resolved()})
    assert type(eager.rows[3]) is PendanaanRow and type(pendanaan.rows[3]) is RecordRow
    assert dumped == eager.model_dump()
    assert type(dumped["rows"][3]["amounts"]) is dict
    assert dumped["rows"][3]["amounts"][pendanaan.satker[0]]["loc"]["row"] == 10
    assert dumped["grand_total"]["amounts"][pendanaan.satker[0]]["loc"]["row"] == 6


def test_reading_a_budget_costs_its_rows_not_its_cells(tmp_path):
    # 2,000 rows x 40 satker: read cell by cell, some 400 bytes an amount (32 MB); lazily, the
    # rows and the column arrays the amounts already sit in (5 bytes an amount, with its style).
    # Measured: 16 bytes an amount held, 18 at the peak (30 and 73 before the grid's arrays
    # were 32-bit and the row index was built without an array a row).
    path = generate.budget(tmp_path / "b.xlsx", rows=2_000, satker=40)
    tracemalloc.start()
    try:
        reading = read(path)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    cells = len(reading.plan.pendanaan.rows) * 40
    assert held / cells < 22, f"{held / cells:.0f} bytes an amount"
    assert peak / cells < 25, f"{peak / cells:.0f} bytes an amount at the peak"
