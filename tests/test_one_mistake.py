"""One mistake, one finding: a Pendanaan figure typed wrong is reported where it is, once, and
the finding names the sums its mistake also put wrong; the cells formulas computed from it
(a grand total written `=SUM(...)`) are not reported again (renjacheck.checks.sums).

The workbooks hold real formulas with their calculated values, as Excel saves them.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from renjacheck.engine import check_plan, load_rules
from renjacheck.model.build import read
from tests.xlsx import block, write

RULES = load_rules()
HEAD = ["Kode", "Uraian", "BANTEN", "TANGSEL", "Total"]


def workbook(tmp_path: Path, rows: list[list], cached: dict[str, int], sheet: str = "Pendanaan",
             head: list = HEAD) -> Path:
    """A sheet (a Pendanaan) from A1; `cached`: the value Excel calculated for each formula
    cell."""
    path = write(tmp_path / "renja.xlsx", {sheet: block("A1", [head, *rows])})
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, value in cached.items():
        xml, n = re.subn(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)<v\s*/>', rf"\1\2<v>{value}</v>",
                         xml)
        assert n == 1, ref
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def sums(path: Path, rules=RULES) -> list[tuple[str, str, str]]:
    """(rule, cell, Indonesian message) of the sum findings, in report order."""
    return [(f.rule, str(f.locations[0]), f.message("id"))
            for f in check_plan(read(path), rules) if f.rule in ("PAGU001", "PAGU002", "PAGU003")]


def test_a_wrong_row_total_under_a_formula_grand_total_is_one_finding_at_the_row(tmp_path):
    path = workbook(tmp_path, [
        [None, "TOTAL PAGU", "=SUM(C3:C4)", "=SUM(D3:D4)", "=SUM(E3:E4)"],
        ["3247", "Penyelenggaraan Advokasi", 116_000_000, 106_000_000, 223_000_000],
        ["3251", "Pelaksanaan Intelijen", 125_000_000, 0, 125_000_000],
    ], {"C2": 241_000_000, "D2": 106_000_000, "E2": 348_000_000})
    assert read(path).tables["pendanaan"].value(0, "total").value == 348_000_000  # the cached value
    assert sums(path) == [(
        "PAGU001", "Pendanaan!E3",
        "3247 Penyelenggaraan Advokasi: jumlah pagu per satker 222.000.000, tetapi Total "
        "tertulis 223.000.000; akibatnya Total TOTAL PAGU juga tidak sama "
        "dengan jumlah satkernya")]


def test_a_grand_total_typed_wrong_by_hand_is_one_finding_at_the_grand_total(tmp_path):
    path = workbook(tmp_path, [
        [None, "TOTAL PAGU", 241_000_000, 106_000_000, 346_000_000],
        ["3247", "Penyelenggaraan Advokasi", 116_000_000, 106_000_000, 222_000_000],
        ["3251", "Pelaksanaan Intelijen", 125_000_000, 0, 125_000_000],
    ], {})
    assert sums(path) == [(
        "PAGU003", "Pendanaan!E2",
        "Total pagu kolom Total: jumlah 2 baris teratas 347.000.000, tetapi tertulis "
        "346.000.000; jumlah kolom satker baris itu 347.000.000")]
    # Without PAGU003 the row's sum still reports it: nothing is left out for a rule not run.
    rules = [r for r in RULES if r.id != "PAGU003"]
    assert [s[:2] for s in sums(path, rules)] == [("PAGU001", "Pendanaan!E2")]


def test_a_wrong_row_total_under_a_right_grand_total_is_reported_at_the_row(tmp_path):
    path = workbook(tmp_path, [
        [None, "TOTAL PAGU", 241_000_000, 106_000_000, 347_000_000],
        ["3247", "Penyelenggaraan Advokasi", 116_000_000, 106_000_000, 223_000_000],
        ["3251", "Pelaksanaan Intelijen", 125_000_000, 0, 125_000_000],
    ], {})
    assert sums(path) == [(
        "PAGU001", "Pendanaan!E3",
        "3247 Penyelenggaraan Advokasi: jumlah pagu per satker 222.000.000, tetapi Total "
        "tertulis 223.000.000; akibatnya Total TOTAL PAGU tidak lagi sama dengan "
        "jumlah Total rinciannya")]
    rules = [r for r in RULES if r.id != "PAGU001"]  # the row's sum not run: the grand's says
    assert [s[:2] for s in sums(path, rules)] == [("PAGU003", "Pendanaan!E2")]


def test_a_wrong_akun_total_carried_up_by_formulas_is_one_finding_naming_every_level(tmp_path):
    path = workbook(tmp_path, [
        ["066.01.DH", "Program P4GN", "=C3", "=D3", "=E3"],
        ["3247", "Penyelenggaraan Advokasi", "=C4+C5", "=D4+D5", "=E4+E5"],
        ["3247.PBC", "Promosi", 100, 50, 150],
        ["3247.PBD", "Edukasi", 30, 20, 60],
        [None, "Jumlah", "=C2", "=D2", "=E2"],
    ], {"C2": 130, "D2": 70, "E2": 210, "C3": 130, "D3": 70, "E3": 210,
        "C6": 130, "D6": 70, "E6": 210})
    assert sums(path) == [(
        "PAGU001", "Pendanaan!E5",
        "3247.PBD Edukasi: jumlah pagu per satker 50, tetapi Total tertulis 60; akibatnya Total "
        "3247, 066.01.DH, Jumlah juga tidak sama "
        "dengan jumlah satkernya")]


def test_a_parent_amount_off_in_one_column_is_not_reported_again_in_its_total(tmp_path):
    path = workbook(tmp_path, [
        ["066.01.DH", "Program P4GN", 110, 50, "=C2+D2"],
        ["3247", "Penyelenggaraan Advokasi", 60, 30, 90],
        ["3251", "Pelaksanaan Intelijen", 40, 20, 60],
    ], {"E2": 160})
    assert sums(path) == [(
        "PAGU002", "Pendanaan!C2",
        "066.01.DH Program P4GN, kolom BANTEN: jumlah 2 rincian di bawahnya 100, tetapi tertulis "
        "110; akibatnya Total baris itu juga tidak sama dengan jumlah rinciannya (150)")]


def test_two_mistakes_in_different_rows_are_two_findings(tmp_path):
    path = workbook(tmp_path, [
        [None, "TOTAL PAGU", 241, 106, 347],
        ["3247", "Penyelenggaraan Advokasi", 116, 106, 223],
        ["3251", "Pelaksanaan Intelijen", 125, 0, 124],
    ], {})
    assert [s[:2] for s in sums(path)] == [("PAGU001", "Pendanaan!E3"),
                                           ("PAGU001", "Pendanaan!E4")]


def test_a_wrong_satker_amount_is_one_finding_in_its_column_or_at_its_row(tmp_path):
    rows = [
        ["066.01.DH", "Program P4GN", 100, 50, 150],
        ["3247", "Penyelenggaraan Advokasi", 60, 30, 90],
        ["3247.PBC", "Promosi", 60, 30, 90],
        ["3251", "Pelaksanaan Intelijen", 40, 20, 60],
    ]
    rows[1][2] = 65  # a kegiatan's BANTEN: its row, its items' sum and its program's sum fail
    assert sums(workbook(tmp_path, rows, {})) == [(
        "PAGU002", "Pendanaan!C3",
        "3247 Penyelenggaraan Advokasi, kolom BANTEN: jumlah 1 rincian di bawahnya 60, tetapi "
        "tertulis 65; akibatnya kolom BANTEN 066.01.DH tidak lagi sama dengan jumlah "
        "rinciannya; akibatnya jumlah kolom satker baris itu (95) tidak lagi sama dengan Totalnya")]
    rows[1][2], rows[3][3] = 60, 25  # a leaf's TANGSEL: its row and its program's sum fail
    assert sums(workbook(tmp_path, rows, {})) == [(
        "PAGU001", "Pendanaan!E5",
        "3251 Pelaksanaan Intelijen: jumlah pagu per satker 65, tetapi Total tertulis 60; "
        "akibatnya kolom TANGSEL 066.01.DH tidak lagi sama dengan jumlah rinciannya")]
