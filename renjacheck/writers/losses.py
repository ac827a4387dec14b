"""What an input workbook holds that a copy saved by openpyxl loses.

openpyxl reads cells, styles, merges, comments, defined names, data validation, conditional
formatting, tables, and the charts, pictures (with Pillow), pivot tables and external links it
can model; everything else in the zip is dropped on save. The input's parts are counted against
what openpyxl loaded, and worksheet features only newer Excel writes (in an `extLst`, which
openpyxl never writes back) are counted as the prescan parses the sheets.
"""

from __future__ import annotations

import re
import zipfile

from renjacheck.workbook.safety import CannotCheck
from renjacheck.workbook import xmlparse

# Parts by what a planner calls them; openpyxl keeps none of these unless _kept() says so.
_PARTS = tuple((key, re.compile(pattern)) for key, pattern in (
    ("macros", r"xl/vbaProject\.bin$"),
    ("charts", r"xl/charts/chart\d+\.xml$"),
    ("images", r"xl/media/"),
    ("pivot_tables", r"xl/pivotTables/pivotTable\d+\.xml$"),
    ("external_links", r"xl/externalLinks/externalLink\d+\.xml$"),
    ("threaded_comments", r"xl/threadedComments/"),
    ("slicers", r"xl/(?:slicers|slicerCaches|timelines|timelineCaches)/"),
    ("controls", r"xl/(?:ctrlProps|activeX)/"),
    ("embedded_objects", r"xl/embeddings/"),
    ("connections", r"xl/(?:connections\.xml|queryTables/)"),
    ("data_model", r"xl/model/"),
    ("rich_data", r"xl/richData/"),
    ("custom_xml", r"customXml/"),
    ("macro_sheets", r"xl/(?:macrosheets|dialogsheets)/"),
))
# Parts openpyxl reads and writes again (or rebuilds from what it read), and parts that only
# serve another part counted above (a chart's style, a pivot table's cache, a thread's people).
_HANDLED = re.compile(r"\[Content_Types\]\.xml$|(?:.*/)?_rels/|docProps/|xl/workbook\.xml$|"
                      r"xl/(?:worksheets|chartsheets|theme|drawings|comments|tables|pivotCache|"
                      r"persons|charts|printerSettings)|xl/comments\d*\.xml$|"
                      r"xl/(?:styles|sharedStrings|calcChain)\.xml$")
# Worksheet features of newer Excel versions, kept in the sheet's extLst (counted by the
# prescan, workbook/prescan.py), and the shapes of a drawing (DrawingML, either namespace).
_SHEET_FEATURES = (("conditional_formatting", "conditionalFormatting"),
                   ("data_validation", "dataValidation"), ("sparklines", "sparklineGroup"))
_SHAPES = xmlparse.names("sp", "cxnSp", "grpSp", spaces=(
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing"))


def losses(archive: zipfile.ZipFile, book, unreadable: list[str] = (),
           read: set[str] = frozenset(), features: dict[str, int] | None = None
           ) -> list[tuple[str, int, str]]:
    """(key, count, part) for each kind of content `archive` holds that a copy of `book` (the
    workbook openpyxl loaded from it) loses; `part` names an unrecognised part, else ''. The
    `unreadable` parts were left out of the copy, the `read` ones (the workbook, its sheets,
    strings and styles, wherever the package puts them) are carried (writers/openable.py);
    `features`: the newer worksheet features the prescan counted (workbook/prescan.py)."""
    names = [name for name in archive.namelist() if name not in unreadable]
    counts: dict[str, int] = {}
    others: list[str] = []
    for name in names:
        key = next((k for k, pattern in _PARTS if pattern.match(name)), None)
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
        elif not _HANDLED.match(name) and not name.endswith("/") and name not in read:
            others.append(name)
    kept = _kept(book)
    found = [(key, count - kept.get(key, 0), "") for key, count in counts.items()
             if count > kept.get(key, 0)]
    shapes = sum(_shapes(archive, n) for n in names
                 if re.match(r"xl/drawings/drawing\d+\.xml$", n))
    if shapes:
        found.append(("shapes", shapes, ""))
    for key, local in _SHEET_FEATURES:
        if (features or {}).get(local):
            found.append((key, features[local], ""))
    order = [k for k, _ in _PARTS] + ["shapes"] + [k for k, _ in _SHEET_FEATURES]
    found.sort(key=lambda item: order.index(item[0]))
    return found + [("other", 1, name) for name in others] + \
        [("unreadable", 1, name) for name in unreadable]


def _shapes(archive: zipfile.ZipFile, part: str) -> int:
    """How many shapes (and groups of them) a drawing part holds; 0 for one that is no XML."""
    count = [0]

    def start(name, _attrs):
        if name in _SHAPES:
            count[0] += 1

    try:
        xmlparse.feed(archive, part, xmlparse.parser(start))
    except CannotCheck:
        return 0
    return count[0]


def _kept(book) -> dict[str, int]:
    """How many of the counted parts openpyxl loaded, and so writes again."""
    sheets = [*book.worksheets, *getattr(book, "chartsheets", [])]
    return {
        "charts": sum(len(getattr(ws, "_charts", [])) for ws in sheets),
        "images": sum(len(getattr(ws, "_images", [])) for ws in sheets),
        "pivot_tables": sum(len(getattr(ws, "_pivots", [])) for ws in sheets),
        "external_links": len(getattr(book, "_external_links", [])),
    }
