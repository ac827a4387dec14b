"""Differential test across producers (issue 15): the seed plan, and a sheet of every kind of
value, written by openpyxl, xlsxwriter (normal and constant_memory), pyexcelerate and pandas,
and rewritten into every legal variant of its parts (tests/variants.py), reads to the same cells
as the plan, as openpyxl reads them where openpyxl can read the file, and checks to the same
findings. Where LibreOffice is installed each file is also re-saved by it and read again.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import warnings
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renjacheck.engine import Setup, check_file, load_rules
from renjacheck.workbook.grid import load
from tests import plans
from tests.producers import (PRODUCERS, letters, openpyxl_cells, plan_of,
                             renjacheck_cells, renjacheck_formats, uji)
from tests.variants import VARIANTS, apply, read_parts, write_parts

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "banten-2024.xlsx"
SETUP = Setup(rules=load_rules())
# What openpyxl 3.1 cannot read: Strict namespaces (it raises or reads nothing), and parts
# away from Excel's names (it looks for xl/styles.xml). The plan's own cells are the reference.
OPENPYXL_CANNOT = {"strict", "free_names"}
# What LibreOffice cannot read: `./` targets (from the package it refuses the file; from the
# workbook it reads every sheet empty).
LIBREOFFICE_CANNOT = {"dot_targets"}
# pandas writes its own format on every date (its `datetime_format`), whatever a Styler says.
PANDAS_DATES = {("Uji", (6, 2)), ("Uji", (6, 3))}


def findings(path: Path) -> list[tuple[str, tuple[str, ...], str]]:
    """(rule, cells, message) of each finding of a check: where and what, in words."""
    report = check_file(path, SETUP)
    assert report.error is None, report.error
    return sorted((f.rule, tuple(str(loc) for loc in f.locations), f.message("en"))
                  for f in report.findings)


@pytest.fixture(scope="module")
def plan():
    """The seed plan as openpyxl reads it, and the sheet of every kind of value."""
    read = plan_of(SEED)
    read["Uji"] = uji()
    return read


@pytest.fixture(scope="module")
def corpus(plan, tmp_path_factory) -> dict[str, Path]:
    """Each producer's file, and each variant of openpyxl's."""
    folder = tmp_path_factory.mktemp("producers")
    files = {name: make(plan, folder / f"{name}.xlsx") for name, make in PRODUCERS.items()}
    parts = read_parts(files["openpyxl"])
    for name in VARIANTS:
        files[name] = write_parts(folder / f"{name}.xlsx", apply(parts, [name]))
    files["all"] = write_parts(folder / "all.xlsx", apply(parts, [
        "shared_strings", "rich_strings", "date1904", "no_refs", "lower_refs", "spelled", "strict",
        "prefixed", "free_names", "parent_targets", "utf16"]))
    return files


NAMES = [*PRODUCERS, *VARIANTS, "all"]


@pytest.mark.parametrize("name", NAMES)
def test_every_producer_and_variant_reads_to_the_plans_cells(name, plan, corpus):
    want = {sheet: s.cells for sheet, s in plan.items()}
    ours = renjacheck_cells(corpus[name])
    assert list(ours) == list(want)
    for sheet in want:
        assert letters(ours[sheet]) == letters(want[sheet]), sheet
    formats = renjacheck_formats(corpus[name])
    for sheet, s in plan.items():
        skip = PANDAS_DATES if name == "pandas" else set()
        assert {k: f for k, f in formats[sheet].items() if (sheet, k) not in skip} == \
            {k: f for k, f in s.formats.items() if (sheet, k) not in skip}, sheet
    # The cells that say what the variants are about, at their places.
    uji_cells = ours["Uji"]
    assert (uji_cells[5, 2], formats["Uji"][5, 2]) == (0.87185, "0.00%")
    assert uji_cells[6, 2] == dt.datetime(2024, 1, 5)
    assert uji_cells[6, 3] == dt.datetime(2023, 12, 31, 10, 30)
    assert (uji_cells[7, 2], uji_cells[7, 3]) == (True, False)
    assert uji_cells[8, 2] == "Tahun Anggaran — ½ ✓ 日本語 📅"
    assert uji_cells[8, 3] == "  spasi di tepi  "
    assert uji_cells[3, 2] == 9_007_199_254_740_000


@pytest.mark.parametrize("name", [n for n in NAMES if n not in OPENPYXL_CANNOT and n != "all"])
def test_openpyxl_reads_each_file_as_renjacheck_does(name, corpus):
    assert openpyxl_cells(corpus[name]) == renjacheck_cells(corpus[name])


@pytest.mark.parametrize("name", sorted(OPENPYXL_CANNOT))
def test_openpyxl_cannot_read_these_variants_which_is_why_the_plan_is_the_reference(name, corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            read = openpyxl_cells(corpus[name])
        except Exception:  # noqa: BLE001 - openpyxl's failure is the point
            return
    assert read != renjacheck_cells(corpus[name])


@pytest.fixture(scope="module")
def seed_findings():
    return findings(SEED)


@pytest.mark.parametrize("name", NAMES)
def test_every_producer_and_variant_checks_to_the_seeds_findings(name, corpus, seed_findings):
    assert findings(corpus[name]) == seed_findings


def test_the_reference_is_the_seeds_real_report(seed_findings):
    # The seed's mistakes, as its README lists them: what every variant must find again.
    where = [(rule, cells) for rule, cells, _ in seed_findings]
    assert ("CAP001", ("Capaian 2023!F36",)) in where
    assert ("PAGU007", ("Pendanaan!D10",)) in where
    assert ("MAT002", ("Pendanaan!A18",)) in where
    assert ("TBL004", ("Matriks 2024!B33",)) in where


# ---- a plan with percentages as Excel formats them, and formulas as Excel writes them -------

def test_percent_cells_behind_dot_targets_read_as_percent(tmp_path):
    # `./sharedStrings.xml` once crashed the reader (IndexError), and `./styles.xml` lost every
    # number format: 0.00% cells read as 1.2857 and CAP001 reported false errors.
    original = plans.planner(tmp_path / "planner.xlsx")
    variant = write_parts(tmp_path / "dots.xlsx",
                          apply(read_parts(original), ["shared_strings", "dot_targets"]))
    rels = read_parts(variant)["xl/_rels/workbook.xml.rels"].decode()
    assert 'Target="./sharedStrings.xml"' in rels and 'Target="./styles.xml"' in rels
    grid = next(g for g in load(variant) if g.name == "Rencana Kerja")
    assert [(grid.value(11, c), grid.number_format(11, c)) for c in (5, 6, 7)] == [
        (0.6, "0%"), (0.7714, "0.00%"), (1.2857, "0.00%")]
    assert grid.value(4, 2) == "No"  # a shared string
    assert findings(variant) == findings(original)


def formula_plan(path: Path) -> Path:
    """A Pendanaan whose totals are formulas filled down and across, with their values cached
    (xlsxwriter), one total wrong on purpose."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("Pendanaan")
    ws.write_row(0, 0, ["Kode", "Uraian", "PROV", "KOTA A", "Total"])
    rows = [("3247", "Penyelenggaraan Advokasi", 100, 50), ("3251", "Intelijen", 20, 5),
            ("3236", "Pembinaan Administrasi", 1000, 200)]
    for n, (kode, uraian, a, b) in enumerate(rows, start=2):
        ws.write_row(n - 1, 0, [kode, uraian, a, b])
        ws.write_formula(n - 1, 4, f"=SUM(C{n}:D{n})", None, a + b + (1 if n == 3 else 0))
    ws.write(4, 1, "TOTAL PAGU")
    for col, letter in enumerate("CDE", start=2):
        total = sum(r[col] for r in rows) if col < 4 else sum(r[2] + r[3] for r in rows) + 1
        ws.write_formula(4, col, f"=SUM({letter}2:{letter}4)", None, total)
    ws.write_formula(5, 2, "=$C$5/C5*100", None, 100)
    ws.write_formula(5, 3, "=$C$5/D5*100", None, 1120 / 255 * 100)
    book.close()
    return path


