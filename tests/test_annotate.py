"""`renjacheck annotate`: the annotated copy marks every finding at its cell, lists them on a
results sheet, changes no value, checks as the original does, and never touches the input."""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import shutil
import subprocess
import sys
import zipfile
import zlib
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from renjacheck.writers.annotate import AUTHOR, FILLS
from renjacheck.cli import main
from renjacheck.engine import Setup, check_file, load_rules
from renjacheck.tables import registry
from renjacheck.workbook.grid import load
from tests.hostile.build import CASES
from tests.runner import run
from tests.xlsx import block, write

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED = SAMPLES / "banten-2024.xlsx"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _cli(*args) -> tuple[int, str, str]:
    """Run `renjacheck ARGS` in-process outside a test's fixtures (for module-scoped ones)."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        patch.setattr(sys, "argv", ["renjacheck", *map(str, args)])
        with pytest.raises(SystemExit) as exited:
            main()
    return exited.value.code, out.getvalue(), err.getvalue()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    """The seed sample copied, its digest, the check's report, and its annotated copy."""
    folder = tmp_path_factory.mktemp("annotate")
    source = shutil.copy(SEED, folder / SEED.name)
    digest = _digest(Path(source))
    copy = folder / "banten-2024-hasil.xlsx"
    result = _cli("annotate", source, "-o", copy)
    report = check_file(Path(source), Setup(rules=load_rules()))
    return Path(source), digest, copy, report, result


def _fill(cell) -> str | None:
    if cell.fill is None or cell.fill.fill_type != "solid":
        return None
    return cell.fill.fgColor.rgb[-6:]


def test_exit_code_as_check_and_a_summary_line(seed):
    _source, _digest_, copy, _report, (code, out, err) = seed
    assert code == 1 and err == ""
    assert out == f"{copy}: Ringkasan: 11 kesalahan, 20 peringatan, 4 info\n"


def test_the_input_is_not_touched(seed):
    source, digest, *_ = seed
    assert _digest(source) == digest


def test_cells_of_findings_are_filled_and_explained(seed):
    _source, _d, copy, report, _result = seed
    book = openpyxl.load_workbook(copy)
    cap = book["Capaian 2023"]["F36"]
    assert _fill(cap) == FILLS["error"]
    assert cap.comment.author == AUTHOR
    assert "CAP001" in cap.comment.text and "100,43%" in cap.comment.text
    # MAT001 at the merged G29:G30: on its top-left cell.
    mat = book["Matriks 2024"]["G29"]
    assert _fill(mat) == FILLS["error"] and "MAT001" in mat.comment.text
    warning = book["Pendanaan"]["A18"]
    assert _fill(warning) == FILLS["warning"] and "MAT002" in warning.comment.text
    assert _fill(book["Pendanaan"]["D10"]) == FILLS["info"]
    # A cell a finding only names is explained, not filled: its value may well be right.
    related = book["Pendanaan"]["G13"]
    assert _fill(related) is None
    assert "MAT001" in related.comment.text and "Matriks 2024!G22" in related.comment.text
    # Three findings at C13:C15 share one comment.
    assert book["Lampiran RO"]["C13"].comment.text.count("[PERINGATAN RO002") == 3
    # Every finding's cell to fix is filled with (at least) its severity's colour, and no
    # other cell got a comment.
    marked = set()
    for finding in report.findings:
        for n, loc in enumerate(finding.locations):
            cell = book[loc.sheet].cell(loc.row, loc.col)
            marked.add((loc.sheet, cell.coordinate))
            assert finding.rule in cell.comment.text
            if n == 0:
                assert _fill(cell) in (FILLS["error"], FILLS[finding.severity.value])
    commented = {(ws.title, c.coordinate) for ws in book.worksheets for row in ws.iter_rows()
                 for c in row if c.comment is not None}
    assert commented == marked


