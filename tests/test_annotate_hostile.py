"""`renjacheck annotate` on hostile and unusual input (issue 18): it works on the bytes the check
read, never on the path again; it scans and changes sheets on parsed XML, in time linear in
their size, whatever the spelling of a cell or a merge; and every workbook `check` reports on
gets its copy (a Strict Open XML one too, in Transitional)."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import openpyxl
import pytest

import renjacheck.engine
from renjacheck.engine import Setup, check_file, load_rules
from renjacheck.workbook.book import sheet_parts
from renjacheck.workbook.prescan import prescan
from renjacheck.workbook.safety import DEFAULT_LIMITS
from tests import plans
from tests.hostile.round2 import CASES as ROUND2_CASES
from tests.runner import run
from tests.variants import VARIANTS, apply, read_parts, write_parts
from tests.xlsx import block, write

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RULES = load_rules()
ROWS = [["Kode", "Uraian", "A", "B", "Total"], ["3247", "Advokasi", 3, 4, 7],
        ["3251", "Intelijen", 4, 5, 10]]


def _findings(path: Path) -> list[tuple]:
    report = check_file(path, Setup(rules=RULES))
    assert report.error is None, report.error
    return [(f.rule, f.locations) for f in report.findings]


def _code(path: Path) -> int:
    """The exit code `check` gives the workbook (annotate gives the same)."""
    return check_file(path, Setup(rules=RULES)).exit_code


def _cells(path: Path) -> dict[str, dict[str, object]]:
    """Sheet -> cell -> value, as openpyxl reads the workbook (formulas as written)."""
    book = openpyxl.load_workbook(path)
    return {ws.title: {c.coordinate: c.value for row in ws.iter_rows() for c in row
                       if c.value is not None} for ws in book.worksheets}


def _timed(monkeypatch, capsys, *args) -> tuple[int, str, float]:
    start = time.perf_counter()
    code, _out, err = run(monkeypatch, capsys, *args)
    return code, err, time.perf_counter() - start


def _edit_part(path: Path, part: str, change) -> Path:
    parts = read_parts(path)
    parts[part] = change(parts[part])
    return write_parts(path, parts)


# ---- the bytes the check read -------------------------------------------------------------

def test_a_file_swapped_after_the_check_is_not_read(monkeypatch, capsys, tmp_path):
    """Between the check and the copy the file is replaced (by bytes no check would pass):
    the copy is made of what was checked, and the path is never opened again."""
    import builtins
    import os

    source = write(tmp_path / "renja.xlsx", {"Anggaran": block("A1", ROWS)})
    original, exit_code = _cells(source), _code(source)
    checked = renjacheck.engine.check_file
    opened = []

    def guard(real):
        def opener(file, *args, **kwargs):
            if isinstance(file, (str, Path)) and Path(file) == source:
                opened.append(file)
            return real(file, *args, **kwargs)
        return opener

    def check_then_swap(path, setup, data=None):
        report = checked(path, setup, data)
        (tmp_path / "bomb.bin").write_bytes(b"PK\x03\x04" + b"\0" * 4096)
        (tmp_path / "bomb.bin").replace(path)
        for module, name in ((builtins, "open"), (io, "open"), (os, "open")):
            monkeypatch.setattr(module, name, guard(getattr(module, name)))
        return report

    monkeypatch.setattr(renjacheck.engine, "check_file", check_then_swap)
    copy = tmp_path / "hasil.xlsx"
    code, err, _ = _timed(monkeypatch, capsys, "annotate", source, "-o", copy)
    assert (code, err, opened) == (exit_code, "", [])
    monkeypatch.undo()
    assert _cells(copy)["Anggaran"] == original["Anggaran"]


def test_the_check_and_the_copy_read_the_file_once(monkeypatch, capsys, tmp_path):
    """The file's bytes are read once, through one descriptor (safety.read_vetted)."""
    import renjacheck.workbook.safety as safety

    source = write(tmp_path / "renja.xlsx", {"Anggaran": block("A1", ROWS)})
    reads = []
    real = safety.read_vetted
    monkeypatch.setattr(safety, "read_vetted", lambda *a: reads.append(a[0]) or real(*a))
    monkeypatch.setattr(safety, "vet", lambda *a: pytest.fail("the path vetted again"))
    code, err, _ = _timed(monkeypatch, capsys, "annotate", source, "-o", tmp_path / "h.xlsx")
    assert (code, err, reads) == (_code(source), "", [source])


