"""The hostile corpus, round two (issue 18): what a reading of the reader found. Limits written
in other spellings and encodings, cost that grew faster than the input, values that read as
something else. Each builder writes one small file; CASES says what `check` must give, within
how many seconds and megabytes. `python tests/hostile/round2.py DIR` writes them all to DIR.
"""

from __future__ import annotations

import random
import struct
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests import plans  # noqa: E402
from tests.hostile.build import _body, _parts, _zip  # noqa: E402

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORKSHEET = f"{RELS}/worksheet"
# The documented bound (workbook/safety.py MAX_CELLS), and a few more cells than it.
CELLS = 5_000_000
OVER = CELLS + 200_000


def _template_edit(path: Path, sheet: int, old: bytes, new: bytes) -> dict[str, bytes]:
    """The parts of the blank template with one edit to a sheet (not yet written)."""
    plans.template(path)
    parts = _parts(path)
    part = f"xl/worksheets/sheet{sheet}.xml"
    assert old in parts[part], (part, old)
    parts[part] = parts[part].replace(old, new, 1)
    return parts


def _merge(path: Path, written: bytes) -> Path:
    """The template with one whole-sheet merge on Pendanaan, written as `written`."""
    return _zip(path, _template_edit(path, 2, b"</sheetData>", b"</sheetData>" + written))


def merge_leading_zeros(path):
    return _merge(path, b'<mergeCells count="1"><mergeCell ref="A30:XFD01048576"/></mergeCells>')


def merge_two_spaces(path):
    return _merge(path, b'<mergeCells count="1"><mergeCell  ref="A30:XFD1048576"/></mergeCells>')


def merge_single_quotes(path):
    return _merge(path, b"<mergeCells count='1'><mergeCell ref='A30:XFD1048576'/></mergeCells>")


def merge_char_reference(path):
    return _merge(path, b'<mergeCells><mergeCell ref="A30:XFD&#49;048576"/></mergeCells>')


def merge_prefixed(path):
    return _merge(path, f'<m:mergeCells xmlns:m="{MAIN}"><m:mergeCell ref="A30:XFD1048576"/>'
                        f'</m:mergeCells>'.encode())


def merge_newline(path):
    return _merge(path, b'<mergeCells>\n<mergeCell\nref="A30:XFD1048576"\n/></mergeCells>')


def merge_utf16(path):
    parts = _template_edit(path, 2, b"</sheetData>", b'</sheetData><mergeCells><mergeCell '
                           b'ref="A30:XFD1048576"/></mergeCells>')
    xml = _body(parts["xl/worksheets/sheet2.xml"]).decode("utf-8")
    parts["xl/worksheets/sheet2.xml"] = ('<?xml version="1.0" encoding="UTF-16"?>' + xml
                                         ).encode("utf-16")
    return _zip(path, parts)


def _book(path: Path, sheets: str, parts: dict[str, bytes], extra_rels: str = "") -> Path:
    """A workbook of raw parts: `sheets` the <sheet> entries, rId1 the first worksheet."""
    workbook = (f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>{sheets}</sheets>'
                f'</workbook>').encode()
    rels = (f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'relationships"><Relationship Id="rId1" Type="{WORKSHEET}" '
            f'Target="worksheets/sheet1.xml"/>{extra_rels}</Relationships>').encode()
    return _zip(path, {"xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": rels,
                       **parts})


def _cells(count: int, seed: int) -> bytes:
    """`count` empty cells `<c/>`, each followed by a random blank: the part compresses as real
    sheets do (some 20 times), not as a zip bomb (which the ratio bound would refuse first)."""
    blanks = random.Random(seed).randbytes(count).translate(bytes(b" \n\t "[i % 4]
                                                                   for i in range(256)))
    cells = bytearray(5 * count)
    for at, byte in enumerate(b"<c/>"):
        cells[at::5] = bytes([byte]) * count
    cells[4::5] = blanks
    return bytes(cells)


def cells_without_r(path):
    # More cells than the bound, none with `r`: rows of 1,000 (a row holds 16,384 at most).
    row, rows = 1_000, OVER // 1_000
    cells = _cells(row * rows, 18)
    body = b"".join(b"<row>" + cells[n * 5 * row:(n + 1) * 5 * row] + b"</row>"
                    for n in range(rows))
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData>'.encode() + body + b"</sheetData></worksheet>"
    return _book(path, '<sheet name="Data" sheetId="1" r:id="rId1"/>',
                 {"xl/worksheets/sheet1.xml": sheet})


