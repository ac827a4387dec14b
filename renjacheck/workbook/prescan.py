"""A look at the worksheet XML before openpyxl parses it (for the annotated copy, which
openpyxl writes; a check reads with workbook/xmlreader.py): what openpyxl would choke on or hide.

openpyxl builds one object for every cell a merged range covers, so a few-KB file merging
A1:XFD1048576 would take all the memory there is: such a merge is clamped to the cells the sheet
really uses, in a copy made in memory (the user's file is never touched). openpyxl also reads a
formula whose value was never calculated (a file written by a script) as an empty cell, which
would silently count as zero: those cells are listed so the reader can say so. A numeric cell
holding no number (NaN) would make openpyxl refuse the whole file: it is read as text instead.
XML with a DTD or entities, which Excel never writes, is refused outright.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from renjacheck.workbook.book import sheet_parts
from renjacheck.workbook.refs import clamp as clamp_bounds
from renjacheck.workbook.refs import column_letters, column_number
from renjacheck.workbook.safety import CannotCheck, Limits
from renjacheck.workbook.xmlreader import MERGED_TOTAL

__all__ = ["Prescan", "prescan", "rewritten", "sheet_parts"]

_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
_MERGE = re.compile(rb'<mergeCell ref="([A-Z]{1,3})([0-9]{1,7})(?::([A-Z]{1,3})([0-9]{1,7}))?"')
_CELL = re.compile(rb'<c r="([A-Z]{1,3}[0-9]{1,7})"([^>]*?)(?:/>|>(.*?)</c>)', re.DOTALL)
# A cached value: <v>...</v> with something in it (openpyxl writes an empty <v/>).
_VALUE = re.compile(rb"<v>[^<]")
_DTD = (b"<!DOCTYPE", b"<!ENTITY")
# A numeric cell whose value is no number (NaN, junk a script wrote): openpyxl would fail on
# the whole file; as text, the table schema reports it at its cell.
_LETTER_VALUE = re.compile(rb"<v>[^<]*[a-df-zA-DF-Z]")
_BAD_NUMBER = re.compile(rb'<c ([^>]*)><v>([^<]*[^0-9.eE+\-<][^<]*)</v></c>')


@dataclass
class Prescan:
    """What the sheets hold that openpyxl must not see as it is, per sheet name."""

    uncalculated: dict[str, list[str]] = field(default_factory=dict)
    clamped: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    source: Path | io.BytesIO | None = None


def prescan(path: Path, limits: Limits) -> Prescan:
    """Scan every worksheet part of an already vetted .xlsx; raise CannotCheck on hostile XML."""
    result = Prescan(source=path)
    replaced: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as archive:
        sheets = sheet_parts(archive)
        for info in archive.infolist():  # every other XML part: styles, shared strings, ...
            if info.filename.endswith((".xml", ".rels")) and info.filename not in sheets.values():
                if any(marker in archive.read(info.filename) for marker in _DTD):
                    raise CannotCheck("xml_dtd", part=info.filename)
        total_cells = merged = 0
        for name, part in sheets.items():
            xml = archive.read(part)
            if any(marker in xml for marker in _DTD):
                raise CannotCheck("xml_dtd", part=part)
            total_cells += xml.count(b'<c r="')
            if total_cells > limits.cells:
                raise CannotCheck("too_many_cells", count=total_cells, limit=limits.cells)
            if b"<mergeCell " in xml:
                clamped: list[tuple[str, str]] = []
                fixed = _clamp_merges(xml, limits, clamped)
                if clamped:
                    replaced[part], result.clamped[name] = fixed, clamped
                merged += _merged_area(fixed)
                # Many merges each under the limit cost as much as one huge merge.
                if merged > MERGED_TOTAL * limits.merged_cells:
                    raise CannotCheck("too_many_merged", count=merged,
                                      limit=MERGED_TOTAL * limits.merged_cells)
            if _LETTER_VALUE.search(xml):  # cheap test first: most sheets hold only numbers
                fixed = _BAD_NUMBER.sub(_as_text, replaced.get(part, xml))
                if fixed != replaced.get(part, xml):
                    replaced[part] = fixed
            if b"<f" in xml:
                result.uncalculated[name] = [ref.decode() for ref, attrs, body
                                             in _CELL.findall(xml) if _uncalculated(attrs, body)]
        if replaced:
            result.source = rewritten(archive, replaced)
    return result


def _as_text(match: re.Match) -> bytes:
    attrs = match.group(1)
    if b' t="' in attrs and b' t="n"' not in attrs:
        return match.group(0)  # a string, boolean or error cell: its <v> is not a number
    attrs = attrs.replace(b' t="n"', b"")
    return b'<c ' + attrs + b' t="inlineStr"><is><t>' + match.group(2) + b"</t></is></c>"


def _uncalculated(attrs: bytes, body: bytes) -> bool:
    """A formula cell without a cached value (an empty text result still has its <v>)."""
    if not body or b"<f" not in body:
        return False
    if b't="str"' in attrs and b"<v" in body:
        return False
    return not _VALUE.search(body)


def _merged_area(xml: bytes) -> int:
    """How many cells the merges of a sheet cover in all."""
    area = 0
    for c1, r1, c2, r2 in _MERGE.findall(xml):
        if c2:
            area += (column_number(c2) - column_number(c1) + 1) * (int(r2) - int(r1) + 1)
    return area


def _extent(xml: bytes) -> tuple[int, int]:
    """The last row and column that hold a cell."""
    rows, cols = 1, 1
    for letters, row in _CELL_REF.findall(xml):
        rows, cols = max(rows, int(row)), max(cols, column_number(letters))
    return rows, cols


def _clamp_merges(xml: bytes, limits: Limits, clamped: list[tuple[str, str]]) -> bytes:
    """`xml` with every merge larger than the limit cut down to the cells in use."""
    extent: list[tuple[int, int]] = []

    def clamp(match: re.Match) -> bytes:
        c1, r1 = column_number(match.group(1)), int(match.group(2))
        c2 = column_number(match.group(3)) if match.group(3) else c1
        r2 = int(match.group(4)) if match.group(4) else r1
        if (c2 - c1 + 1) * (r2 - r1 + 1) <= limits.merged_cells:
            return match.group(0)
        if not extent:
            # Only now: it costs a pass over every cell.
            extent.append(_extent(xml))
        r1, c1, r2, c2 = clamp_bounds((r1, c1, r2, c2), extent[0], limits.merged_cells)
        old = f"{column_letters(c1)}{r1}:" + (match.group(3) + match.group(4)).decode()
        new = f"{column_letters(c1)}{r1}:{column_letters(c2)}{r2}"
        clamped.append((old, new))
        return f'<mergeCell ref="{new}"'.encode()

    return _MERGE.sub(clamp, xml)


def rewritten(archive: zipfile.ZipFile, replaced: dict[str, bytes]) -> io.BytesIO:
    """A copy of the archive in memory with some parts replaced."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            copy.writestr(info, replaced.get(info.filename) or archive.read(info.filename))
    buffer.seek(0)
    return buffer
