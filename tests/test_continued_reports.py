"""A table continued on a later sheet under its header repeated is one table (tables/sequel.py):
every report that lists the tables read names each part's range, so that a user sees where
each row was read (text, HTML, JSON, the annotated copy's results sheet)."""

from __future__ import annotations

import json

import openpyxl
import pytest

from renjacheck.engine import check_files, load_rules
from renjacheck.reporters import REPORTERS
from renjacheck.writers.annotate import annotate
from tests.xlsx import block, write

HEAD = ["No", "Kegiatan", "Sasaran", "Indikator Kinerja", "Target", "Satuan", "Anggaran (Rp)"]
ROWS = [[1, "Penyelenggaraan Advokasi", "S1", "Jumlah desa bersinar", 3, "Desa", "150"],
        [2, "Pelaksanaan Intelijen", "S2", "Jumlah jaringan", 2, "Jaringan", "25"],
        [3, "Pembinaan Administrasi", "S3", "Nilai IKPA", "98,78", "Indeks", "1.300"]]
PAGU = [["Kode", "Uraian", "Total"], ["3247", "Penyelenggaraan Advokasi", "150"],
        ["3251", "Pelaksanaan Intelijen", "25"], ["3236", "Pembinaan Administrasi", "1.300"]]
BOTH = "Matriks!A3:G5 + Matriks (2)!A3:G4"


@pytest.fixture(scope="module")
def continued(tmp_path_factory):
    """A Matriks of three rows: two on its sheet, the third on `Matriks (2)` under its
    title and header repeated, its anggaran not its pagu (MAT001); and its report."""
    first = [["MATRIKS RENCANA KERJA TAHUN 2024"], [None], HEAD, *ROWS[:2]]
    later = [["MATRIKS RENCANA KERJA TAHUN 2024"], [None], HEAD, [*ROWS[2][:6], "1.200"]]
    path = write(tmp_path_factory.mktemp("lanjut") / "m.xlsx", {
        "Pagu": block("A1", PAGU), "Matriks": block("A1", first),
        "Matriks (2)": block("A1", later)})
    return path, check_files([path], load_rules())


def test_the_table_read_names_every_part(continued):
    _path, report = continued
    (matriks,) = [t for t in report.files[0].tables if t.kind == "matriks"]
    assert (matriks.sheet, matriks.range, matriks.ranges, matriks.rows) == (
        "Matriks", "A3:G5", ("Matriks!A3:G5", "Matriks (2)!A3:G4"), 3)
    assert matriks.where == BOTH


def test_a_table_in_one_part_has_its_one_range(continued):
    _path, report = continued
    (pagu,) = [t for t in report.files[0].tables if t.kind == "pendanaan"]
    assert (pagu.ranges, pagu.where) == (("Pagu!A1:C4",), "Pagu!A1:C4")


@pytest.mark.parametrize("lang, rows", [("id", "3 baris"), ("en", "3 rows")])
def test_text_lists_every_part(continued, lang, rows):
    out = REPORTERS["text"](lang).render(continued[1]).splitlines()
    assert f"    matriks    {BOTH}  {rows}" in out
    assert f"  Matriks ({BOTH})" in out  # the heading of its findings
    assert [(f.rule, str(f.locations[0])) for f in continued[1].files[0].findings
            if f.table == "matriks"] == [("MAT001", "Matriks (2)!G4")]


def test_html_lists_every_part(continued):
    page = REPORTERS["html"]("id").render(continued[1])
    assert f"<td><code>{BOTH}</code></td><td class=\"n\">3</td>" in page  # the overview
    assert f'Matriks<span class="where">{BOTH}</span>' in page  # its findings' heading


def test_json_keeps_range_and_lists_every_part(continued):
    data = json.loads(REPORTERS["json"]("id").render(continued[1]))
    (matriks,) = [t for t in data["files"][0]["tables"] if t["kind"] == "matriks"]
    assert matriks == {"kind": "matriks", "sheet": "Matriks", "range": "A3:G5", "rows": 3,
                       "ranges": ["Matriks!A3:G5", "Matriks (2)!A3:G4"]}


def test_the_results_sheet_links_every_part(continued, tmp_path):
    path, report = continued
    copy = tmp_path / "hasil.xlsx"
    annotate(path, report.files[0], copy, "id")
    sheet = openpyxl.load_workbook(copy).worksheets[0]
    (at,) = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == "matriks"]
    shown = [(sheet.cell(r, 3).value, sheet.cell(r, 4).value, sheet.cell(r, 4).hyperlink.location,
              sheet.cell(r, 6).value) for r in (at, at + 1)]
    assert shown == [(None, "Matriks!A3:G5", "'Matriks'!A3:G5", "3 baris"),
                     ("+", "Matriks (2)!A3:G4", "'Matriks (2)'!A3:G4", None)]