def test_results_sheet_lists_every_finding_with_a_link_to_its_cell(seed):
    _source, _d, copy, report, _result = seed
    book = openpyxl.load_workbook(copy)
    assert book.sheetnames[0] == "Hasil Pemeriksaan"
    sheet = book.worksheets[0]
    values = {row[0]: row[3] for row in sheet.iter_rows(max_row=12, max_col=4, values_only=True)
              if row[0]}
    assert values["Berkas"] == "banten-2024.xlsx"
    assert (values["Kesalahan"], values["Peringatan"], values["Info"],
            values["Dikecualikan"]) == (11, 20, 4, 0)
    heading = next(r for r in range(1, 40) if sheet.cell(r, 1).value == "#")
    # The tables read: kind, range (running on into the empty column), rows two columns on.
    tables = {row[1]: (row[3], row[4], row[5]) for row in sheet.iter_rows(
        max_row=heading, max_col=6, values_only=True) if row[1] and row[3]}
    assert tables["capaian"] == ("Capaian 2023!A3:F36", None, "19 baris")
    assert tables["pendanaan"] == ("Pendanaan!A3:G21", None, "15 baris")
    listed = [row for row in sheet.iter_rows(min_row=heading + 1) if row[0].value is not None]
    assert len(listed) == len(report.findings)
    for row, finding in zip(listed, report.findings, strict=True):
        assert row[2].value == finding.rule
        assert row[1].value in ("KESALAHAN", "PERINGATAN", "INFO")
        first = finding.locations[0]
        assert row[3].value == str(first)
        link = row[3].hyperlink
        assert link is not None and not link.target  # inside the workbook
        target_sheet, target_cell = re.fullmatch(r"'(.+)'!(.+)", link.location).groups()
        assert target_sheet.replace("''", "'") in book.sheetnames
        assert target_cell == first.cell


def test_no_value_changes(seed):
    source, _d, copy, _report, _result = seed
    for data_only in (False, True):
        before = openpyxl.load_workbook(source, data_only=data_only)
        after = openpyxl.load_workbook(copy, data_only=data_only)
        assert after.sheetnames[1:] == before.sheetnames
        for sheet in before.worksheets:
            mine = after[sheet.title]
            assert {c.coordinate: c.value for row in sheet.iter_rows() for c in row} == \
                {c.coordinate: c.value for row in mine.iter_rows(max_row=sheet.max_row,
                                                                 max_col=sheet.max_column)
                 for c in row}
            assert sorted(map(str, mine.merged_cells.ranges)) == \
                sorted(map(str, sheet.merged_cells.ranges))


def test_the_copy_checks_as_the_original(seed):
    source, _d, copy, report, _result = seed
    again = check_file(copy, Setup(rules=load_rules()))
    assert [(t.kind, t.sheet, t.range, t.rows) for t in again.tables] == \
        [(t.kind, t.sheet, t.range, t.rows) for t in report.tables]
    assert [(f.rule, f.severity, f.locations, f.fingerprint) for f in again.findings] == \
        [(f.rule, f.severity, f.locations, f.fingerprint) for f in report.findings]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_results_sheet_holds_no_table_header(tmp_path, lang):
    copy = tmp_path / "hasil.xlsx"
    assert _cli("annotate", SEED, "-o", copy, "--lang", lang)[0] == 1
    results = load(copy)[0]
    assert results.name == {"id": "Hasil Pemeriksaan", "en": "Check Results"}[lang]
    assert registry.detector().find(results) == []


def test_english(monkeypatch, capsys, tmp_path):
    copy = tmp_path / "results.xlsx"
    code, out, _ = run(monkeypatch, capsys, "annotate", "--lang", "en", SEED, "-o", copy)
    assert code == 1 and "Summary: 11 errors, 20 warnings, 4 info" in out
    book = openpyxl.load_workbook(copy)
    assert book.sheetnames[0] == "Check Results"
    assert "[ERROR CAP001 capaian-hitung]" in book["Capaian 2023"]["F36"].comment.text


def test_a_clean_workbook_exits_0_and_is_still_written(monkeypatch, capsys, tmp_path):
    copy = tmp_path / "bersih.xlsx"
    code, _, err = run(monkeypatch, capsys, "annotate", SAMPLES / "banten-2024-perbaikan.xlsx",
                       "-o", copy)
    assert (code, err) == (0, "")
    assert openpyxl.load_workbook(copy).sheetnames[0] == "Hasil Pemeriksaan"


@pytest.mark.parametrize("same", [
    lambda src: src,
    lambda src: src.parent / "." / src.name,
])
def test_never_writes_over_the_input(monkeypatch, capsys, tmp_path, same):
    source = Path(shutil.copy(SEED, tmp_path / "renja.xlsx"))
    digest = _digest(source)
    code, out, err = run(monkeypatch, capsys, "annotate", source, "-o", same(source))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "tidak pernah ditimpa" in err
    assert _digest(source) == digest


