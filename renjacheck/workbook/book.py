"""The workbook's own parts, read before its sheets: its relationships (where the shared
strings and styles are), the shared strings, the number format of each cell style, and whether
dates count from 1904 (xmlreader.py reads the sheets)."""

from __future__ import annotations

import zipfile

from renjacheck.workbook.formats import style_formats
from renjacheck.workbook.xmlreader import MAIN, feed, parser

_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def workbook_rels(archive: zipfile.ZipFile) -> dict[str, str]:
    """Relationship type (its last word) -> part, for the workbook's own relationships."""
    found: dict[str, str] = {}

    def start(name, attrs):
        if name == f"{_PKG_REL} Relationship":
            target = attrs.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            found.setdefault(attrs.get("Type", "").rsplit("/", 1)[-1], part)

    if "xl/_rels/workbook.xml.rels" in archive.namelist():
        feed(archive, "xl/_rels/workbook.xml.rels", parser(start))
    return found


def shared_strings(archive: zipfile.ZipFile, part: str | None) -> list[str]:
    """The shared string table: each item's text and its runs' text, phonetic runs left out."""
    if part is None or part not in archive.namelist():
        return []
    strings: list[str] = []
    text: list[str] = []
    depth = {"rph": 0, "t": False}

    def start(name, _attrs):
        local = name[len(MAIN) + 1:] if name.startswith(MAIN) else ""
        if local == "si":
            text.clear()
        elif local == "rPh":
            depth["rph"] += 1
        elif local == "t" and not depth["rph"]:
            depth["t"] = True

    def end(name):
        local = name[len(MAIN) + 1:] if name.startswith(MAIN) else ""
        if local == "si":
            strings.append("".join(text).replace("x005F_", ""))
        elif local == "rPh":
            depth["rph"] -= 1
        elif local == "t":
            depth["t"] = False

    def chars(data):
        if depth["t"]:
            text.append(data)

    feed(archive, part, parser(start, end, chars))
    return strings


def styles(archive: zipfile.ZipFile, part: str | None) -> list[tuple[str, bool, bool]]:
    """(number format, date?, duration?) of each cell style index."""
    custom: dict[int, str] = {}
    xf_ids: list[int] = []
    inside = {"cellXfs": False}

    def start(name, attrs):
        local = name[len(MAIN) + 1:] if name.startswith(MAIN) else ""
        if local == "numFmt":
            custom[int(attrs.get("numFmtId", 0))] = attrs.get("formatCode", "")
        elif local == "cellXfs":
            inside["cellXfs"] = True
        elif local == "xf" and inside["cellXfs"]:
            xf_ids.append(int(attrs.get("numFmtId", 0)))

    def end(name):
        if name == f"{MAIN} cellXfs":
            inside["cellXfs"] = False

    if part is not None and part in archive.namelist():
        feed(archive, part, parser(start, end))
    return style_formats(custom, xf_ids) or [("General", False, False)]


def date1904(archive: zipfile.ZipFile) -> bool:
    """True when the workbook counts dates from 1904 (old Mac Excel)."""
    found = {"1904": False}

    def start(name, attrs):
        if name == f"{MAIN} workbookPr":
            found["1904"] = attrs.get("date1904", "").lower() in ("1", "true")

    feed(archive, "xl/workbook.xml", parser(start))
    return found["1904"]
