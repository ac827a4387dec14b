"""Messages that tell what to do: each rule's "how to fix" in the text report (once a rule,
with why it matters) and in the annotated copy's comments; both sides of a comparison in the
same unit; MAT001 naming both tables, their columns and what each holds."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from renjacheck.engine import Setup, check_file, check_files, check_plan, load_rules
from renjacheck.findings import Finding, Severity
from renjacheck.model.build import read
from renjacheck.reporters import REPORTERS
from renjacheck.values import Location, Quantity
from renjacheck.writers.annotate import annotate
from tests.xlsx import block, write

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "banten-2024.xlsx"
RULES = {r.id: r for r in load_rules()}


@pytest.fixture(scope="module")
def seed():
    report = check_files([SEED])
    report.files[0].path = "samples/banten-2024.xlsx"
    return report


def fix_of(rule: str, lang: str = "id") -> str:
    return " ".join(getattr(RULES[rule].fix, lang).split())


def test_the_text_report_says_how_to_fix_once_a_rule_after_why_it_matters(seed):
    lines = REPORTERS["text"]("id").render(seed).splitlines()
    fixes = [n for n, line in enumerate(lines) if line.startswith("      Cara memperbaiki: ")]
    rules = {f.rule for f in seed.files[0].findings}
    assert len(fixes) == len(rules) == 16
    at = next(n for n, line in enumerate(lines) if "[CAP001 capaian-hitung]" in line)
    assert lines[at + 2] == "      diharapkan: 100,43%; ditemukan: 100,45%"
    assert lines[at + 3].startswith("      Mengapa penting: Capaian adalah realisasi dibagi")
    start = next(n for n in fixes if n > at)
    said = " ".join(line.strip() for line in lines[start:start + 3]
                    if line.startswith("      ") and not line.startswith("    KESALAHAN"))
    assert said.startswith("Cara memperbaiki: " + fix_of("CAP001")[:60])
    english = REPORTERS["text"]("en").render(seed)
    assert english.count("      How to fix: ") == 16 and "Cara memperbaiki" not in english


def test_the_annotated_copy_says_how_to_fix_in_each_comment(seed, tmp_path):
    copy = tmp_path / "hasil.xlsx"
    annotate(SEED, seed.files[0], copy, "id")
    book = openpyxl.load_workbook(copy)
    note = book["Capaian 2023"]["F36"].comment.text
    assert note.splitlines()[1:4] == [
        seed.files[0].findings[3].message("id"),
        "diharapkan: 100,43%; ditemukan: 100,45%",
        "Cara memperbaiki: " + fix_of("CAP001")]
    # Every finding of a rule gets it, not only the first: each comment stands alone.
    for cell in ("B28", "D28"):
        assert "Cara memperbaiki: " + fix_of("TBL004") in book["Lampiran RO"][cell].comment.text
    annotate(SEED, seed.files[0], tmp_path / "en.xlsx", "en")
    note = openpyxl.load_workbook(tmp_path / "en.xlsx")["Capaian 2023"]["F36"].comment.text
    assert "How to fix: " + fix_of("CAP001", "en") in note


def test_both_sides_of_a_comparison_carry_the_unit(tmp_path):
    path = write(tmp_path / "capaian.xlsx", {"C": block("A1", [
        ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Satuan", "Target", "Realisasi", None,
         None, None, None, "Capaian"],
        [None, None, None, None, None, "TW I", "TW II", "TW III", "TW IV", "Jumlah", None],
        [1, "S1", "Jumlah klien", "Orang", 40, 8, 10, 12, 14, 54, "135%"],
        [2, "S1", "Persentase klien pulih", "%", 60, "50,0", "55,5", "60,1", "62,4", "66,0",
         "110%"],
    ])}, merges={"C": ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:J1", "K1:K2"]})
    found = [f for f in check_plan(read(path), list(RULES.values())) if f.rule == "TBL007"]
    assert [(str(f.locations[0]), f.figures("id")) for f in found] == [
        ("C!J3", ("44 Orang", "54 Orang")), ("C!J4", ("228,0%", "66,0%"))]
    assert [f.figures("en") for f in found] == [("44 Orang", "54 Orang"), ("228.0%", "66.0%")]


def test_a_figure_computed_without_a_unit_takes_the_unit_of_the_written_one():
    def finding(expected, actual) -> Finding:
        return Finding(rule="X", slug="x", severity=Severity.ERROR, table=None, locations=(),
                       templates={"id": "-"}, args={}, expected=expected, actual=actual)

    loc = Location(sheet="S", row=1, col=1)
    percent = Quantity(value=Decimal("80"), decimals=0, loc=loc, text="80%", percent=True)
    plain = Quantity(value=Decimal("80"), decimals=0, loc=loc, text="80")
    orang = Quantity(value=Decimal("110"), decimals=0, loc=loc, text="110 Orang", unit="Orang")
    indeks = Quantity(value=Decimal("3.5"), decimals=1, loc=loc, text="3,5 indeks",
                      unit="indeks")
    assert finding(Decimal("95.19"), percent).figures("id") == ("95,19%", "80%")
    assert finding(percent, plain).figures("id") == ("80%", "80%")
    assert finding(120, orang).figures("id") == ("120 Orang", "110 Orang")
    assert finding(orang, indeks).figures("id") == ("110 Orang", "3,5 indeks")  # both written
    assert finding(Decimal("615000000"), Decimal("490000000")).figures("en") == \
        ("615,000,000", "490,000,000")
    assert finding("filled", None).figures("id") is None


def test_mat001_names_both_tables_their_columns_and_each_kegiatan_pagu(seed):
    found = [f for f in seed.files[0].findings if f.rule == "MAT001"]
    assert [(str(f.locations[0]), f.message("id")) for f in found] == [
        ("Matriks 2024!G22",
         'Kegiatan 5354 + 3251: anggaran di tabel Matriks, kolom "Anggaran (Rp)", tertulis '
         '490.000.000, tetapi pagu kegiatan itu di tabel Pendanaan, kolom "Total", 615.000.000 '
         "(5354: 490.000.000 + 3251: 125.000.000); kedua angka harus sama"),
        ("Matriks 2024!G29:G30",
         'Kegiatan 3236: anggaran di tabel Matriks, kolom "Anggaran (Rp)", tertulis '
         '6.803.094.000, tetapi pagu kegiatan itu di tabel Pendanaan, kolom "Total", '
         "5.169.772.000; kedua angka harus sama")]
    assert found[0].message("en") == (
        'Kegiatan 5354 + 3251: the Matriks table gives an anggaran of 490,000,000 in column '
        '"Anggaran (Rp)", but the kegiatan\'s pagu in the Pendanaan table, column "Total", is '
        "615,000,000 (5354: 490,000,000 + 3251: 125,000,000); the two must be equal")
    assert [str(loc) for loc in found[0].locations] == [
        "Matriks 2024!G22", "Pendanaan!G13", "Pendanaan!G7"]


def test_a_waived_copy_of_the_seed_still_gives_its_fix(tmp_path):
    source = Path(shutil.copy(SEED, tmp_path / SEED.name))
    report = check_file(source, Setup(rules=list(RULES.values())))
    assert all(f.fix == RULES[f.rule].fix.model_dump() for f in report.findings)
