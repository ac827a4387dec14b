"""`renjacheck template`: a blank workbook to the input contract that reads as empty tables,
offers drop-down lists on the right columns, and reads back the plan a planner writes into it."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from renjacheck.engine import Setup, check_file, load_rules
from renjacheck.model.build import read
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.identitas import IDENTITAS
from renjacheck.tables.matriks import MATRIKS
from renjacheck.tables.narasi import NARASI
from renjacheck.tables.pendanaan import PENDANAAN
from renjacheck.tables.realisasi import REALISASI_ANGGARAN
from renjacheck.tables.ro import RO_KIND
from renjacheck.writers.template import DEFAULT_BIDANG, UNITS
from tests import plans
from tests.runner import run

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TABLE_SHEETS = ["Identitas", "Pendanaan", "Capaian", "Matriks", "RO", "Narasi",
                "Realisasi Anggaran"]


def _template(monkeypatch, capsys, path: Path, *args) -> Path:
    code, out, err = run(monkeypatch, capsys, "template", "-o", path, *args)
    assert (code, err) == (0, ""), err
    assert str(path) in out
    return path


def _check(path: Path):
    return check_file(path, Setup(rules=load_rules()))


def _columns(sheet) -> dict[str, str]:
    """Heading (row 2) -> column letter."""
    return {c.value: c.column_letter for c in sheet[2] if c.value}


# Each table's header, where the blank template writes it.
EMPTY = [("READ006", "Pendanaan!A2:D2"), ("READ006", "Capaian!A2:I2"),
         ("READ006", "Matriks!A2:I2"), ("READ006", "RO!A2:F2"), ("READ006", "Narasi!A2:C2"),
         ("READ006", "Realisasi Anggaran!A2:F2")]


def test_an_empty_template_reads_no_table(monkeypatch, capsys, tmp_path):
    """A blank template holds headers and no row: nothing to check is never a pass."""
    path = _template(monkeypatch, capsys, tmp_path / "renja-kosong.xlsx")
    plan = read(path)
    assert [(t.kind, t.sheet, t.rows) for t in plan.infos] == [
        ("pendanaan", "Pendanaan", 0), ("capaian", "Capaian", 0), ("matriks", "Matriks", 0),
        ("ro", "RO", 0), ("narasi", "Narasi", 0),
        ("realisasi_anggaran", "Realisasi Anggaran", 0)]
    code, out, err = run(monkeypatch, capsys, "check", path)
    assert (code, out) == (2, "")
    assert "tidak ada tabel yang terbaca (judul kolom Pendanaan di Pendanaan!A2:D2" in err


def _flat(report) -> list[tuple[str, str]]:
    return [(f.rule, str(f.locations[0]) if f.locations else "") for f in report.findings]


def test_prefilled_identity_and_satker(monkeypatch, capsys, tmp_path):
    path = _template(monkeypatch, capsys, tmp_path / "renja.xlsx", "--year", "2024", "--unit",
                     "BNN Provinsi Banten", "--satker", "BANTEN", "--satker", "TANGSEL")
    report = _check(path)
    # The identity is filled in; every other table is its header alone (the Pendanaan's with
    # two satker columns), and says so.
    assert (report.exit_code, _flat(report)) == (0, [("READ006", "Pendanaan!A2:E2"), *EMPTY[1:]])
    plan = read(path)
    assert (plan.get(IDENTITAS).unit.value, plan.year) == ("BNN Provinsi Banten", 2024)
    assert plan.get(PENDANAAN).satker == ["BANTEN", "TANGSEL"]
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Petunjuk", *TABLE_SHEETS, "Daftar"]
    assert book["Daftar"].sheet_state == "hidden"
    assert book["Capaian"]["A1"].value == "Realisasi Capaian Kinerja Tahun 2023"
    assert book["Matriks"]["A1"].value == "Matriks Rencana Kerja Tahun 2024"


def test_headings_styled_frozen_and_formulas_in_place(monkeypatch, capsys, tmp_path):
    book = openpyxl.load_workbook(_template(monkeypatch, capsys, tmp_path / "r.xlsx",
                                            "--satker", "PROV", "--satker", "KOTA A"))
    for name in TABLE_SHEETS[1:]:
        sheet = book[name]
        assert sheet.freeze_panes in ("A3", "C4")
        assert all(c.font.bold and c.fill.fill_type == "solid" for c in sheet[2] if c.value)
        assert all(sheet.column_dimensions[c.column_letter].width > 5 for c in sheet[2]
                   if c.value)
    pendanaan = book["Pendanaan"]
    assert [c.value for c in pendanaan[2]] == [
        "Kode", "Program/Kegiatan/KRO/RO/Komponen/Subkomp/Akun", "PROV", "KOTA A", "Total"]
    assert pendanaan["B3"].value == "TOTAL PAGU"
    assert pendanaan["E4"].value == '=IF(COUNT(C4:D4)=0,"",SUM(C4:D4))'
    assert all(pendanaan.cell(3, c).value.startswith("=IF(COUNTA($A$4:$A$303)=0")
               for c in range(3, 6))
    assert book["Capaian"]["G3"].value == \
        '=IF(OR(E3="",F3=""),"",IFERROR(IF(H3="negatif",2-F3/E3,F3/E3),""))'
    assert pendanaan["A4"].number_format == "@"  # codes stay text: 051 keeps its zero


def test_drop_down_lists_on_the_right_columns(monkeypatch, capsys, tmp_path):
    book = openpyxl.load_workbook(_template(monkeypatch, capsys, tmp_path / "r.xlsx"))
    wanted = {("Capaian", "Bidang"): "bidang", ("Capaian", "Polaritas"): "polaritas",
              ("Capaian", "Satuan"): "satuan", ("Matriks", "Bidang"): "bidang",
              ("Matriks", "Satuan"): "satuan", ("RO", "Satuan"): "satuan",
              ("Narasi", "Bidang"): "bidang"}
    found = {}
    for name in ("Capaian", "Matriks", "RO", "Narasi"):
        sheet = book[name]
        letters = {v: k for k, v in _columns(sheet).items()}
        for check in sheet.data_validations.dataValidation:
            if check.type != "list":
                continue
            (ref,) = str(check.sqref).split()
            start, end = ref.split(":")
            column = start.rstrip("0123456789")
            assert (start[len(column):], end) == ("3", f"{column}102")
            found[(name, letters[column])] = check.formula1.lstrip("=").removeprefix("Daftar")
    assert found == {key: kind.capitalize() for key, kind in wanted.items()}
    lists = book["Daftar"]
    for kind, values in (("Bidang", DEFAULT_BIDANG), ("Polaritas", ("positif", "negatif")),
                         ("Satuan", UNITS)):
        sheet_name, ref = book.defined_names[f"Daftar{kind}"].attr_text.split("!")
        assert sheet_name == "'Daftar'"
        assert tuple(c.value for (c,) in lists[ref.replace("$", "")]) == values
    polaritas = next(c for c in book["Capaian"].data_validations.dataValidation
                     if c.formula1 == "=DaftarPolaritas")
    assert polaritas.errorStyle == "stop"


def test_bidang_may_be_configured(monkeypatch, capsys, tmp_path):
    book = openpyxl.load_workbook(_template(monkeypatch, capsys, tmp_path / "r.xlsx", "--bidang",
                                            "Sekretariat", "--bidang", "Seksi P2M"))
    ref = book.defined_names["DaftarBidang"].attr_text.split("!")[1].replace("$", "")
    assert [c.value for (c,) in book["Daftar"][ref]] == ["Sekretariat", "Seksi P2M"]


def test_english_titles_and_notes(monkeypatch, capsys, tmp_path):
    path = _template(monkeypatch, capsys, tmp_path / "blank.xlsx", "--lang", "en", "--year",
                     "2025", "--unit", "BNN Provinsi Contoh")
    book = openpyxl.load_workbook(path)
    # Table sheets and headings keep the contract's names: they are what the reader knows.
    assert book.sheetnames == ["Instructions", *TABLE_SHEETS, "Lists"]
    assert book["Pendanaan"]["A1"].value == "Funding requirements 2025"
    assert "renjacheck check" in book["Instructions"]["A3"].value
    report = _check(path)
    assert (report.exit_code, _flat(report)) == (0, EMPTY)
    assert report.findings[1].message("en").startswith(
        "The Capaian table's header is at Capaian!A2:I2, but no row under it was read as data")


@pytest.mark.parametrize("args, message", [
    (("--satker", "Total"), "sama dengan judul kolom"),
    (("--satker", "PROV", "--satker", "prov"), "disebut dua kali"),
    (("--year", "24"), "tidak masuk akal"),
])
def test_bad_options_exit_2(monkeypatch, capsys, tmp_path, args, message):
    path = tmp_path / "r.xlsx"
    code, out, err = run(monkeypatch, capsys, "template", "-o", path, *args)
    assert (code, out) == (2, "") and message in err and not path.exists()


def test_an_existing_file_is_kept_unless_forced(monkeypatch, capsys, tmp_path):
    path = tmp_path / "renja.xlsx"
    path.write_bytes(b"draf perencana")
    code, _, err = run(monkeypatch, capsys, "template", "-o", path)
    assert code == 2 and err == f"renjacheck: {path} sudah ada; pakai --force untuk menimpanya\n"
    assert path.read_bytes() == b"draf perencana"
    _template(monkeypatch, capsys, path, "--force")
    assert openpyxl.load_workbook(path).sheetnames[0] == "Petunjuk"
    assert [p.name for p in tmp_path.iterdir()] == ["renja.xlsx"]  # no temporary file left


def _fill(path: Path, values: bool) -> Path:
    """Write the plan of tests/plans.py into the template as a planner would. Formulas stay,
    or with `values` are replaced by what they compute (openpyxl calculates nothing)."""
    book = openpyxl.load_workbook(path)
    sheet = book["Pendanaan"]
    for r, (kode, uraian, written, _t) in enumerate(plans.PENDANAAN, start=4):
        row = [_rupiah(a) for a in written]
        sheet.cell(r, 1, kode), sheet.cell(r, 2, uraian)
        for c, amount in enumerate(row, start=3):
            sheet.cell(r, c, amount)
        if values:
            sheet.cell(r, 6, sum(a or 0 for a in row))
    if values:
        for c in range(3, 7):
            sheet.cell(3, c, sum(sheet.cell(r, c).value or 0 for r in range(4, 7)))
    sheet = book["Capaian"]
    for r, (bidang, no, sasaran, indikator, target, realisasi, _c) in \
            enumerate(plans.CAPAIAN, start=3):
        (t, unit, fmt), (x, _u, xfmt) = _figure(target), _figure(realisasi)
        for c, value in enumerate([no, bidang, sasaran, indikator, t, x], start=1):
            sheet.cell(r, c, value)
        sheet.cell(r, 5).number_format, sheet.cell(r, 6).number_format = fmt, xfmt
        sheet.cell(r, 9, unit)
        if values:
            sheet.cell(r, 7, x / t)
    sheet, r = book["Matriks"], 3
    for no, kegiatan, anggaran, bidang, rows in plans.MATRIKS:
        for j, (sasaran, indikator, target, satuan) in enumerate(rows):
            head = [no, bidang, None, kegiatan] if j == 0 else [None, None, None, None]
            row = head + [sasaran, indikator, float(target.replace(",", ".")), satuan,
                          _rupiah(anggaran) if j == 0 else None]
            for c, value in enumerate(row, start=1):
                sheet.cell(r, c, value)
            r += 1
    sheet, r = book["RO"], 3
    for no, kegiatan, indikator, ros in plans.RO:
        for j, (name, volume) in enumerate(ros):
            count, unit = volume.split()
            head = [no, kegiatan, indikator] if j == 0 else [None, None, None]
            for c, value in enumerate(head + [name, int(count), unit], start=1):
                sheet.cell(r, c, value)
            r += 1
    for r, row in enumerate(plans.NARASI, start=3):
        for c, value in enumerate(row, start=1):
            book["Narasi"].cell(r, c, value)
    sheet = book["Realisasi Anggaran"]  # Kode, Uraian, Pagu, Realisasi, % and Sisa formulas
    for r, (kode, uraian, pagu, realisasi) in enumerate(plans.REALISASI_ANGGARAN, start=3):
        row = [kode, uraian, _rupiah(pagu), _rupiah(realisasi)]
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c, value)
        if values:
            sheet.cell(r, 5, row[3] / row[2])
            sheet.cell(r, 6, row[2] - row[3])
    if values:  # the formulas of the rows left empty show nothing
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.startswith("="):
                        cell.value = None
    book.save(path)
    return path


def _rupiah(text: str | None) -> int | None:
    return None if text is None else 0 if text == "-" else int(text.replace(".", ""))


def _figure(text: str) -> tuple[float, str | None, str]:
    """'77,14%' -> (0.7714, None, '0.00%'); '40 Orang' -> (40, 'Orang', 'General')."""
    number, _, unit = text.replace(" / ", "/").replace("/ ", "/").partition(" ")
    if number.endswith("%"):
        digits = number[:-1].replace(",", ".")
        places = len(digits.partition(".")[2])
        return float(digits) / 100, None, "0." + "0" * places + "%" if places else "0%"
    return float(number.replace(",", ".")), unit or None, "General"


def _assert_reads_back_the_plan(path: Path) -> None:
    report = _check(path)
    assert report.exit_code == 0, [(f.rule, str(f.locations[0]) if f.locations else None)
                                   for f in report.findings]
    assert {f.severity.value for f in report.findings} <= {"info"}
    plan = read(path)
    assert (plan.get(IDENTITAS).unit.value, plan.year) == (plans.UNIT, plans.YEAR)
    pendanaan = plan.get(PENDANAAN)
    assert pendanaan.satker == plans.SATKER
    assert [(r.kode.value, r.level, r.total.value) for r in pendanaan.items] == [
        (k, "kegiatan", Decimal(_rupiah(t))) for k, _u, _a, t in plans.PENDANAAN]
    assert [pendanaan.grand_total.amounts[s].value for s in plans.SATKER] + \
        [pendanaan.grand_total.total.value] == [Decimal(_rupiah(g)) for g in plans.GRAND]
    cent = Decimal("0.01")
    percent = [Decimal(c.rstrip("%").replace(",", ".")).quantize(cent) for *_x, c in plans.CAPAIAN]
    assert [(r.indikator.value, r.bidang.value, r.capaian.value.quantize(cent))
            for r in plan.get(CAPAIAN).rows] == [(i, b, p) for (b, _n, _s, i, *_x), p
                                       in zip(plans.CAPAIAN, percent, strict=True)]
    assert [(k.kegiatan.value, k.total, [r.indikator.value for r in k.rows])
            for k in plan.get(MATRIKS).groups] == [
        (keg, Decimal(_rupiah(ang)), [r[1] for r in rows])
        for _n, keg, ang, _b, rows in plans.MATRIKS]
    assert [r.rincian_output.value for r in plan.get(RO_KIND).rows] == \
        [name for *_x, ros in plans.RO for name, _v in ros]
    assert len(plan.get(NARASI).statements) == len(plans.NARASI)
    realisasi = plan.get(REALISASI_ANGGARAN)
    assert [(r.level, r.parent and r.parent.kode.value, r.is_total, r.persen.text,
             r.sisa.value) for r in realisasi.rows] == [
        ("program", None, False, "95,71%", 7_500_000),
        ("kegiatan", "066.06.DH", False, "95,00%", 7_500_000),
        ("kegiatan", "066.06.DH", False, "100,00%", 0),
        ("program", None, False, "97,00%", 39_000_000),
        ("kegiatan", "066.01.WA", False, "97,00%", 39_000_000),
        (None, None, True, "96,85%", 46_500_000)]


def _planned(monkeypatch, capsys, tmp_path) -> Path:
    return _template(monkeypatch, capsys, tmp_path / "renja.xlsx", "--year", str(plans.YEAR),
                     "--unit", plans.UNIT, *[a for s in plans.SATKER for a in ("--satker", s)])


def test_a_filled_template_reads_back_the_plan(monkeypatch, capsys, tmp_path):
    _assert_reads_back_the_plan(_fill(_planned(monkeypatch, capsys, tmp_path), values=True))


def test_a_template_filled_by_a_script_is_calculated_and_checked_in_full(monkeypatch, capsys,
                                                                          tmp_path):
    """openpyxl writes the template's formulas without values: renjacheck calculates them (the
    Total, TOTAL PAGU, Capaian, % and Sisa) and reads back the plan, every rule run."""
    path = _fill(_planned(monkeypatch, capsys, tmp_path), values=False)
    with zipfile.ZipFile(path) as archive:  # the formulas are there, with no value
        xml = archive.read("xl/worksheets/sheet3.xml").decode()
    assert '<c r="F4"' in xml and "<f>IF(COUNT(C4:E4)=0" in xml and "<v>" not in \
        xml.split('<c r="F4"')[1].split("</c>")[0]
    _assert_reads_back_the_plan(path)
    report = _check(path)
    assert {"PAGU001", "PAGU003", "CAP001", "RAG001", "RAG004"} <= report.ran
    assert sorted(report.skipped) == []


def test_a_filled_template_with_wrong_figures_is_found_at_its_cells(monkeypatch, capsys,
                                                                    tmp_path):
    """The calculated totals are checked like typed ones: a Total typed over its formula is
    found at its cell (the TOTAL PAGU calculated from it, which then disagrees with the satker
    sums, named in that finding: one mistake, one finding), and the Matriks and the narrative
    disagree with it, each at its cell."""
    path = _fill(_planned(monkeypatch, capsys, tmp_path), values=False)
    book = openpyxl.load_workbook(path)
    book["Pendanaan"]["F5"] = 30_000_000  # 20.000.000 + 5.000.000 typed as 30.000.000
    book.save(path)
    findings = _check(path).findings
    found = [(f.rule, str(f.locations[0]), _value(f.expected), _value(f.actual))
             for f in findings if f.severity.value == "error"]
    first = next(f for f in findings if f.rule == "PAGU001")
    assert "akibatnya Total TOTAL PAGU" in first.message("id"), first.message("id")
    assert found == [("PAGU001", "Pendanaan!F5", 25_000_000, 30_000_000),
                     ("MAT001", "Matriks!I6", 30_000_000, 25_000_000),
                     ("NAR001", "Narasi!C4", 1_480_000_000, 1_475_000_000)]


def _value(value):
    return getattr(value, "value", value)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                                            "apt-get install libreoffice-calc to run this test")
def test_libreoffice_calculates_the_formulas_as_the_rules_expect(monkeypatch, capsys, tmp_path):
    """Filled without values, saved again by LibreOffice: the Total, TOTAL PAGU, Capaian, %
    and Sisa formulas compute what PAGU001, PAGU003, CAP001, RAG001 and RAG004 check."""
    path = _fill(_planned(monkeypatch, capsys, tmp_path), values=False)
    out = tmp_path / "lo"
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    done = subprocess.run([SOFFICE, profile, "--headless", "--calc", "--convert-to", "xlsx",
                           "--outdir", str(out), str(path)], capture_output=True, timeout=180)
    assert done.returncode == 0, done.stderr
    _assert_reads_back_the_plan(out / path.name)
