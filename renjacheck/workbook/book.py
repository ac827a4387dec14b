"""The workbook's own parts, read before its sheets: the workbook part (its sheets in order, and
whether dates count from 1904), the shared strings, and the number format of each cell style
(package.py finds the parts, xmlreader.py reads the sheets). Transitional or Strict, any prefix.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field

from renjacheck.workbook.formats import style_formats
from renjacheck.workbook.package import (Package, open_package, sheet_part, workbook_part,
                                         workbook_parts)
from renjacheck.workbook.safety import DEFAULT_LIMITS, CannotCheck, Limits
from renjacheck.workbook.xmlparse import MAINS, feed, local, names, parser, refuse_dtd, rel_id

_STRING_TAGS = names("si", "t", "rPh")
_STYLE_TAGS = names("numFmt", "cellXfs", "xf")


@dataclass
class Book:
    """What the sheets are read with: the worksheets (name -> part, in sheet order), the shared
    strings, (format, date?, duration?) of each style, and the 1904 date system."""

    sheets: dict[str, str] = field(default_factory=dict)
    strings: list[str] = field(default_factory=list)
    formats: list[tuple[str, bool, bool]] = field(default_factory=list)
    date1904: bool = False
    # calcPr: recalculate when opened (fullCalcOnLoad, which openpyxl and xlsxwriter write) or
    # manual calculation: the cached values may not be what the formulas give (calc.py).
    recalc: bool = False


def read_book(archive: zipfile.ZipFile, limits: Limits = DEFAULT_LIMITS) -> Book:
    """The workbook's parts, found through the package's relationships, and read."""
    book, parts = _parts(archive, limits)
    book.strings = shared_strings(archive, parts["sharedStrings"], limits)
    book.formats = styles(archive, parts["styles"])
    # Every other XML part is read by nobody here, but a DTD in one is refused all the same:
    # Excel never writes one, and the annotated copy's openpyxl would read the part.
    read = {*book.sheets.values(), *filter(None, parts.values())}
    for part in archive.namelist():
        if part not in read and part.lower().endswith((".xml", ".rels", ".vml")):
            refuse_dtd(archive, part)
    return book


def sheet_parts(archive: zipfile.ZipFile, limits: Limits = DEFAULT_LIMITS) -> dict[str, str]:
    """Sheet name -> worksheet part, in sheet order."""
    return _parts(archive, limits)[0].sheets


def _parts(archive: zipfile.ZipFile, limits: Limits) -> tuple[Book, dict[str, str | None]]:
    package = open_package(archive)
    main = workbook_part(package)
    rels, parts = workbook_parts(package, main)
    book, listed = Book(), _workbook(package, main, limits.sheets)
    if listed.count > limits.sheets:
        raise CannotCheck("too_many_sheets", count=listed.count, limit=limits.sheets)
    book.date1904, book.recalc = listed.date1904, listed.recalc
    for name, rid in listed.sheets:
        part = sheet_part(package, name, rels.get(rid))
        if part is not None:
            book.sheets[name] = part
    return book, parts


@dataclass
class _Listed:
    sheets: list[tuple[str, str | None]] = field(default_factory=list)  # (name, r:id)
    count: int = 0  # <sheet> entries, counted to the end (the part may list millions)
    date1904: bool = False
    recalc: bool = False


def _workbook(package: Package, main: str, keep: int) -> _Listed:
    listed = _Listed()

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = local(name)
        if tag == "sheet":
            listed.count += 1
            if listed.count <= keep:  # past it, only counted: refused once all are
                listed.sheets.append((attrs.get("name", ""), rel_id(attrs)))
        elif tag == "workbookPr":
            listed.date1904 = attrs.get("date1904", "").lower() in ("1", "true")
        elif tag == "calcPr":
            listed.recalc = attrs.get("fullCalcOnLoad", "").lower() in ("1", "true") \
                or attrs.get("calcMode") == "manual"

    feed(package.archive, main, parser(_root("workbook", main, start)))
    return listed


def shared_strings(archive: zipfile.ZipFile, part: str | None,
                   limits: Limits = DEFAULT_LIMITS) -> list[str]:
    """The shared string table: each item's text and its runs' text, phonetic runs left out;
    CannotCheck for an item of more than `text_chars` characters, or more items than `cells`
    (no cell could show the others: a table of millions of empty items is a bomb)."""
    if part is None:
        return []
    limit = limits.text_chars
    strings: list[str] = []
    text: list[str] = []
    depth = {"rph": 0, "t": False, "length": 0}

    def start(name, _attrs):
        tag = _STRING_TAGS.get(name)
        if tag == "si":
            text.clear()
            depth["length"] = 0
        elif tag == "rPh":
            depth["rph"] += 1
        elif tag == "t" and not depth["rph"]:
            depth["t"] = True

    def end(name):
        tag = _STRING_TAGS.get(name)
        if tag == "si":
            strings.append("".join(text).replace("x005F_", ""))
            if len(strings) > limits.cells:
                raise CannotCheck("too_many_strings", limit=limits.cells)
        elif tag == "rPh":
            depth["rph"] -= 1
        elif tag == "t":
            depth["t"] = False

    def chars(data):
        if depth["t"]:
            text.append(data)
            depth["length"] += len(data)  # as it comes: refused before a huge text is held
            if depth["length"] > limit:
                raise CannotCheck("shared_text_too_long", index=len(strings), limit=limit)

    feed(archive, part, parser(_root("sst", part, start), end, chars))
    return strings


def styles(archive: zipfile.ZipFile, part: str | None) -> list[tuple[str, bool, bool]]:
    """(number format, date?, duration?) of each cell style index."""
    custom: dict[int, str] = {}
    xf_ids: list[int] = []
    inside = {"cellXfs": False}

    def start(name, attrs):
        tag = _STYLE_TAGS.get(name)
        if tag == "numFmt":
            custom[int(attrs.get("numFmtId", 0))] = attrs.get("formatCode", "")
        elif tag == "cellXfs":
            inside["cellXfs"] = True
        elif tag == "xf" and inside["cellXfs"]:
            xf_ids.append(int(attrs.get("numFmtId", 0)))

    def end(name):
        if _STYLE_TAGS.get(name) == "cellXfs":
            inside["cellXfs"] = False

    if part is not None:
        feed(archive, part, parser(_root("styleSheet", part, start), end))
    return style_formats(custom, xf_ids) or [("General", False, False)]


def _root(tag: str, part: str, start):
    """`start`, after a check that the part's first element is SpreadsheetML's `tag`: a part in
    a vocabulary this reader does not know is refused, never read as holding nothing."""
    checked = []

    def first(name, attrs):
        if not checked:
            checked.append(True)
            if name.rpartition(" ")[0] not in MAINS or local(name) != tag:
                raise CannotCheck("unsupported", what=f"{part} ({name.replace(' ', ': ')})")
        start(name, attrs)

    return first