def test_a_file_that_cannot_be_checked_exits_2_without_output(monkeypatch, capsys, tmp_path):
    bogus = tmp_path / "renja.xlsx"
    bogus.write_text("No;Uraian\n1;Advokasi\n", encoding="utf-8")
    copy = tmp_path / "hasil.xlsx"
    code, out, err = run(monkeypatch, capsys, "annotate", bogus, "-o", copy)
    assert (code, out) == (2, "")
    assert err == f"renjacheck: {bogus}: bukan berkas .xlsx (mungkin CSV atau teks yang diganti " \
                  "namanya)\n"
    assert not copy.exists() and list(tmp_path.iterdir()) == [bogus]


def test_the_output_must_be_an_xlsx(monkeypatch, capsys, tmp_path):
    code, _, err = run(monkeypatch, capsys, "annotate", SEED, "-o", tmp_path / "hasil.xlsm")
    assert code == 2 and "harus berakhiran .xlsx" in err


def test_waived_findings_are_grey(monkeypatch, capsys, tmp_path, seed):
    report = seed[3]
    cap = next(f for f in report.findings if f.rule == "CAP001")
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(f"waivers:\n  - fingerprint: {cap.fingerprint}\n    reason: Dibulatkan\n"
                       "    accepted_by: Inspektur Wilayah I\n", encoding="utf-8")
    copy = tmp_path / "hasil.xlsx"
    code, out, _ = run(monkeypatch, capsys, "annotate", SEED, "-o", copy, "--waivers", waivers)
    assert code == 1 and "10 kesalahan" in out and "1 dikecualikan" in out
    book = openpyxl.load_workbook(copy)
    cell = book["Capaian 2023"]["F36"]
    assert _fill(cell) == FILLS["waived"]
    assert "DIKECUALIKAN: Dibulatkan (disetujui oleh Inspektur Wilayah I)" in cell.comment.text
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert any(r[2] == "CAP001" and r[7] and r[7].startswith("DIKECUALIKAN") for r in rows)


def test_formulas_keep_their_values_and_comments_are_kept(tmp_path):
    """A formula keeps both its text and its last calculated value (openpyxl alone would drop
    the value, and the copy would read as never calculated); the planner's comment stays."""
    rows = [["Kode", "Uraian", "A", "B", "Total"], ["3247", "Advokasi", 3, "abc", "=C3+D3"],
            ["3251", "Intelijen", 4, 5, "=SUM(C4:D4)"], [None, "Label", None, None, '=B3&"!"']]
    path = write(tmp_path / "rumus.xlsx", {"Anggaran": block("A2", rows)})
    book = openpyxl.load_workbook(path)
    book["Anggaran"]["D3"].comment = openpyxl.comments.Comment("Menunggu angka", "Perencana")
    book.save(path)
    cached = {"C3+D3": (None, "#VALUE!", ' t="e"'), "SUM(C4:D4)": (None, "9", ""),
              'B3&amp;"!"': (None, "Advokasi!", ' t="str"')}
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for formula, (_n, value, kind) in cached.items():
        xml = re.sub(r'(<c r="\w+"[^>]*?)(>)(<f>' + re.escape(formula) + r"</f>)<v\s*/>",
                     lambda m, v=value, k=kind: f"{m[1]}{k}{m[2]}{m[3]}<v>{v}</v>", xml)
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    copy = tmp_path / "hasil.xlsx"
    assert _cli("annotate", path, "-o", copy)[0] == 1  # D3 "abc": TBL001
    for data_only in (False, True):
        before = openpyxl.load_workbook(path, data_only=data_only)["Anggaran"]
        after = openpyxl.load_workbook(copy, data_only=data_only)["Anggaran"]
        assert [[c.value for c in r] for r in after.iter_rows(max_row=5, max_col=5)] == \
            [[c.value for c in r] for r in before.iter_rows(max_row=5, max_col=5)]
    assert openpyxl.load_workbook(copy, data_only=True)["Anggaran"]["E4"].value == 9
    again = check_file(copy, Setup(rules=load_rules()))
    assert "READ003" not in {f.rule for f in again.findings}
    note = openpyxl.load_workbook(copy)["Anggaran"]["D3"].comment.text
    assert note.startswith("Menunggu angka\n\n[KESALAHAN TBL001")


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_files_are_refused_or_survived(tmp_path, name):
    """What `check` refuses gets no copy (exit 2, one line); what it survives (a huge merge, a
    far corner, uncalculated formulas, strange values) gets a copy that checks the same."""
    builder, code, _text = CASES[name]
    source = builder(tmp_path / f"{name}.xlsx")
    digest = _digest(source)
    copy = tmp_path / "hasil.xlsx"
    got, out, err = _cli("annotate", source, "-o", copy)
    assert got == code, err
    assert _digest(source) == digest
    if code == 2:
        assert (out, err.count("\n"), copy.exists()) == ("", 1, False)
        return
    before = check_file(source, Setup(rules=load_rules()))
    after = check_file(copy, Setup(rules=load_rules()))
    assert [(f.rule, f.locations) for f in after.findings] == \
        [(f.rule, f.locations) for f in before.findings]