# ---- linear in the input, whatever the spelling ---------------------------------------------

def test_cells_closing_as_c_space_annotate_in_linear_time(monkeypatch, capsys, tmp_path):
    """20,000 cells closing as `</c >` (legal XML), and a formula: a lazy pattern up to `</c>`
    rescanned the rest of the sheet for each cell (minutes); parsed, it takes a second or
    two."""
    data = {f"{openpyxl.utils.get_column_letter(c)}{r}": r * 100 + c
            for r in range(1, 1001) for c in range(1, 21)}
    data["U1"] = "=SUM(A1:T1)"  # a formula: what made the old scan look at every cell
    source = write(tmp_path / "renja.xlsx", {"Anggaran": block("A1", ROWS), "Data": data})
    before = _cells(source)
    for n in (1, 2):
        _edit_part(source, f"xl/worksheets/sheet{n}.xml",
                   lambda xml: xml.replace(b"</c>", b"</c >"))
    assert read_parts(source)["xl/worksheets/sheet2.xml"].count(b"</c >") == 20_001
    copy = tmp_path / "hasil.xlsx"
    code, err, seconds = _timed(monkeypatch, capsys, "annotate", source, "-o", copy)
    assert (code, err) == (_code(source), "")
    assert seconds < 10
    after = _cells(copy)
    assert (after["Anggaran"], after["Data"]) == (before["Anggaran"], before["Data"])


HUGE = "A20:XFD1048576"
SPELLINGS = {
    "two_spaces": b'<mergeCell  ref="A20:XFD1048576"/>',
    "single_quotes": b"<mergeCell ref='A20:XFD1048576'/>",
    "character_reference": b'<mergeCell ref="A20:XFD&#49;048576"/>',
    "leading_zero": b'<mergeCell ref="A20:XFD01048576"/>',
    "prefixed": b'<m:mergeCell xmlns:m="' + MAIN.encode() + b'" ref="A20:XFD1048576"/>',
    "newline_before_ref": b'<mergeCell\nref="A20:XFD1048576"/>',
    "utf16_sheet": b'<mergeCell ref="A20:XFD1048576"/>',
}


def _merges(xml: bytes) -> list[str]:
    return [el.get("ref") for el in ET.fromstring(xml).iter(f"{{{MAIN}}}mergeCell")]


@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
def test_a_whole_sheet_merge_is_clamped_however_spelled(monkeypatch, capsys, tmp_path,
                                                        spelling):
    """openpyxl is given the merge cut down to the cells in use, as the check reads it; the
    copy writes it back as the input has it, and checks as the input does."""
    source = plans.template(tmp_path / "renja.xlsx")
    part = "xl/worksheets/sheet2.xml"

    def spell(xml: bytes) -> bytes:
        xml = xml.replace(b"</sheetData>", b'</sheetData><mergeCells count="1">'
                          + SPELLINGS[spelling] + b"</mergeCells>", 1)
        if spelling == "utf16_sheet":
            xml = xml.replace(b'encoding="UTF-8"', b'encoding="UTF-16"').decode()
            xml = xml.encode("utf-16")
        return xml

    _edit_part(source, part, spell)
    copy = tmp_path / "hasil.xlsx"
    code, err, seconds = _timed(monkeypatch, capsys, "annotate", source, "-o", copy)
    assert (code, err) == (_code(source), "")
    assert seconds < 10
    with zipfile.ZipFile(source) as archive:
        name = next(n for n, p in sheet_parts(archive).items() if p == part)
    scan = prescan(source.read_bytes(), DEFAULT_LIMITS)
    assert [old for old, _new in scan.clamped[name]] == [HUGE]
    loaded = openpyxl.load_workbook(scan.source)
    assert [str(r) for r in loaded[name].merged_cells.ranges] == [scan.clamped[name][0][1]]
    with zipfile.ZipFile(copy) as archive:
        assert _merges(archive.read(sheet_parts(archive)[name])) == [HUGE]
    assert _findings(copy) == _findings(source)


# ---- what check reports on, annotate copies --------------------------------------------------

def _core(title: str) -> str:
    return ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{title}</dc:title></cp:coreProperties>")