def test_shared_formulas_keep_their_values_and_each_cells_own_formula(tmp_path):
    original = formula_plan(tmp_path / "formulas.xlsx")
    variant = write_parts(tmp_path / "shared.xlsx", apply(read_parts(original),
                                                          ["shared_formulas", "prefixed"]))
    sheet = read_parts(variant)["xl/worksheets/sheet1.xml"].decode()
    assert '<x:f t="shared" ref="E2:E4" si="0">SUM(C2:D2)</x:f>' in sheet
    assert '<x:f t="shared" ref="C5:E5" si="' not in sheet  # across a row: not filled down
    mine, theirs = load(original)[0], load(variant)[0]
    assert dict(theirs.values.items()) == dict(mine.values.items())
    assert theirs.values[(3, 5)] == 26  # the cached value, wrong as it is, is what is read
    cells = sorted(mine.formulas.cells())
    assert cells == sorted(theirs.formulas.cells()) == [
        (2, 5), (3, 5), (4, 5), (5, 3), (5, 4), (5, 5), (6, 3), (6, 4)]
    assert [theirs.formulas.text(r, c) for r, c in cells] == [
        "SUM(C2:D2)", "SUM(C3:D3)", "SUM(C4:D4)", "SUM(C2:C4)", "SUM(D2:D4)", "SUM(E2:E4)",
        "$C$5/C5*100", "$C$5/D5*100"]
    assert [mine.formulas.text(r, c) for r, c in cells] == \
        [theirs.formulas.text(r, c) for r, c in cells]
    assert theirs.formulas.master(4, 5).ref == "E2:E4" and mine.formulas.master(4, 5) is None
    # openpyxl expands shared formulas itself: the same text in every cell.
    book = openpyxl.load_workbook(variant)
    assert [book.active.cell(r, c).value for r, c in cells] == \
        ["=" + theirs.formulas.text(r, c) for r, c in cells]
    assert theirs.uncalculated == set() and findings(variant) == findings(original)


