"""The Python API (issue 16): a plan read or built in memory is checked as the command line
checks a workbook, table rules included; the sheets built in memory read as the workbook file
holding them reads; the package is typed, every package has its `__init__.py`, and the API is
loaded only when used."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import renjacheck
from renjacheck.api.sheets import Sheet, grid, workbook_bytes
from renjacheck.config import ConfigError
from renjacheck.engine import check_files
from renjacheck.workbook.formats import is_date_format
from renjacheck.workbook.grid import load
from tests.strategies import fuzz_books

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "banten-2024.xlsx"
SATKER = ["PROV", "KOTA A"]


def negative_budget() -> renjacheck.PlanBuilder:
    """A Pendanaan whose one kegiatan holds a negative amount, every sum right."""
    return renjacheck.PlanBuilder(unit="BNN Provinsi Contoh", year=2024).pendanaan([
        {"uraian": "TOTAL PAGU", "satker": [100_000_000, -5_000_000], "total": 95_000_000},
        {"kode": "3247", "uraian": "Penyelenggaraan Advokasi", "satker": [100_000_000, -5_000_000],
         "total": 95_000_000},
    ], SATKER)


# ---- checking a plan in memory --------------------------------------------------------------

def test_a_negative_amount_in_memory_is_found_by_the_table_rules(tmp_path):
    builder = negative_budget()
    result = renjacheck.check(builder)
    assert builder.cell("pendanaan", 1, "satker:1") == "Pendanaan!D3"
    # Every table rule ran on the Pendanaan (the schema checks are not skipped), and TBL002 is
    # at both negative cells: not only READ001 for the tables the plan lacks.
    assert {"TBL001", "TBL002", "TBL003", "TBL004", "PAGU001", "PAGU002"} <= result.report.ran
    assert result.places("TBL002", "PAGU001", "PAGU002", "PAGU003") == [
        ("TBL002", "Pendanaan!D2"), ("TBL002", "Pendanaan!D3")]
    assert result.exit_code == 1
    # The same plan as a Plan object, and as the workbook file the command line reads.
    assert renjacheck.check(builder.plan()).places() == result.places()
    path = tmp_path / "negatif.xlsx"
    path.write_bytes(builder.xlsx())
    on_file = check_files([path]).files[0]
    assert sorted((f.rule, str(f.locations[0]) if f.locations else "")
                  for f in on_file.findings) == result.places()


def test_a_workbook_by_path_or_bytes_checks_as_on_the_command_line():
    want = check_files([SAMPLE]).files[0]
    by_path, by_bytes = renjacheck.check(SAMPLE), renjacheck.check(SAMPLE.read_bytes())
    assert [f.fingerprint for f in by_path.findings] == [f.fingerprint for f in want.findings]
    assert by_bytes.places() == by_path.places()
    assert by_bytes.plan.path == "<bytes>" and by_path.plan.path == str(SAMPLE)
    plan = renjacheck.read_plan(SAMPLE.read_bytes(), name="banten.xlsx")
    assert plan.path == "banten.xlsx" and plan.year == 2024
    with pytest.raises(dataclasses.FrozenInstanceError):
        by_path.findings[0].rule = "X"  # type: ignore[misc]


def test_rules_chosen_as_on_the_command_line():
    builder = negative_budget()
    assert renjacheck.check(builder, select=["TBL"], ignore=["TBL001"]).places() == [
        ("TBL002", "Pendanaan!D2"), ("TBL002", "Pendanaan!D3")]
    graded = renjacheck.check(builder, select=["TBL002"], severity={"TBL": "warning"})
    assert {f.severity for f in graded.findings} == {renjacheck.Severity.WARNING}
    assert graded.exit_code == 0
    tbl002 = [r for r in renjacheck.load_rules() if r.id == "TBL002"]
    assert len(renjacheck.check(builder, rules=tbl002).findings) == 2
    with pytest.raises(ConfigError, match="'XYZ' matches no rule"):
        renjacheck.check(builder, select=["XYZ"])


def test_a_waiver_file_accepts_a_finding_in_memory(tmp_path):
    builder = negative_budget()
    first = renjacheck.check(builder, select=["TBL002"]).findings[0]
    waivers = tmp_path / "pengecualian.yaml"
    waivers.write_text(f"waivers:\n  - fingerprint: '{first.fingerprint}'\n"
                       "    reason: Menunggu revisi DIPA\n    accepted_by: Inspektur\n",
                       encoding="utf-8")
    result = renjacheck.check(builder, select=["TBL002"], waivers=waivers)
    assert [f.waived is not None for f in result.findings] == [True, False]
    assert result.exit_code == 1 and result.report.waived == 1


def test_every_format_renders_a_plan_in_memory():
    result = renjacheck.check(negative_budget())
    for name in renjacheck.REPORTERS:
        assert "D3" in result.render(name, lang="en"), name
    report = json.loads(result.render("json"))
    assert report["files"][0]["path"] == "<memory>"
    with pytest.raises(ValueError, match="unknown format"):
        result.render("pdf")


def test_what_cannot_be_checked_is_refused_with_its_reason():
    with pytest.raises(renjacheck.Unreadable) as caught:
        renjacheck.check(b"PK not really a zip")
    assert isinstance(caught.value, renjacheck.CannotCheck)
    assert str(caught.value) == caught.value.message("en") != caught.value.message("id")
    with pytest.raises(renjacheck.Unreadable, match="no table"):
        renjacheck.check(renjacheck.PlanBuilder())  # nothing read is never a pass


def test_a_builder_refuses_what_no_table_holds():
    with pytest.raises(ValueError, match="no column 'pagu'"):
        renjacheck.PlanBuilder().pendanaan([{"kode": "3247", "pagu": 5}], SATKER)
    with pytest.raises(ValueError, match="3 satker amounts, not 2"):
        renjacheck.PlanBuilder().pendanaan([{"kode": "3247", "satker": [1, 2, 3]}], SATKER)
    with pytest.raises(ValueError, match="formula"):
        renjacheck.read_sheets([Sheet("S", {(1, 1): "=SUM(A2:A3)"})])
    with pytest.raises(ValueError, match="overlap"):
        renjacheck.read_sheets([Sheet("S", {(1, 1): "x"}, [(1, 1, 2, 2), (2, 2, 3, 3)])])
    with pytest.raises(ValueError, match="cannot name a sheet"):
        renjacheck.read_sheets([Sheet("a/b")])


# ---- sheets in memory read as the workbook file holding them ---------------------------------

def _as_openpyxl_writes(sheets: list[Sheet]) -> list[Sheet]:
    """The sheets without what openpyxl writes other than Excel does: a number to 16 digits
    (Excel keeps 17), a date's time of day through that number, a formula; and without merges
    that overlap, which Excel refuses."""
    for sheet in sheets:
        for key, value in list(sheet.cells.items()):
            if isinstance(value, float) or type(value) is int and abs(value) > 2**53:
                value = float(f"{value:.16g}")
            if isinstance(value, dt.datetime):
                value = value.replace(hour=0, minute=0, second=0, microsecond=0)
            if isinstance(value, str) and value.startswith("=") \
                    or isinstance(value, dt.time | dt.timedelta) \
                    or isinstance(value, float) and math.isinf(value) \
                    or isinstance(value, dt.date) and not is_date_format(sheet.formats.get(key)):
                del sheet.cells[key]
            else:
                sheet.cells[key] = value
        kept: list[tuple[int, int, int, int]] = []
        for merge in sheet.merges:
            if not any(_overlap(merge, other) for other in kept):
                kept.append(merge)
        sheet.merges[:] = kept
    return sheets


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(fuzz_books())
def test_sheets_read_as_the_workbook_file_holding_them(tmp_path_factory, books):
    sheets = _as_openpyxl_writes([Sheet(b.name, dict(b.cells), list(b.merges), dict(b.formats))
                                  for b in books])
    path = tmp_path_factory.mktemp("book") / "book.xlsx"
    path.write_bytes(workbook_bytes(sheets))
    for mine, want in zip([grid(s) for s in sheets], load(path), strict=True):
        assert mine.name == want.name
        assert dict(mine.values.items()) == dict(want.values.items())
        assert {k: type(v) for k, v in mine.values.items()} == \
            {k: type(v) for k, v in want.values.items()}
        assert dict(mine.formats.items()) == dict(want.formats.items())
        assert mine.merges == want.merges
        assert (mine.max_row, mine.max_col, mine.filled) == (want.max_row, want.max_col,
                                                              want.filled)


# ---- the package ------------------------------------------------------------------------------

def test_the_api_is_loaded_only_when_used():
    code = ("import sys, renjacheck; loaded = sorted(m for m in sys.modules "
            "if m.startswith('renjacheck.')); print(loaded); "
            "assert loaded == ['renjacheck.version']")  # a leaf of one line
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    for name in renjacheck.__all__:
        assert getattr(renjacheck, name) is not None, name
    assert set(renjacheck.__all__) <= set(dir(renjacheck))
    with pytest.raises(AttributeError):
        renjacheck.nothing_here  # noqa: B018


def test_every_package_has_its_init_and_ships_with_its_types():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setup = project["tool"]["setuptools"]
    folders = {p.parent for p in (ROOT / "renjacheck").rglob("*.py")
               if "__pycache__" not in p.parts}
    assert sorted(str(f.relative_to(ROOT)) for f in folders
                  if not (f / "__init__.py").is_file()) == []
    names = {".".join(f.relative_to(ROOT).parts) for f in folders}
    assert sorted(names - set(setup["packages"])) == []
    assert "py.typed" in setup["package-data"]["renjacheck"]
    assert (ROOT / "renjacheck" / "py.typed").is_file()
    assert project["project"]["optional-dependencies"]["testing"] == ["hypothesis>=6.100"]


def test_renjacheck_testing_without_hypothesis_says_what_to_install():
    code = ("import sys\n"
            "class Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] == 'hypothesis':\n"
            "            raise ImportError('no hypothesis here')\n"
            "sys.meta_path.insert(0, Block())\n"
            "import renjacheck.testing\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == (
        "ImportError: renjacheck.testing needs hypothesis, an optional dependency: "
        "pip install 'renjacheck[testing]'")