def test_document_properties_openpyxl_would_refuse_are_left_out(monkeypatch, capsys,
                                                                  tmp_path):
    """docProps/core.xml declared UTF-16 (but not), with a DTD: the check never reads it,
    openpyxl (defusedxml) refuses the whole workbook for it. The copy leaves it out and says
    so; the cells are all there."""
    source = write(tmp_path / "renja.xlsx", {"Anggaran": block("A1", ROWS)})
    bad = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e "x">]>'
           + _core("Renja &e;")).encode()
    _edit_part(source, "docProps/core.xml", lambda _xml: bad)
    assert check_file(source, Setup(rules=RULES)).error is None
    copy = tmp_path / "hasil.xlsx"
    code, err, seconds = _timed(monkeypatch, capsys, "annotate", source, "-o", copy)
    assert (code, seconds < 10) == (_code(source), True)
    assert err.splitlines() == [f"renjacheck: {source}: salinan tidak membawa bagian "
                                "docProps/core.xml, yang tidak dapat dibaca (XML rusak atau "
                                "DTD) (1)"]
    assert _cells(copy)["Anggaran"] == _cells(write(tmp_path / "same.xlsx", {
        "Anggaran": block("A1", ROWS)}))["Anggaran"]
    assert _findings(copy) == _findings(source)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "shift_jis"])
def test_parts_in_other_encodings_reach_the_copy(monkeypatch, capsys, tmp_path, encoding):
    """A part openpyxl's parser cannot read as written (UTF-32, Shift_JIS) is given to it in
    UTF-8: the document's title is in the copy."""
    source = write(tmp_path / "renja.xlsx", {"Anggaran": block("A1", ROWS)})
    core = f'<?xml version="1.0" encoding="{encoding}"?>' + _core("Renja 2024 \u30ec")
    _edit_part(source, "docProps/core.xml", lambda _xml: core.encode(encoding))
    copy = tmp_path / "hasil.xlsx"
    code, err, _ = _timed(monkeypatch, capsys, "annotate", source, "-o", copy)
    assert (code, err) == (_code(source), "")
    assert openpyxl.load_workbook(copy).properties.title == "Renja 2024 \u30ec"


SEED = Path(__file__).resolve().parent.parent / "samples" / "banten-2024.xlsx"


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_variant_annotates_and_the_copy_checks_the_same(monkeypatch, capsys, tmp_path,
                                                             variant):
    """The legal variants of tests/variants.py (prefixes, UTF-16, free part names, ...): the
    copy is written and reports exactly what the input reports, at the same cells."""
    source = write_parts(tmp_path / "renja.xlsx", apply(read_parts(SEED), [variant]))
    copy = tmp_path / "hasil.xlsx"
    code, err, seconds = _timed(monkeypatch, capsys, "annotate", source, "-o", copy)
    assert (code, err, seconds < 15) == (1, "", True)
    assert _findings(copy) == _findings(source)


def test_values_openpyxl_cannot_read_in_a_prefixed_sheet_become_text(monkeypatch, capsys,
                                                                    tmp_path):
    """A numeric cell holding `NaN` and a date cell holding no date, in a sheet whose every
    element has a prefix: the copy holds them as text (where openpyxl would refuse the
    workbook), in the sheet's vocabulary, and reports them as the input does."""
    source = write(tmp_path / "renja.xlsx", {"Anggaran": block("A1", ROWS)})
    _edit_part(source, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        b'<c r="C2" t="n"><v>3</v>', b'<c r="C2" t="n"><v>NaN</v>').replace(
        b'<c r="D3" t="n"><v>5</v>', b'<c r="D3" t="d"><v>kemarin</v>'))
    write_parts(source, apply(read_parts(source), ["prefixed"]))
    copy = tmp_path / "hasil.xlsx"
    code, err, _ = _timed(monkeypatch, capsys, "annotate", source, "-o", copy)
    assert (code, err) == (1, "")
    cells = _cells(copy)["Anggaran"]
    assert (cells["C2"], cells["D3"], cells["E2"]) == ("NaN", "kemarin", 7)
    assert {("TBL001", "Anggaran!C2"), ("TBL001", "Anggaran!D3")} <= \
        {(rule, str(where[0])) for rule, where in _findings(copy) if where}
    assert _findings(copy) == _findings(source)


