"""The streaming XML reader (renjacheck.workbook.xmlreader) gives every grid exactly what
openpyxl's full load gives: values, number formats, merges, uncalculated formulas and clamped
merges, on the samples, the hostile survivors, and a workbook written the way Excel writes one.
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest

from renjacheck.workbook.grid import Grid, Merge, load
from renjacheck.workbook.prescan import prescan
from renjacheck.workbook.safety import DEFAULT_LIMITS
from tests import plans
from tests.hostile.build import CASES

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.xlsx"))
SURVIVORS = ["huge_merge", "far_corner", "uncalculated", "strange_values", "dates_in_amounts",
             "no_table"]


def reference(path: Path) -> list[Grid]:
    """The grids as openpyxl reads them (the reader before the streaming one)."""
    scan = prescan(path, DEFAULT_LIMITS)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(scan.source, data_only=True, keep_links=False)
    grids = []
    for sheet in book.worksheets:
        grid = Grid(name=sheet.title)
        for (row, col), cell in sheet._cells.items():
            value = cell.value
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            grid.values[(row, col)] = value
            if cell.number_format and cell.number_format != "General":
                grid.formats[(row, col)] = cell.number_format
            grid.max_row, grid.max_col = max(grid.max_row, row), max(grid.max_col, col)
        for rng in sheet.merged_cells.ranges:
            merge = Merge(rng.min_row, rng.min_col, rng.max_row, rng.max_col)
            for r in range(merge.min_row, min(merge.max_row, max(grid.max_row, merge.min_row)) + 1):
                for c in range(merge.min_col,
                               min(merge.max_col, max(grid.max_col, merge.min_col)) + 1):
                    grid.merges[(r, c)] = merge
        grid.uncalculated = {_rc(ref) for ref in scan.uncalculated.get(sheet.title, [])}
        grid.clamped = scan.clamped.get(sheet.title, [])
        grids.append(grid)
    return grids


def _rc(ref: str) -> tuple[int, int]:
    cell = openpyxl.utils.cell.coordinate_from_string(ref)
    return cell[1], openpyxl.utils.column_index_from_string(cell[0])


def _same(path: Path) -> None:
    # The cells as the file holds them: what calc.py calculates, tests/test_calc.py tests.
    ours, theirs = load(path, calculate_formulas=False), reference(path)
    assert [g.name for g in ours] == [g.name for g in theirs]
    for mine, want in zip(ours, theirs, strict=True):
        assert mine.values == want.values
        assert {k: type(v) for k, v in mine.values.items()} == \
            {k: type(v) for k, v in want.values.items()}
        assert mine.formats == want.formats
        assert mine.merges == want.merges
        assert (mine.max_row, mine.max_col) == (want.max_row, want.max_col)
        # The prescan parses the sheets as the reader does: prefixed ones too (`<x:c`).
        assert mine.uncalculated == want.uncalculated
        assert mine.clamped == want.clamped


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_samples_read_as_openpyxl_reads_them(path):
    _same(path)


@pytest.mark.parametrize("name", SURVIVORS)
def test_hostile_survivors_read_as_openpyxl_reads_them(name, tmp_path):
    _same(CASES[name][0](tmp_path / f"{name}.xlsx"))


def test_test_plans_read_as_openpyxl_reads_them(tmp_path):
    for build in (plans.template, plans.stacked, plans.planner):
        _same(build(tmp_path / f"{build.__name__}.xlsx"))


_SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <x:sheetData>
    <x:row r="1">
      <x:c r="A1" t="s"><x:v>0</x:v></x:c>
      <x:c r="B1" t="s"><x:v>1</x:v></x:c>
      <x:c r="C1" t="inlineStr"><x:is><x:r><x:t>Rp </x:t></x:r>
        <x:r><x:t xml:space="preserve">1.000 </x:t></x:r>
        <x:rPh sb="0" eb="1"><x:t>ignored</x:t></x:rPh></x:is></x:c>
      <x:c t="b"><x:v>1</x:v></x:c>
      <x:c t="e"><x:v>#DIV/0!</x:v></x:c>
    </x:row>
    <x:row>
      <x:c r="A2" s="1"><x:v>0.87185</x:v></x:c>
      <x:c r="B2" s="2"><x:v>45292</x:v></x:c>
      <x:c r="C2" s="3"><x:f>SUM(A1:A2)</x:f>
        <x:v>9269840000</x:v></x:c>
      <x:c r="D2" t="str"><x:f>A1</x:f><x:v></x:v></x:c>
      <x:c r="E2"><x:f>B2*2</x:f></x:c>
      <x:c r="F2" s="4"><x:v>1.5E3</x:v></x:c>
      <x:c r="H2" s="5"><x:v>0.5</x:v></x:c>
    </x:row>
    <x:row r="4"><x:c r="A4" t="s"><x:v>2</x:v></x:c><x:c r="B4" t="s"><x:v>3</x:v></x:c></x:row>
  </x:sheetData>
  <x:mergeCells count="1"><x:mergeCell ref="A4:C5"/></x:mergeCells>
</x:worksheet>"""
_STRINGS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
  <si><t>Kode</t></si>
  <si><r><rPr><b/></rPr><t>Uraian </t></r><r><t>Kegiatan_x005F_x000D_</t></r>
    <rPh sb="0" eb="1"><t>furigana</t></rPh></si>
  <si><t xml:space="preserve">  Bidang Rehabilitasi  </t></si>
  <si><t>covered by the merge</t></si>
