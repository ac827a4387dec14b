"""Builds small fixture workbooks for the tests, cell by cell."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import column_index_from_string, coordinate_to_tuple, get_column_letter


def block(origin: str, rows: list[list]) -> dict[str, object]:
    """Cells of `rows` laid out with the first one at `origin` (None leaves a cell empty)."""
    top, left = coordinate_to_tuple(origin)
    cells = {}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                cells[f"{get_column_letter(left + c)}{top + r}"] = value
    return cells


def shift(ref: str, rows: int = 0, cols: int = 0) -> str:
    """`ref` (a cell or range) moved by `rows` and `cols`."""
    def one(cell: str) -> str:
        r, c = coordinate_to_tuple(cell)
        return f"{get_column_letter(c + cols)}{r + rows}"
    return ":".join(one(part) for part in ref.split(":"))


def write(path: Path, sheets: dict[str, dict[str, object]],
          merges: dict[str, list[str]] | None = None,
          formats: dict[str, dict[str, str]] | None = None) -> Path:
    """Save a workbook: sheets in order, each a {cell: value} map, with merges and formats."""
    book = Workbook()
    book.remove(book.active)
    for name, cells in sheets.items():
        sheet = book.create_sheet(name)
        for ref, value in cells.items():
            sheet[ref] = value
        for ref, fmt in (formats or {}).get(name, {}).items():
            sheet[ref].number_format = fmt
        for ref in (merges or {}).get(name, []):
            sheet.merge_cells(ref)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def col(letter: str) -> int:
    """Column number of a letter."""
    return column_index_from_string(letter)


def add_raw_merges(path: Path, sheet: int, refs: list[str]) -> Path:
    """Merge `refs` on the `sheet`-th worksheet by editing its XML: openpyxl itself would build
    an object for every covered cell, which is the hostile case some tests need."""
    import zipfile

    part = f"xl/worksheets/sheet{sheet}.xml"
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    merges = "".join(f'<mergeCell ref="{ref}"/>' for ref in refs)
    parts[part] = parts[part].replace(
        b"</sheetData>", f'</sheetData><mergeCells count="{len(refs)}">{merges}</mergeCells>'
        .encode(), 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def add_cached_values(path: Path, sheet: int, values: dict[str, object]) -> Path:
    """Give formula cells of the `sheet`-th worksheet a cached value, as a program that keeps
    the last calculated values writes them (openpyxl writes none): numbers, text or booleans."""
    import re
    import zipfile

    part = f"xl/worksheets/sheet{sheet}.xml"
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    xml = parts[part]
    for ref, value in values.items():
        cell = re.compile(rf'<c r="{ref}"([^>]*)>(<f>[^<]*</f>)<v\s*/>'.encode())
        kind = b' t="b"' if isinstance(value, bool) else b' t="str"' if isinstance(value, str) \
            else b""
        text = str(int(value) if isinstance(value, bool) else value).encode()
        head = f'<c r="{ref}"'.encode()

        def cached(match, kind=kind, text=text, head=head):
            return head + match.group(1) + kind + b">" + match.group(2) + b"<v>" + text + b"</v>"

        xml, found = cell.subn(cached, xml, count=1)
        assert found, f"no formula cell {ref} without a value in {part}"
    parts[part] = xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path