# ---- LibreOffice ----------------------------------------------------------------------------

def test_libreoffice_resaves_every_file_to_the_same_cells(plan, corpus, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    out = tmp_path / "lo"
    sources = [corpus[name] for name in NAMES]
    # One process for all files; its own profile, so that no other LibreOffice interferes.
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), *map(str, sources)],
                   capture_output=True, timeout=300, check=True)
    want = {sheet: letters(s.cells) for sheet, s in plan.items()}
    for name, source in zip(NAMES, sources, strict=True):
        resaved = out / source.name
        read = resaved.exists() and {sheet: letters(cells) for sheet, cells
                                     in renjacheck_cells(resaved).items()}
        assert (read == want) is (name not in LIBREOFFICE_CANNOT), name


# ---- any sheet, any combination of variants -------------------------------------------------

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from(
    "\n\t &<>\"'½日本📅"), min_size=1, max_size=12).filter(
    lambda t: not t.startswith("=") and "_x" not in t)
_VALUE = st.one_of(st.none(), st.booleans(), _TEXT, st.integers(-10**15, 10**15),
                   st.floats(allow_nan=False, allow_infinity=False, width=64),
                   st.datetimes(dt.datetime(1905, 1, 1), dt.datetime(2100, 1, 1)).map(
                       lambda d: d.replace(second=0, microsecond=0)))
_SHEET = st.dictionaries(st.tuples(st.integers(1, 8), st.integers(1, 6)), _VALUE, max_size=30)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(cells=_SHEET, chosen=st.sets(st.sampled_from(sorted(VARIANTS))))
def test_any_sheet_in_any_combination_of_variants_reads_to_the_same_grid(cells, chosen, tmp_path):
    book = openpyxl.Workbook()
    for (row, col), value in cells.items():
        book.active.cell(row, col, value)
        if isinstance(value, dt.datetime):
            book.active.cell(row, col).number_format = "yyyy-mm-dd hh:mm"
    original = tmp_path / "original.xlsx"
    book.save(original)
    variant = write_parts(tmp_path / "variant.xlsx", apply(read_parts(original), chosen))
    assert renjacheck_cells(variant) == openpyxl_cells(original)
    assert renjacheck_formats(variant) == renjacheck_formats(original)