def cells_in_one_row(path):
    # More cells than the bound, each at its own place, all inside one <row>.
    refs = (f'<c r="{letter}{row}"/>' for row in range(1, OVER // 26 + 2)
            for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    sheet = (f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">' + "".join(refs)
             + "</row></sheetData></worksheet>").encode()
    return _book(path, '<sheet name="Data" sheetId="1" r:id="rId1"/>',
                 {"xl/worksheets/sheet1.xml": sheet})


def _big_part(cells: int) -> bytes:
    rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>{r}</v></c>' for c in "ABCDEFGHIJ")
                   + "</row>" for r in range(1, cells // 10 + 1))
    return f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>'.encode()


def many_sheets_one_part(path):
    # 1,000 <sheet> entries, every one the same worksheet part.
    sheets = "".join(f'<sheet name="S{n}" sheetId="{n}" r:id="rId1"/>' for n in range(1, 1001))
    return _book(path, sheets, {"xl/worksheets/sheet1.xml": _big_part(100_000)})


def shared_part_over_cells(path):
    # Fewer sheets than their bound, but together more cells than the cells bound: one part of
    # 100,000 cells that 60 sheets name, read once.
    sheets = "".join(f'<sheet name="S{n}" sheetId="{n}" r:id="rId{1 + n % 2}"/>'
                     for n in range(1, 61))
    rel2 = f'<Relationship Id="rId2" Type="{WORKSHEET}" Target="/xl/worksheets/sheet1.xml"/>'
    return _book(path, sheets, {"xl/worksheets/sheet1.xml": _big_part(100_000)}, rel2)


def _letters(megabytes: int) -> bytes:
    """Random letters and spaces, no `>` among them: they compress some ten times, as text."""
    rnd = random.Random(megabytes)
    return rnd.randbytes(megabytes << 20).translate(bytes(b"ab cdefg"[i % 8] for i in range(256)))


def long_text(path, megabytes: int = 8):
    # One inline string of megabytes in a cell (Excel holds 32,767 characters in one).
    cell = (b'<row r="40"><c r="A40" t="inlineStr"><is><t>' + _letters(megabytes)
            + b"</t></is></c></row>")
    return _zip(path, _template_edit(path, 1, b"</sheetData>", cell + b"</sheetData>"))


def long_rich_text(path):
    # The same in 200,000 runs of one character each: counted as they come, not summed again.
    runs = b"".join(b"<r><t>%c</t></r>" % letter for letter in _letters(1)[:200_000])
    cell = b'<row r="40"><c r="A40" t="inlineStr"><is>' + runs + b"</is></c></row>"
    return _zip(path, _template_edit(path, 1, b"</sheetData>", cell + b"</sheetData>"))


def long_shared_string(path):
    parts = _parts(string_index_negative(path))
    parts["xl/sharedStrings.xml"] = (f'<sst xmlns="{MAIN}"><si><t>Kode</t></si><si><t>'.encode()
                                     + _letters(2) + b"</t></si></sst>")
    return _zip(path, parts)


def long_text_unread(path, megabytes: int = 24):
    # Megabytes of text where no cell is (a page header): parsed in passing, never held.
    header = b"<headerFooter><oddHeader>" + _letters(megabytes) + b"</oddHeader></headerFooter>"
    return _zip(path, _template_edit(path, 1, b"</worksheet>", header + b"</worksheet>"))


def huge_number(path, digits: int = 800_000):
    # An amount of 800,000 digits, as a number cell (Pendanaan C3): more characters than a
    # cell holds.
    return _zip(path, _template_edit(
        path, 2, b'<c r="C3" t="inlineStr"><is><t>100.000.000</t></is></c>',
        b'<c r="C3"><v>' + b"1" * digits + b"</v></c>"))


def long_number(path):
    # As many digits as a cell holds (30,000): no number (100 significant digits at most).
    return huge_number(path, 30_000)


def long_number_text(path):
    # The same written as text with thousands grouped: 24,000 digits.
    return _zip(path, _template_edit(
        path, 2, b"<t>100.000.000</t>", b"<t>1" + b".000" * 8_000 + b"</t>"))


def long_number_decimals(path):
    # 101 significant digits after the decimal comma.
    return _zip(path, _template_edit(
        path, 2, b"<t>100.000.000</t>", b"<t>0," + b"0" * 50 + b"1" * 101 + b"</t>"))


def string_index_negative(path):
    # A shared-string index of -1 where the last string is the amount the cell would hold.
    parts = _template_edit(path, 2, b'<c r="C3" t="inlineStr"><is><t>100.000.000</t></is></c>',
                           b'<c r="C3" t="s"><v>-1</v></c>')
    parts["xl/sharedStrings.xml"] = (f'<sst xmlns="{MAIN}"><si><t>Kode</t></si>'
                                     f'<si><t>100.000.000</t></si></sst>').encode()
    rels = parts["xl/_rels/workbook.xml.rels"]
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(b"</Relationships>", (
        f'<Relationship Id="rId99" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
        f'</Relationships>').encode())
    return _zip(path, parts)


def string_index_too_large(path):
    return _zip(path, {**_parts(string_index_negative(path)), "xl/worksheets/sheet2.xml":
                       _parts(path)["xl/worksheets/sheet2.xml"].replace(
                           b"<v>-1</v>", b"<v>2</v>")})


def sheet_part_missing(path):
    plans.template(path)
    parts = _parts(path)
    del parts["xl/worksheets/sheet3.xml"]  # Capaian
    return _zip(path, parts)


def invalid_date_cell(path):
    # One t="d" cell that holds no date, in an amount column (Pendanaan D3).
    return _zip(path, _template_edit(
        path, 2, b'<c r="D3" t="inlineStr"><is><t>50.000.000</t></is></c>',
        b'<c r="D3" t="d"><v>2024-13-45T99:99:99</v></c>'))


def fake_end_record(path):
    # A valid workbook whose zip comment ends with an end-of-central-directory record of its
    # own (naming no entries): the real record is the one whose comment reaches the file's end.
    plans.template(path)
    fake = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0, 0, 0, 0, 0)
    with zipfile.ZipFile(path, "a") as archive:
        archive.comment = b"renjacheck " + fake
    return path


# name -> (builder, exit code, a text the stderr line (exit 2) or the report must contain,
# seconds, megabytes)
CASES = {
    **{name: (builder, 0, "READ004", 15, 400)
       for name, builder in [("merge_leading_zeros", merge_leading_zeros),
                             ("merge_two_spaces", merge_two_spaces),
                             ("merge_single_quotes", merge_single_quotes),
                             ("merge_char_reference", merge_char_reference),
                             ("merge_prefixed", merge_prefixed),
                             ("merge_newline", merge_newline),
                             ("merge_utf16", merge_utf16)]},
    # Parsing five million cells takes some 10 s on one core: the bound leaves room for a busy
    # machine; test_round2.py shows the reading stops at the limit, whatever follows.
    "cells_without_r": (cells_without_r, 2, "terlalu banyak sel (sedikitnya 5.000.001; batas "
                                            "5.000.000)", 30, 200),
    "cells_in_one_row": (cells_in_one_row, 2, "terlalu banyak sel (sedikitnya 5.000.001", 30, 200),
    "many_sheets_one_part": (many_sheets_one_part, 2, "terlalu banyak lembar (1000; batas 500)",
                             5, 200),
    "shared_part_over_cells": (shared_part_over_cells, 2, "terlalu banyak sel", 8, 200),
    "long_text": (long_text, 2, "teks sel Identitas!A40 lebih panjang dari 32.767 karakter",
                  10, 200),
    "long_rich_text": (long_rich_text, 2, "teks sel Identitas!A40 lebih panjang dari 32.767",
                       10, 200),
    "long_shared_string": (long_shared_string, 2, "string bersama nomor 1 lebih panjang dari",
                           10, 200),
    "long_text_unread": (long_text_unread, 0, "Tabel yang terbaca", 10, 200),
    "huge_number": (huge_number, 2, "teks sel Pendanaan!C3 lebih panjang dari 32.767", 10, 200),
    "long_number": (long_number, 1, "Pendanaan!C3  [TBL001", 10, 200),
    "long_number_text": (long_number_text, 1, "Pendanaan!C3  [TBL001", 10, 200),
    "long_number_decimals": (long_number_decimals, 1, "Pendanaan!C3  [TBL001", 10, 200),
    "string_index_negative": (string_index_negative, 2,
                              "sel Pendanaan!C3 merujuk string bersama nomor -1", 10, 200),
    "string_index_too_large": (string_index_too_large, 2,
                               "sel Pendanaan!C3 merujuk string bersama nomor 2", 10, 200),
    "sheet_part_missing": (sheet_part_missing, 2, "lembar Capaian tercantum", 10, 200),
    "invalid_date_cell": (invalid_date_cell, 1, "Pendanaan!D3  [TBL001", 10, 200),
    "fake_end_record": (fake_end_record, 0, "Tabel yang terbaca", 10, 200),
}


def build_all(folder: Path) -> dict[str, Path]:
    """Every case, built into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    return {name: builder(folder / f"{name}.xlsx") for name, (builder, *_) in CASES.items()}


if __name__ == "__main__":
    for name, path in build_all(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile2")).items():
        print(name, path)