def test_a_strict_workbook_is_copied_as_transitional(monkeypatch, capsys, tmp_path):
    """openpyxl reads a Strict Open XML workbook as one without sheets: it is given the
    workbook in Transitional, and the copy holds every cell of the input, in every variant
    at once (Strict, prefixed, UTF-16, free part names, ...)."""
    source = write_parts(tmp_path / "renja.xlsx", apply(read_parts(SEED), list(VARIANTS)))
    copy = tmp_path / "hasil.xlsx"
    code, err, seconds = _timed(monkeypatch, capsys, "annotate", source, "-o", copy)
    assert (code, err, seconds < 15) == (1, "", True)
    assert _findings(copy) == _findings(source)
    plain = write_parts(tmp_path / "plain.xlsx", apply(read_parts(SEED), ["shared_strings"]))
    want, got = _cells(plain), _cells(copy)
    assert {name: got[name] for name in want} == want
    with zipfile.ZipFile(copy) as archive:
        assert b"purl.oclc.org" not in archive.read("xl/workbook.xml")


def test_the_copy_in_memory_is_what_openpyxl_gets(tmp_path):
    """prescan of bytes: the clamped merge and the cached formula results, found in a sheet
    written with prefixes, in UTF-16."""
    source = plans.template(tmp_path / "renja.xlsx")
    _edit_part(source, "xl/worksheets/sheet2.xml", lambda xml: xml.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="B30:XFD40"/>'
        b"</mergeCells>", 1))
    write_parts(source, apply(read_parts(source), ["prefixed", "utf16"]))
    scan = prescan(source.read_bytes(), DEFAULT_LIMITS)
    book = openpyxl.load_workbook(scan.source)
    (sheet, [(old, new)]), = scan.clamped.items()
    assert old == "B30:XFD40" and [str(r) for r in book[sheet].merged_cells.ranges] == [new]
    assert isinstance(scan.source, io.BytesIO)


HYPERLINK = b'<hyperlinks><hyperlink ref="A1:XFD1048576" location="Anggaran!A1"/></hyperlinks>'


def test_a_hyperlink_over_the_whole_sheet_is_cut_down(monkeypatch, capsys, tmp_path):
    """openpyxl gives each cell a hyperlink's range covers a cell object (17 billion): given
    to it cut down to the cells in use, the copy is written in a second."""
    source = write(tmp_path / "renja.xlsx", {"Anggaran": block("A1", ROWS)})
    _edit_part(source, "xl/worksheets/sheet1.xml",
               lambda xml: xml.replace(b"</sheetData>", b"</sheetData>" + HYPERLINK, 1))
    copy = tmp_path / "hasil.xlsx"
    code, err, seconds = _timed(monkeypatch, capsys, "annotate", source, "-o", copy)
    assert (code, err, seconds < 10) == (_code(source), "", True)
    sheet = openpyxl.load_workbook(copy)["Anggaran"]
    assert (sheet.max_row, sheet.max_column) == (3, 5)
    assert sheet["E3"].hyperlink.location == "Anggaran!A1"


SETTINGS = {  # (part, as written, as spelled here): a setting openpyxl refuses the file for
    "row_height": ("xl/worksheets/sheet1.xml", b'<row r="2"', b'<row r="2" ht="tinggi"'),
    "column_width": ("xl/worksheets/sheet1.xml", b"<sheetData>",
                     b'<cols><col min="1" max="2" width="lebar"/></cols><sheetData>'),
    "paper_size": ("xl/worksheets/sheet1.xml", b"</worksheet>",
                   b'<pageSetup paperSize="A4"/></worksheet>'),
    "validation_type": ("xl/worksheets/sheet1.xml", b"</sheetData>",
                        b'</sheetData><dataValidations count="1"><dataValidation type="x" '
                        b'sqref="A1"/></dataValidations>'),
    "sheet_id": ("xl/workbook.xml", b'sheetId="1"', b'sheetId="satu"'),
    "style_index": ("xl/worksheets/sheet1.xml", b'<c r="C2" t="n">', b'<c r="C2" t="n" s="99">'),
    "font_size": ("xl/styles.xml", b'<sz val="11"', b'<sz val="besar"'),
    "printed_date": ("docProps/core.xml", b"</dc:creator>",
                     b"</dc:creator><cp:lastPrinted>kemarin</cp:lastPrinted>"),
}
LOST = {"sheet_settings": "salinan tidak membawa pengaturan yang tidak terbaca oleh openpyxl "
                          "(tampilan dan lebar kolom lembar, pengaturan cetak, validasi, tautan, "
                          "komentar, gambar, properti dokumen) (1)",
        "cell_styles": "salinan tidak membawa format sel (gaya yang tidak terbaca oleh "
                       "openpyxl) (1)"}


