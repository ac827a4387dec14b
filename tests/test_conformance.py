"""What ECMA-376 allows and the reader reads (or refuses in one line, never an empty sheet):
encodings, part names and their case, relationship kinds, the limits counted on what is parsed
whatever its encoding or prefixes, DTDs in any part, and formulas moved as Excel moves them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl.formula.translate import Translator

from renjacheck.workbook.formulas import Formulas, translate
from renjacheck.workbook.grid import load
from renjacheck.workbook.safety import CannotCheck, Limits
from tests.variants import apply, read_parts, write_parts
from tests.xlsx import block, write

ROOT = Path(__file__).resolve().parent.parent
SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture
def book(tmp_path) -> Path:
    cells = block("A1", [["Kode", "Uraian é ½ 日本語", "Persen"], [3247, "Advokasi", 0.8719],
                         [3251, "Intelijen", 1.5]])
    return write(tmp_path / "book.xlsx", {"Data": cells}, {"Data": ["A5:C6"]},
                 {"Data": {"C2": "0.00%", "C3": "0%"}})


def cells(path: Path, limits: Limits | None = None) -> dict:
    grids = load(path, limits) if limits else load(path)
    return {g.name: (dict(g.values.items()), dict(g.formats.items()),
                     sorted({(m.min_row, m.min_col, m.max_row, m.max_col)
                             for m in g.merges.values()})) for g in grids}


def refused(path: Path, limits: Limits | None = None) -> tuple[str, dict]:
    with pytest.raises(CannotCheck) as caught:
        load(path, limits) if limits else load(path)
    return caught.value.key, caught.value.args_


def _edited(path: Path, edits: dict[str, bytes | None], name: str = "edited.xlsx") -> Path:
    parts = read_parts(path)
    for part, data in edits.items():
        if data is None:
            parts.pop(part)
        else:
            parts[part] = data
    return write_parts(path.with_name(name), parts)


def _recoded(xml: bytes, encoding: str, declared: str, mark: bytes = b"") -> bytes:
    text = '<?xml version="1.0" encoding="%s"?>' % declared + xml.decode()
    return mark + text.encode(encoding, "xmlcharrefreplace")  # &#233; where it has no é


@pytest.mark.parametrize(("encoding", "declared", "mark"), [
    ("utf-16-be", "UTF-16", b""), ("utf-16-le", "UTF-16", b"\xff\xfe"),
    ("utf-8", "UTF-8", b"\xef\xbb\xbf"), ("utf-32-le", "UTF-32", b"\xff\xfe\0\0"),
    ("shift_jis", "Shift_JIS", b""), ("gb18030", "GB18030", b"")])
def test_a_sheet_in_any_encoding_python_knows_reads_the_same(book, encoding, declared, mark):
    sheet = read_parts(book)[SHEET]
    variant = _edited(book, {SHEET: _recoded(sheet, encoding, declared, mark)})
    assert cells(variant) == cells(book)
    assert load(variant)[0].values[(1, 2)] == "Uraian é ½ 日本語"


def test_a_single_byte_encoding_reads_its_characters(book):
    sheet = read_parts(book)[SHEET].replace("Uraian é ½ 日本語".encode(), "Uraian é ½".encode())
    variant = _edited(book, {SHEET: _recoded(sheet, "cp1252", "windows-1252")})
    assert load(variant)[0].values[(1, 2)] == "Uraian é ½"


@pytest.mark.parametrize("codec", ["zlib", "base64", "rot13"])
def test_a_codec_that_is_no_text_encoding_is_refused(book, codec):
    # Python knows these, but they turn bytes into bytes: `zlib` would inflate past the limits.
    sheet = read_parts(book)[SHEET]
    variant = _edited(book, {SHEET: _recoded(sheet, "utf-8", codec)})
    assert refused(variant) == ("unsupported", {"what": f"encoding {codec} ({SHEET})"})


def test_an_encoding_nobody_knows_is_refused_in_one_line(book):
    sheet = read_parts(book)[SHEET]
    variant = _edited(book, {SHEET: _recoded(sheet, "utf-8", "x-tak-dikenal")})
    assert refused(variant) == ("unsupported", {"what": f"encoding x-tak-dikenal ({SHEET})"})
    done = subprocess.run([sys.executable, "-m", "renjacheck", "check", str(variant)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "x-tak-dikenal" in done.stderr


def test_a_sheet_in_an_unknown_vocabulary_is_refused_not_read_empty(book):
    sheet = read_parts(book)[SHEET].replace(
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main", b"urn:lain")
    key, args = refused(_edited(book, {SHEET: sheet}))
    assert (key, args) == ("unsupported", {"what": "worksheet (urn:lain: worksheet)"})


def test_a_sheet_whose_part_is_missing_is_refused(book):
    assert refused(_edited(book, {SHEET: None})) == (
        "sheet_missing", {"sheet": "Data"})


def test_part_names_are_found_whatever_their_case_and_percent_encoding(book):
    parts = read_parts(book)
    parts["xl/Lembar Satu.XML"] = parts.pop(SHEET)
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(b"/xl/worksheets/sheet1.xml", b"lembar%20satu.xml")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"/xl/worksheets/sheet1.xml", b"/xl/lembar satu.xml")
    assert cells(write_parts(book.with_name("case.xlsx"), parts)) == cells(book)


def test_a_chart_sheet_holds_no_cells_and_is_passed_over(book):
    parts = read_parts(book)
    parts["xl/chartsheets/sheet1.xml"] = b'<chartsheet xmlns="urn:x"/>'
    rel = (b'<Relationship Id="rIdChart" Target="chartsheets/sheet1.xml" Type="http://schemas.'
           b'openxmlformats.org/officeDocument/2006/relationships/chartsheet"/></Relationships>')
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(b"</Relationships>", rel)
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b"</sheets>", b'<sheet name="Grafik" sheetId="9" r:id="rIdChart"/></sheets>')
    assert cells(write_parts(book.with_name("chart.xlsx"), parts)) == cells(book)


def test_the_workbook_part_is_found_through_the_package_and_a_binary_one_refused(book):
    parts = apply(read_parts(book), ["free_names"])
    assert "xl/workbook.xml" not in parts and "buku/utama.xml" in parts
    assert cells(write_parts(book.with_name("free.xlsx"), parts)) == cells(book)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"spreadsheetml.sheet.main+xml", b"spreadsheetml.sheet.main+xml_")
    parts["_rels/.rels"] = b'<Relationships xmlns="urn:none"/>'  # no officeDocument found
    assert refused(write_parts(book.with_name("lost.xlsx"), parts))[0] == "no_workbook_part"
    binary = read_parts(book)
    binary["_rels/.rels"] = binary["_rels/.rels"].replace(b"xl/workbook.xml", b"xl/workbook.bin")
    binary["xl/workbook.bin"] = b"\0\1"
    assert refused(write_parts(book.with_name("xlsb.xlsx"), binary))[0] == "xlsb"


# ---- limits, on what is parsed ----------------------------------------------------------------

@pytest.mark.parametrize("variant", [[], ["prefixed"], ["utf16"], ["prefixed", "utf16", "strict"],
                                     ["no_refs", "lower_refs"]])
def test_the_cell_limit_counts_cells_however_the_sheet_is_written(book, variant):
    path = write_parts(book.with_name("v.xlsx"), apply(read_parts(book), variant))
    assert cells(path, Limits(cells=9)) == cells(book)  # three rows of three
    assert refused(path, Limits(cells=8)) == ("too_many_cells", {"count": 9, "limit": 8})


@pytest.mark.parametrize("variant", [[], ["prefixed", "utf16", "lower_refs"]])
def test_merges_are_counted_and_cut_down_however_the_sheet_is_written(book, variant):
    parts = read_parts(book)
    huge = b'<mergeCell ref="A5:C6" /><mergeCell ref="A7:XFD1048576" />'
    parts[SHEET] = parts[SHEET].replace(b'<mergeCell ref="A5:C6" />', huge)
    path = write_parts(book.with_name("m.xlsx"), apply(parts, variant))
    (grid,) = load(path, Limits(merged_cells=6))
    assert grid.clamped == [("A7:XFD1048576", "A7:C7")]  # to the cells in use: columns A to C
    assert grid.merges[(7, 3)].max_row == 7 and (8, 1) not in grid.merges
    # Eleven merges of six cells each: more than ten times the limit of one, all together.
    many = b"".join(b'<mergeCell ref="A%d:C%d" />' % (r, r + 1) for r in range(10, 30, 2))
    parts[SHEET] = parts[SHEET].replace(huge, b'<mergeCell ref="A5:C6" />' + many)
    path = write_parts(book.with_name("m.xlsx"), apply(parts, variant))
    assert refused(path, Limits(merged_cells=6)) == (
        "too_many_merged", {"count": 66, "limit": 60})


@pytest.mark.parametrize("part", [SHEET, "xl/styles.xml", "docProps/app.xml"])
def test_a_dtd_is_refused_in_any_part_in_any_encoding(book, part):
    xml = read_parts(book)[part]
    body = re.sub(rb"^<\?xml[^>]*\?>", b"", xml)
    hostile = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e "e">]>'
    assert refused(_edited(book, {part: hostile.encode("utf-16") + body.decode().encode(
        "utf-16-le")})) == ("xml_dtd", {"part": part})


# ---- formulas moved as Excel moves them ------------------------------------------------------

@pytest.mark.parametrize("formula", [
    "SUM(C2:D2)", "$C$5/C5*100", "A$1+$A1", "SUM(A:A)+SUM($B:C)", "SUM(2:2)+SUM($3:4)",
    "'Lembar 1'!B2+Sheet2!C3", "IF(A1>0,\"A1 tetap\",B1)", "LOG10(A1)+ATAN2(B2,C2)",
    "SUMIF(Pendanaan!A2:A9,\"3247\",Pendanaan!E2:E9)", "ROUND(A1*1.1E+3,2)",
    "Table1[Kolom A1]+A1", "A1:B2 B1:C3", "-A1%"])
def test_a_shared_formula_moves_as_openpyxl_moves_it(formula):
    for rows, cols in ((1, 0), (5, 2), (0, 3)):
        moved = Translator("=" + formula, "C3").translate_formula(row_delta=rows, col_delta=cols)
        assert translate(formula, rows, cols) == moved[1:], (formula, rows, cols)


def test_a_reference_moved_off_the_sheet_is_ref_and_a_name_past_xfd_is_no_reference():
    assert translate("A1+B2", -1, 0) == "#REF!+B1"
    assert translate("SUM(A1:A3)", 0, -1) == "SUM(#REF!:#REF!)"
    assert translate("ZZZ1+A1", 1, 1) == "ZZZ1+B2"
    assert translate("XFD1", 0, 1) == "#REF!"


def test_formulas_written_out_of_order_or_twice_read_as_excel_would():
    formulas = Formulas()
    formulas.add(5, 2, "A1+1", None, None, None)
    formulas.add(2, 3, "SUM(A1:A2)", None, None, None)
    formulas.add(5, 2, "A1+2", None, None, None)  # the same cell again: the last one counts
    formulas.add(3, 1, "B3*2", "shared", "A3:A5", "0")
    formulas.add(4, 1, "", "shared", None, "0")
    formulas.add(6, 1, "", "shared", None, "7")  # its master is missing
    formulas.add(7, 1, "{1,2}", "array", "A7:B7", None)
    assert [formulas.text(r, c) for r, c in [(5, 2), (2, 3), (3, 1), (4, 1), (6, 1), (7, 1)]] \
        == ["A1+2", "SUM(A1:A2)", "B3*2", "B4*2", None, "{1,2}"]
    assert sorted(formulas.cells()) == [(2, 3), (3, 1), (4, 1), (5, 2), (6, 1), (7, 1)]
    assert len(formulas) == 6 and formulas.text(9, 9) is None
    assert formulas.master(4, 1).ref == "A3:A5" and formulas.master(5, 2) is None
    assert formulas.arrays == {(7, 1): "A7:B7"}