def _with_parts(path: Path, extra: dict[str, bytes], sheet_tail: bytes = b"") -> Path:
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    parts.update(extra)
    if sheet_tail:
        sheet = parts["xl/worksheets/sheet1.xml"]
        parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"</worksheet>",
                                                          sheet_tail + b"</worksheet>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


EXT_VALIDATION = (
    b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    b'<x14:dataValidations count="1" '
    b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    b'<x14:dataValidation type="list"><x14:formula1><xm:f>Daftar!$A$1:$A$4</xm:f>'
    b"</x14:formula1><xm:sqref>C3</xm:sqref></x14:dataValidation></x14:dataValidations>"
    b"</ext></extLst>")


def test_what_the_copy_loses_is_said_line_by_line(monkeypatch, capsys, tmp_path):
    from openpyxl.chart import BarChart, Reference

    rows = [["Kode", "Uraian", "A", "Total"], ["3247", "Advokasi", 5, 5]]
    path = write(tmp_path / "lengkap.xlsx", {"Anggaran": block("A2", rows)})
    book = openpyxl.load_workbook(path)
    chart = BarChart()  # a chart openpyxl can read is carried over: not reported
    chart.add_data(Reference(book["Anggaran"], min_col=3, min_row=3, max_row=3))
    book["Anggaran"].add_chart(chart, "G2")
    book.save(path)
    _with_parts(path, {"xl/vbaProject.bin": b"\0" * 16, "xl/slicers/slicer1.xml": b"<x/>",
                       "xl/media/image1.png": b"\x89PNG", "xl/webextensions/a.xml": b"<x/>"},
                EXT_VALIDATION)
    copy = tmp_path / "hasil.xlsx"
    code, _, err = run(monkeypatch, capsys, "annotate", path, "-o", copy)
    assert code == 0
    lines = [f"renjacheck: {path}: salinan tidak membawa {what}" for what in (
        "makro VBA (1)", "gambar (1)", "slicer dan timeline (1)",
        "validasi data versi Excel baru (daftar dari lembar lain) (1)",
        "bagian xl/webextensions/a.xml (1)")]
    assert err.splitlines() == lines
    listed = [r[1] for r in openpyxl.load_workbook(copy).worksheets[0].iter_rows(values_only=True)]
    assert [line.split(": ", 2)[2] for line in lines] == \
        [v for v in listed if v and str(v).startswith("salinan tidak membawa")]
    with zipfile.ZipFile(copy) as archive:
        assert any(n.startswith("xl/charts/chart") for n in archive.namelist())