</sst>"""
_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <numFmts count="2"><numFmt numFmtId="164" formatCode="&quot;Rp&quot;#,##0"/>
    <numFmt numFmtId="165" formatCode="[h]:mm:ss"/></numFmts>
  <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="14"/>
    <xf numFmtId="164"/><xf numFmtId="4"/><xf numFmtId="165"/></cellXfs>
</styleSheet>"""


_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PARTS = {
    "[Content_Types].xml": f"""<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/xl/workbook.xml" ContentType="{_MAIN}.sheet.main+xml"/>
  <Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_MAIN}.worksheet+xml"/>
  <Override PartName="/xl/sharedStrings.xml" ContentType="{_MAIN}.sharedStrings+xml"/>
  <Override PartName="/xl/styles.xml" ContentType="{_MAIN}.styles+xml"/>
</Types>""",
    "_rels/.rels": f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>""",
    "xl/workbook.xml": f"""<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{_REL}">
  <workbookPr date1904="1"/>
  <sheets><sheet name="Pendanaan 2024" sheetId="1" r:id="rId1"/></sheets>
</workbook>""",
    "xl/_rels/workbook.xml.rels": f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>
  <Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>
  <Relationship Id="rId3" Type="{_REL}/styles" Target="styles.xml"/>
</Relationships>""",
    "xl/worksheets/sheet1.xml": _SHEET, "xl/sharedStrings.xml": _STRINGS,
    "xl/styles.xml": _STYLES,
}


def test_a_workbook_written_as_excel_writes_it(tmp_path):
    path = tmp_path / "excel.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
    _same(path)
    grid = load(path, calculate_formulas=False)[0]
    assert grid.values[(1, 2)] == "Uraian Kegiatan_x000D_"
    assert grid.values[(1, 3)] == "Rp 1.000 "
    assert grid.formats[(2, 1)] == "0.00%"
    assert (2, 5) in grid.uncalculated and (2, 4) not in grid.uncalculated
    # Calculated (calc.py): B2*2 of the date serial 45292 (1904 system), as Excel shows it.
    grid = load(path)[0]
    assert (grid.values.get((2, 5)), grid.uncalculated) == (90584, set())


def _sheet_xml(cells: list[tuple[str, str, int]]) -> str:
    """A worksheet whose cells are written in the given order, all in one row element each."""
    body = "".join(f'<x:row><x:c r="{ref}" s="{style}"><x:v>{value}</x:v></x:c></x:row>'
                   for ref, value, style in cells)
    return _SHEET.split("<x:sheetData>")[0] + f"<x:sheetData>{body}</x:sheetData></x:worksheet>"


def test_whole_numbers_out_of_order_far_apart_or_written_twice_read_as_openpyxl(tmp_path):
    # Whole numbers live in column arrays (workbook/cells.py): a file written out of order, a
    # cell written twice, a gap wider than an array spans, numbers beyond the array's 32 bits
    # and a fraction between them must read exactly as openpyxl reads them, formats included.
    cells = [("B3", "7", 3), ("B4", "8", 0), ("B6", "9", 3), ("B2", "6", 4), ("B4", "80", 3),
             ("B300", "10", 3), ("B301", "11", 0), ("B5", "0.5", 4), ("B6", "90", 0),
             ("C1", str(1 << 70), 3), ("C2", "-9223372036854775807", 3), ("C3", "12", 3),
             ("C4", "2147483647", 3), ("C5", "2147483648", 3), ("C6", "-2147483648", 0),
             ("C7", "-2147483647", 4), ("A9", "5", 3), ("A1", "4", 4)]
    path = tmp_path / "order.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in {**_PARTS, "xl/worksheets/sheet1.xml": _sheet_xml(cells)}.items():
            archive.writestr(name, text)
    _same(path)
    grid = load(path)[0]
    assert [grid.value(r, 2) for r in (2, 3, 4, 5, 6, 300, 301)] == [6, 7, 80, 0.5, 90, 10, 11]
    assert [grid.number_format(r, 2) for r in (2, 3, 4, 5, 6, 300, 301)] == \
        ["#,##0.00", '"Rp"#,##0', '"Rp"#,##0', "#,##0.00", "General", '"Rp"#,##0', "General"]
    assert grid.value(1, 3) == 1 << 70 and grid.value(2, 3) == -9223372036854775807
    assert [grid.value(r, 3) for r in (4, 5, 6, 7)] == [2147483647, 2147483648, -2147483648,
                                                        -2147483647]
    assert [grid.number_format(r, 3) for r in (4, 5, 6, 7)] == \
        ['"Rp"#,##0', '"Rp"#,##0', "General", "#,##0.00"]
    assert (grid.max_row, grid.max_col) == (301, 3)


def test_a_cell_without_a_reference_between_two_with_one_reads_as_openpyxl(tmp_path):
    # The reader keeps one int a row for its cells' keys: a cell without `r` (placed by the
    # row's counter) must not leave it stale for the referenced cell after it.
    body = ('<x:row r="1"><x:c r="A3"><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c>'
            '<x:c r="C3"><x:v>3</x:v></x:c></x:row>')
    sheet = _SHEET.split("<x:sheetData>")[0] + f"<x:sheetData>{body}</x:sheetData></x:worksheet>"
    path = tmp_path / "unreferenced.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in {**_PARTS, "xl/worksheets/sheet1.xml": sheet}.items():
            archive.writestr(name, text)
    _same(path)
    grid = load(path)[0]
    assert (grid.value(3, 1), grid.value(3, 3)) == (1, 3)
