"""Writing the workbooks renjacheck makes (an annotated copy, a blank template).

Like a report, a workbook is written atomically (renjacheck.output), a temporary file renamed into
place, and never over a workbook being checked. openpyxl writes a formula without the value it
last calculated to, which renjacheck itself would report as never calculated (READ003): the
values are put back into the saved sheets here, from the input (an annotated copy) or as the
maker knows them (a blank template, whose formulas show nothing yet).
"""

from __future__ import annotations

import io
import re
import zipfile

from renjacheck.workbook.prescan import rewritten, sheet_parts

_CELL = re.compile(rb'<c r="([A-Z]{1,3}[0-9]{1,7})"([^>]*?)(?:/>|>(.*?)</c>)', re.DOTALL)
_VALUE = re.compile(rb"<v>(.*?)</v>", re.DOTALL)
_TYPE = re.compile(rb'\st="([A-Za-z]+)"')
_EMPTY_VALUE = re.compile(rb"<v\s*/>|<v></v>")

# A formula's cached result: its cell type (None for a number, "str", "b", "e") and the text of
# its <v> element, XML-escaped as it stands in the sheet.
Result = tuple[str | None, bytes]


def formula_results(archive: zipfile.ZipFile) -> dict[str, dict[str, Result]]:
    """Sheet name -> cell -> cached result, for every formula cell that has one."""
    results: dict[str, dict[str, Result]] = {}
    for name, part in sheet_parts(archive).items():
        xml = archive.read(part)
        if b"<f" not in xml:
            continue
        cells = {}
        for ref, attrs, body in _CELL.findall(xml):
            value = _VALUE.search(body or b"")
            if body and b"<f" in body and value is not None:
                kind = _TYPE.search(attrs)
                cells[ref.decode()] = (kind.group(1).decode() if kind else None, value.group(1))
        if cells:
            results[name] = cells
    return results


def save(book, results: dict[str, dict[str, Result]] | None = None,
         merges: dict[str, list[tuple[str, str]]] | None = None) -> bytes:
    """The bytes of `book` as openpyxl saves it, with `results` cached in its formula cells and
    `merges` (sheet -> (as the input writes it, as it was loaded)) put back as the input has
    them: a merge too large for openpyxl is loaded cut down (renjacheck.workbook.prescan)."""
    buffer = io.BytesIO()
    book.save(buffer)
    if not results and not merges:
        return buffer.getvalue()
    buffer.seek(0)
    with zipfile.ZipFile(buffer) as archive:
        parts = sheet_parts(archive)
        replaced = {}
        for name in {*(results or {}), *(merges or {})} & set(parts):
            xml = _with_results(archive.read(parts[name]), (results or {}).get(name, {}))
            for old, new in (merges or {}).get(name, []):
                xml = xml.replace(f'<mergeCell ref="{new}"'.encode(),
                                  f'<mergeCell ref="{old}"'.encode(), 1)
            replaced[parts[name]] = xml
        return rewritten(archive, replaced).getvalue()


def _with_results(xml: bytes, cells: dict[str, Result]) -> bytes:
    def fill(match: re.Match) -> bytes:
        ref, attrs, body = match.group(1), match.group(2), match.group(3)
        cached = cells.get(ref.decode())
        if cached is None or not body or b"<f" not in body or not _EMPTY_VALUE.search(body):
            return match.group(0)
        kind, value = cached
        attrs = _TYPE.sub(b"", attrs) + (f' t="{kind}"'.encode() if kind else b"")
        body = _EMPTY_VALUE.sub(lambda _m: b"<v>" + value + b"</v>", body, count=1)
        return b'<c r="' + ref + b'"' + attrs + b">" + body + b"</c>"

    return _CELL.sub(fill, xml)