def test_the_results_sheet_prints_a_page_wide_landscape_with_its_heading_on_every_page(seed):
    sheet = openpyxl.load_workbook(seed[2])["Hasil Pemeriksaan"]
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == \
        ("landscape", 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    heading = next(r for r in range(1, 40) if sheet.cell(r, 6).value == "Pesan")
    assert sheet.print_title_rows == f"${heading}:${heading}"
    assert sheet.auto_filter.ref.startswith(f"A{heading}:H")
    # Readable once fitted: 141 characters on A4 landscape within 0.4" margins print at 100%
    # in Calibri 11 (7 px a character and 5 of padding a column: 1027 of 1045 px).
    widths = [sheet.column_dimensions[c].width for c in "ABCDEFGH"]
    assert sum(widths) == 141 and sum(w * 7 + 5 for w in widths) <= (11.69 - 0.8) * 96
    assert (sheet.page_margins.left, sheet.page_margins.right) == (0.4, 0.4)
    assert sheet.oddFooter.right.text == "&P / &N"
    assert sheet.oddHeader.left.text == "Hasil pemeriksaan renjacheck: banten-2024.xlsx"


def _print_settings(sheet) -> dict:
    setup, margins = sheet.page_setup, sheet.page_margins
    return {"orientation": setup.orientation, "paper": setup.paperSize, "scale": setup.scale,
            "fit": (sheet.sheet_properties.pageSetUpPr.fitToPage if
                    sheet.sheet_properties.pageSetUpPr else None,
                    setup.fitToWidth, setup.fitToHeight),
            "titles": sheet.print_title_rows, "area": sheet.print_area,
            "margins": (margins.left, margins.right, margins.top, margins.bottom),
            "header": sheet.oddHeader.center.text, "footer": sheet.oddFooter.right.text,
            "centered": sheet.print_options.horizontalCentered,
            "gridlines": sheet.print_options.gridLines,
            "breaks": [b.id for b in sheet.row_breaks.brk]}


def test_the_data_sheets_keep_their_print_settings(tmp_path):
    from openpyxl.worksheet.pagebreak import Break

    book = openpyxl.load_workbook(SEED)
    pendanaan, matriks = book["Pendanaan"], book["Matriks 2024"]
    pendanaan.page_setup.orientation, pendanaan.page_setup.paperSize = "landscape", 9
    pendanaan.sheet_properties.pageSetUpPr.fitToPage = True
    pendanaan.page_setup.fitToWidth, pendanaan.page_setup.fitToHeight = 1, 0
    pendanaan.print_title_rows, pendanaan.print_area = "3:4", "A1:G21"
    pendanaan.page_margins.left, pendanaan.page_margins.top = 0.3, 1.1
    pendanaan.oddHeader.center.text, pendanaan.oddFooter.right.text = "Renja &A", "Hal &P"
    pendanaan.print_options.horizontalCentered = pendanaan.print_options.gridLines = True
    pendanaan.row_breaks.append(Break(id=12))
    matriks.page_setup.orientation, matriks.page_setup.scale = "landscape", 70
    matriks.print_title_rows = "5:5"
    source = tmp_path / "dicetak.xlsx"
    book.save(source)
    copy = tmp_path / "hasil.xlsx"
    assert _cli("annotate", source, "-o", copy)[0] == 1
    before, after = openpyxl.load_workbook(source), openpyxl.load_workbook(copy)
    assert after.sheetnames == ["Hasil Pemeriksaan", *before.sheetnames]
    for name in before.sheetnames:
        assert _print_settings(after[name]) == _print_settings(before[name]), name
    assert _print_settings(after["Pendanaan"])["titles"] == "$3:$4"  # now the fourth sheet's


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                                            "apt-get install libreoffice-calc to run this test")
def test_libreoffice_prints_the_results_sheet_landscape_at_a_readable_size(seed, tmp_path):
    """The results sheet alone, turned into a PDF by LibreOffice: landscape A4 pages, its
    text at 8 pt or more (8.7 pt seen where DejaVu Sans stands in for Calibri, 5 pages; the
    whole copy of the seed made 25 pages)."""
    book = openpyxl.load_workbook(seed[2])
    for name in book.sheetnames[1:]:
        del book[name]
    alone = tmp_path / "hasil.xlsx"
    book.save(alone)
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    subprocess.run([SOFFICE, profile, "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(alone)], capture_output=True, timeout=180, check=True)
    data = (tmp_path / "hasil.pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    boxes = {tuple(round(float(n)) for n in box.split()[2:]) for box in
             re.findall(rb"/MediaBox\s*\[([^\]]*)\]", data)}
    sizes = Counter()
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL):
        with contextlib.suppress(zlib.error):
            sizes.update(float(s) for s in re.findall(rb"/F\d+ ([\d.]+) Tf",
                                                      zlib.decompress(stream)))
    print(f"results sheet: {pages} pages, text at {sizes.most_common(1)[0][0]} pt")
    assert 1 <= pages <= 8 and boxes == {(842, 595)}  # A4 landscape
    assert sizes.most_common(1)[0][0] >= 8


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                                            "apt-get install libreoffice-calc to run this test")
def test_libreoffice_turns_the_copy_into_a_pdf(seed, tmp_path):
    copy = seed[2]
    # A profile of its own: another LibreOffice running would otherwise take the job over.
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    done = subprocess.run([SOFFICE, profile, "--headless", "--convert-to", "pdf", "--outdir",
                           str(tmp_path), str(copy)], capture_output=True, timeout=180)
    pdf = tmp_path / (copy.stem + ".pdf")
    assert done.returncode == 0 and pdf.is_file(), done.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    print(f"the seed's annotated copy: {pages} pages")
    assert pages >= 6  # the results sheet and each of the six data sheets
