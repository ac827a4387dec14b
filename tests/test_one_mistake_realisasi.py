"""One mistake, one finding in the Realisasi Anggaran: a figure typed wrong in a kegiatan whose
program and Jumlah rows add it up by formulas (`=SUM(...)`) is reported where it is, once, and
the finding names the rows it also put wrong (renjacheck.checks.realisasi); a parent's % or sisa
typed wrong by hand is still its own finding.

The workbooks hold real formulas with their calculated values, as Excel saves them.
"""

from __future__ import annotations

from pathlib import Path

from renjacheck.engine import check_plan, load_rules
from renjacheck.model.build import read
from tests.test_one_mistake import workbook

RULES = load_rules()
SHEET = "Realisasi Anggaran"
HEAD = ["Kode", "Program/Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "%", "Sisa (Rp)"]


def plan(tmp_path: Path, advokasi: list, program: list | None = None,
         sums: bool = True) -> Path:
    """A program (row 2) of two kegiatan (rows 3, 4) and the Jumlah (row 5). With `sums`, the
    program's pagu, realisasi and sisa are `=SUM` of its kegiatan's and the Jumlah's `=` the
    program's, calculated from the figures written; its % and the Jumlah's are typed (95,25%),
    from the right figures."""
    kegiatan = [["3247", "Penyelenggaraan Advokasi", *advokasi],
                ["3251", "Pelaksanaan Intelijen", 600_000_000, 570_000_000, "95,00%",
                 30_000_000]]
    columns = {"C": 2, "D": 3, "F": 5}
    cached = {}
    if sums:
        top = ["=SUM(C3:C4)", "=SUM(D3:D4)", "95,25%", "=SUM(F3:F4)"]
        jumlah = ["=C2", "=D2", "95,25%", "=F2"]
        for letter, at in columns.items():
            value = sum(row[at] for row in kegiatan)
            cached[f"{letter}2"] = cached[f"{letter}5"] = value
    else:
        top = program or [1_000_000_000, 952_500_000, "95,25%", 47_500_000]
        jumlah = list(top)
    rows = [["066.01.WA", "Program Pencegahan", *top], *kegiatan, [None, "Jumlah", *jumlah]]
    return workbook(tmp_path, rows, cached, sheet=SHEET, head=HEAD)


def found(path: Path, rules=RULES) -> list[tuple[str, str]]:
    return [(f.rule, str(f.locations[0])) for f in check_plan(read(path), rules)
            if f.rule.startswith("RAG")]


def messages(path: Path, lang: str = "id") -> list[str]:
    return [f.message(lang) for f in check_plan(read(path), RULES) if f.rule.startswith("RAG")]


def test_a_realisasi_typed_wrong_under_formula_sums_is_one_finding(tmp_path):
    # 382.500.000 typed 328.500.000: its % and sisa fail, and the program's and the Jumlah's,
    # which add it up: six failed checks, one mistake.
    path = plan(tmp_path, [400_000_000, 328_500_000, "95,63%", 17_500_000])
    assert found(path) == [("RAG001", f"{SHEET}!E3")]
    assert messages(path) == [
        "3247 Penyelenggaraan Advokasi: realisasi 328.500.000 / pagu 400.000.000 x 100 = "
        "82,1250%, tetapi tertulis 95,63% (rentang 95,625 - 95,635%); sisanya juga tidak sama "
        "dengan pagu dikurangi realisasi; realisasi 382.500.000 (pagu dikurangi sisa) sesuai "
        "dengan persentase dan sisa yang tertulis; akibatnya persentase 066.01.WA Program "
        "Pencegahan, Jumlah juga tidak sesuai dengan pagu dan realisasinya yang "
        "menjumlahkannya; akibatnya sisa 066.01.WA Program Pencegahan, Jumlah juga tidak sama "
        "dengan pagu dikurangi realisasinya yang menjumlahkannya"]
    assert messages(path, "en")[0].startswith(
        "3247 Penyelenggaraan Advokasi: realisasi 328,500,000 / pagu 400,000,000 x 100 = "
        "82.1250%, but 95.63% is written (range 95.625 - 95.635%); its remainder is not pagu "
        "minus realisasi either; a realisasi of 382,500,000")


def test_without_the_percentage_rule_the_sisa_reports_the_mistake(tmp_path):
    path = plan(tmp_path, [400_000_000, 328_500_000, "95,63%", 17_500_000])
    rules = [r for r in RULES if r.id != "RAG001"]
    assert found(path, rules) == [("RAG004", f"{SHEET}!F3")]


def test_a_pagu_typed_wrong_is_named_as_the_figure_that_explains_its_row(tmp_path):
    path = plan(tmp_path, [410_000_000, 382_500_000, "95,63%", 17_500_000])
    assert found(path) == [("RAG001", f"{SHEET}!E3")]
    assert "; pagu 400.000.000 (realisasi ditambah sisa) sesuai" in messages(path)[0]


def test_a_percentage_typed_wrong_in_a_kegiatan_is_its_own_one_finding(tmp_path):
    # The program's figures are right: nothing is carried, nothing else fails.
    path = plan(tmp_path, [400_000_000, 382_500_000, "96,53%", 17_500_000])
    assert found(path) == [("RAG001", f"{SHEET}!E3")]
    assert messages(path)[0].endswith("tertulis 96,53% (rentang 96,525 - 96,535%)")


def test_a_sisa_typed_wrong_under_a_formula_sum_is_one_finding_at_the_kegiatan(tmp_path):
    # 17.500.000 typed 7.500.000, carried into the program's and the Jumlah's =SUM sisa.
    path = plan(tmp_path, [400_000_000, 382_500_000, "95,63%", 7_500_000])
    assert found(path) == [("RAG004", f"{SHEET}!F3")]
    assert messages(path)[0].endswith(
        "akibatnya sisa 066.01.WA Program Pencegahan, Jumlah juga tidak sama dengan pagu "
        "dikurangi realisasinya yang menjumlahkannya")


def test_a_parent_typed_wrong_by_hand_is_still_its_own_finding(tmp_path):
    # The kegiatan are right; the program's % is typed 95,52 (95,25): a mistake of its own,
    # which the Jumlah (typed the same) repeats: no item's mistake explains them.
    path = plan(tmp_path, [400_000_000, 382_500_000, "95,63%", 17_500_000], sums=False,
                program=[1_000_000_000, 952_500_000, "95,52%", 47_500_000])
    assert found(path) == [("RAG001", f"{SHEET}!E2"), ("RAG001", f"{SHEET}!E5")]


def test_a_second_mistake_in_a_parent_over_a_wrong_item_is_kept(tmp_path):
    # The kegiatan's realisasi is typed wrong (carried up by the sums), and the program's sisa
    # is typed by hand wrong too (47.000.000, not 47.500.000): two mistakes, two findings.
    rows = [["066.01.WA", "Program Pencegahan", "=SUM(C3:C4)", "=SUM(D3:D4)", "95,25%",
             47_000_000],
            ["3247", "Penyelenggaraan Advokasi", 400_000_000, 328_500_000, "95,63%",
             17_500_000],
            ["3251", "Pelaksanaan Intelijen", 600_000_000, 570_000_000, "95,00%", 30_000_000],
            [None, "Jumlah", "=C2", "=D2", "95,25%", "=F2"]]
    path = workbook(tmp_path, rows, {"C2": 1_000_000_000, "D2": 898_500_000,
                                     "C5": 1_000_000_000, "D5": 898_500_000, "F5": 47_000_000},
                    sheet=SHEET, head=HEAD)
    assert found(path) == [("RAG004", f"{SHEET}!F2"), ("RAG001", f"{SHEET}!E3")]
    assert messages(path)[0] == (
        "066.01.WA Program Pencegahan: pagu 1.000.000.000 dikurangi realisasi 898.500.000 "
        "adalah 101.500.000, tetapi sisa tertulis 47.000.000; akibatnya sisa Jumlah juga tidak "
        "sama dengan pagu dikurangi realisasinya yang menjumlahkannya")


def test_a_realisasi_wrong_where_the_sisa_is_a_formula_is_one_finding(tmp_path):
    # The template's layout: sisa = pagu - realisasi by formula; the wrong realisasi leaves the
    # kegiatan's typed % failing, and the program's typed %; its sisa formulas agree.
    rows = [["066.01.WA", "Program Pencegahan", "=SUM(C3:C4)", "=SUM(D3:D4)", "95,25%",
             "=C2-D2"],
            ["3247", "Penyelenggaraan Advokasi", 400_000_000, 328_500_000, "95,63%", "=C3-D3"],
            ["3251", "Pelaksanaan Intelijen", 600_000_000, 570_000_000, "95,00%", "=C4-D4"]]
    path = workbook(tmp_path, rows, {"C2": 1_000_000_000, "D2": 898_500_000, "F2": 101_500_000,
                                  "F3": 71_500_000, "F4": 30_000_000}, sheet=SHEET, head=HEAD)
    assert found(path) == [("RAG001", f"{SHEET}!E3")]
    assert messages(path)[0].endswith(
        "akibatnya persentase 066.01.WA Program Pencegahan juga tidak sesuai dengan pagu dan "
        "realisasinya yang menjumlahkannya")


def test_a_parent_typed_by_hand_from_the_right_figures_is_no_second_finding(tmp_path):
    # The program's and the Jumlah's figures are typed, right: the kegiatan's realisasi typed
    # wrong leaves the program's realisasi unequal to its items' (RAG002), the same mistake.
    path = plan(tmp_path, [400_000_000, 328_500_000, "95,63%", 17_500_000], sums=False)
    assert found(path) == [("RAG001", f"{SHEET}!E3")]
    assert messages(path)[0].endswith(
        "(pagu dikurangi sisa) sesuai dengan persentase dan sisa yang tertulis; akibatnya kolom "
        "Realisasi (Rp) 066.01.WA Program Pencegahan tidak lagi sama dengan jumlah rinciannya")


def test_a_parent_typed_by_hand_wrong_over_a_wrong_item_keeps_both_findings(tmp_path):
    # The program's realisasi is typed 925.200.000: no correction of its kegiatan makes it
    # their sum; its % agrees with it, the Jumlah's % and realisasi are typed the same.
    path = plan(tmp_path, [400_000_000, 328_500_000, "95,63%", 17_500_000], sums=False,
                program=[1_000_000_000, 925_200_000, "92,52%", 74_800_000])
    assert found(path) == [("RAG002", f"{SHEET}!D2"), ("RAG001", f"{SHEET}!E3")]