@pytest.mark.parametrize("case", sorted(SETTINGS))
def test_a_setting_openpyxl_refuses_costs_the_copy_that_setting_only(monkeypatch, capsys,
                                                                     tmp_path, case):
    """openpyxl validates every attribute it models and refuses the whole workbook for one it
    finds invalid, where the check reads none of them: the copy is made without the sheets'
    settings (or, for an unreadable style, without formatting), says so, and holds every
    cell. A style index past the styles only loses that index."""
    part, old, new = SETTINGS[case]
    source = write(tmp_path / "renja.xlsx", {"Anggaran": block("A1", ROWS)})
    _edit_part(source, part, lambda xml: xml.replace(old, new, 1))
    assert new in read_parts(source)[part]
    copy = tmp_path / "hasil.xlsx"
    code, err, seconds = _timed(monkeypatch, capsys, "annotate", source, "-o", copy)
    assert (code, seconds < 10) == (_code(source), True)
    lost = {"style_index": [], "font_size": ["sheet_settings", "cell_styles"]}.get(
        case, ["sheet_settings"])
    assert err.splitlines() == [f"renjacheck: {source}: {LOST[key]}" for key in lost]
    plain = write(tmp_path / "same.xlsx", {"Anggaran": block("A1", ROWS)})
    assert _cells(copy)["Anggaran"] == _cells(plain)["Anggaran"]


def test_what_the_copy_loses_is_found_whatever_the_prefix(monkeypatch, capsys, tmp_path):
    """A newer Excel's data validation and a drawing's shapes, written with prefixes of their
    own (`v:` and `d:`, not Excel's `x14:` and `xdr:`): still said to be lost."""
    source = write(tmp_path / "renja.xlsx", {"Anggaran": block("A1", ROWS)})
    ext = (b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
           b'xmlns:v="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
           b'<v:dataValidations count="2"><v:dataValidation type="list"/>'
           b'<v:dataValidation type="list"/></v:dataValidations></ext></extLst>')
    _edit_part(source, "xl/worksheets/sheet1.xml",
               lambda xml: xml.replace(b"</worksheet>", ext + b"</worksheet>"))
    drawing = (b'<d:wsDr xmlns:d="http://schemas.openxmlformats.org/drawingml/2006/'
               b'spreadsheetDrawing"><d:twoCellAnchor><d:sp/></d:twoCellAnchor>'
               b"<d:oneCellAnchor><d:grpSp><d:sp/><d:cxnSp/></d:grpSp></d:oneCellAnchor>"
               b"</d:wsDr>")
    parts = read_parts(source)
    parts["xl/drawings/drawing1.xml"] = drawing
    write_parts(source, parts)
    copy = tmp_path / "hasil.xlsx"
    code, err, _ = _timed(monkeypatch, capsys, "annotate", source, "-o", copy)
    assert code == _code(source)
    assert err.splitlines() == [
        f"renjacheck: {source}: salinan tidak membawa bentuk dan kotak teks (4)",
        f"renjacheck: {source}: salinan tidak membawa validasi data versi Excel baru (daftar "
        "dari lembar lain) (2)"]


ROUND2 = sorted(name for name, (_b, code, *_rest) in ROUND2_CASES.items() if code != 2)


@pytest.mark.parametrize("name", ROUND2)
def test_round_two_survivors_annotate_and_the_copy_checks_the_same(monkeypatch, capsys,
                                                                  tmp_path, name):
    """What `check` reports on in the round-two corpus (tests/hostile/round2.py: merges in
    every spelling, a false zip end record in a comment, long numbers, invalid dates) gets a
    copy, in seconds, that reports exactly what the input does."""
    source = ROUND2_CASES[name][0](tmp_path / f"{name}.xlsx")
    copy = tmp_path / "hasil.xlsx"
    code, err, seconds = _timed(monkeypatch, capsys, "annotate", source, "-o", copy)
    assert (code, err, seconds < 10) == (_code(source), "", True)
    assert _findings(copy) == _findings(source)
