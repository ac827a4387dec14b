"""The parts of a workbook changed, in the copy openpyxl is given, so that it loads what the
check read: openpyxl refuses a whole workbook for one part it cannot parse, even a part the
check never needs (document properties declared UTF-16 but written otherwise, with a DTD).

- An XML part the check does not read (document properties, comments, drawings, ...) that
  the reader's parser cannot read either (a DTD, broken XML, an encoding it is not in) is left
  out, and so are the relationships that point at it; writers/losses.py lists it.
- An XML part in an encoding other than UTF-8 (UTF-16, UTF-32, Shift_JIS, ...) is written
  again as UTF-8 from its parsed events (openpyxl's parser reads fewer encodings).
- The styles part, where the workbook's relationships put it, is also where openpyxl looks for
  it (`xl/styles.xml`), or every styled cell would fail to load.
- When openpyxl still refuses the workbook (a column width, a print setting, a view, a data
  validation it finds invalid: it validates every attribute it models), it is given the
  workbook plain (`plain`): the sheets with their cells and merges only, the workbook part
  with its sheets only; then, if need be, without the styles too. writers/losses.py says so.
- A workbook in Strict Open XML (which openpyxl reads as one without sheets) is given to it in
  Transitional: the two differ in their namespaces and relationship types only (ECMA-376
  Part 1, the Strict namespaces of Annex A), so every XML part is written again with the
  Transitional ones. The copy is a Transitional workbook.
"""

from __future__ import annotations

import codecs
import posixpath
import re
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import openpyxl

from renjacheck.workbook.book import sheet_parts
from renjacheck.workbook.book import styles as cell_styles
from renjacheck.workbook.package import open_package, workbook_part, workbook_parts
from renjacheck.workbook.prescan import rewritten
from renjacheck.workbook.safety import DEFAULT_LIMITS, CannotCheck, Limits
from renjacheck.workbook.xmlparse import MAINS, PACKAGE_RELS, feed, parser
from renjacheck.workbook.xmlwrite import DROP, rewrite

_XML = (".xml", ".rels", ".vml")
# The start of a part in UTF-8 as openpyxl reads it: no byte order mark of UTF-16 or -32, and
# no declaration of another encoding.
_DECLARED = re.compile(rb"""^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""")
_UTF8 = {"utf-8", "utf8"}


@dataclass
class Openable:
    """The parts to change in openpyxl's copy (name -> content, None: left out), the parts
    left out, and the parts the check reads (wherever the package puts them)."""

    changed: dict[str, bytes | None]
    dropped: list[str]
    read: set[str]
    rename: Callable[[str], str] | None = None  # Strict namespaces as Transitional names them
    styles: int = 1  # the cell styles (indices a cell may give) the styles part holds
    main: str = "xl/workbook.xml"
    sheets: tuple[str, ...] = ()
    styles_part: str | None = None


def openable(archive: zipfile.ZipFile, limits: Limits = DEFAULT_LIMITS) -> Openable:
    """What to change in openpyxl's copy of `archive`; CannotCheck for a workbook openpyxl
    cannot read at all."""
    package = open_package(archive)
    main = workbook_part(package)
    strict = _root_space(archive, main) == MAINS[1]
    _rels, parts = workbook_parts(package, main)
    sheets = tuple(dict.fromkeys(sheet_parts(archive, limits).values()))
    read = {main, *sheets, *filter(None, parts.values())}
    changed: dict[str, bytes | None] = {}
    dropped: list[str] = []
    for name in archive.namelist():
        if not name.lower().endswith(_XML) or name in read:
            continue
        try:
            feed(archive, name, parser(lambda *_args: None))
        except CannotCheck:
            changed[name] = None
            dropped.append(name)
    for name in archive.namelist():
        if not name.lower().endswith(_XML) or name in changed:
            continue
        if strict:
            changed[name] = rewrite(archive, name, _transitional_edit,
                                    (*MAINS, PACKAGE_RELS), transitional)
        elif not _utf8(archive, name):
            changed[name] = rewrite(archive, name)  # read by the check too: it parses
    if dropped:
        _unlink(archive, package, set(dropped), changed, strict)
    styles = parts["styles"]
    if styles is not None and styles != "xl/styles.xml":
        changed["xl/styles.xml"] = changed.get(styles) or archive.read(styles)
    return Openable(changed, dropped, read, transitional if strict else None,
                    len(cell_styles(archive, styles)), main, sheets, styles)


def load(source, parts: Openable):
    """(openpyxl's workbook, what it was loaded without: keys of writers/losses.py lines): as
    it is, else plain (the sheets' cells and merges only), else plain and without styles.
    CannotCheck when openpyxl refuses even that."""
    tries = ((source, ()), (lambda: plain(source, parts), ("sheet_settings",)),
             (lambda: plain(source, parts, styled=False), ("sheet_settings", "cell_styles")))
    for given, without in tries:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # openpyxl warns about what it drops
                if callable(given):
                    source.seek(0)
                    given = given()
                book = openpyxl.load_workbook(given, keep_links=True, rich_text=True)
            return book, without
        except MemoryError:
            raise
        except Exception as exc:  # a part renjacheck's reader passes over, openpyxl refuses
            failure = exc
    raise CannotCheck("broken_workbook", reason=type(failure).__name__) from None


# What a plain copy keeps of a sheet and of the workbook part: what the check reads.
_SHEET = {"worksheet", "sheetData", "row", "c", "f", "v", "is", "t", "r", "mergeCells",
          "mergeCell"}
_CELL = {"r", "t", "s"}
_BOOK = {"workbook", "workbookPr", "sheets", "sheet"}


def plain(source, parts: Openable, styled: bool = True):
    """The workbook `source` (as openpyxl was given it) plain: its sheets hold their cells
    and merges only, without their relationships (comments, drawings, tables); the workbook
    part its sheets and date system only; no document properties; without `styled`, no cell
    styles either."""
    with zipfile.ZipFile(source) as archive:
        names = set(archive.namelist())
        changed: dict[str, bytes | None] = {}
        for part in parts.sheets:
            changed[part] = rewrite(archive, part, _plain_sheet(styled))
            folder, base = posixpath.split(part)
            rels = posixpath.join(folder, "_rels", f"{base}.rels")
            if rels in names:
                changed[rels] = None
        if parts.main in names:
            changed[parts.main] = rewrite(archive, parts.main, _plain_book())
        for properties in ("docProps/core.xml", "docProps/custom.xml"):  # read by name
            if properties in names:
                changed[properties] = None
        if not styled:
            changed["xl/styles.xml"] = None
            if parts.styles_part:
                changed[parts.styles_part] = None
        return rewritten(archive, changed)


def _plain_sheet(styled: bool):
    def edit(local, _qualified, attrs):
        if local not in _SHEET:
            return DROP
        if local in ("row", "c", "worksheet"):
            kept = {"row": ("r",), "c": _CELL if styled else ("r", "t")}.get(local, ())
            for key in [k for k in attrs if k not in kept]:
                del attrs[key]
        return None

    return edit


def _plain_book():
    numbers = iter(range(1, 1 << 20))

    def edit(local, _qualified, attrs):
        if local not in _BOOK:
            return DROP
        if local == "workbookPr":
            for key in [k for k in attrs if k != "date1904"]:
                del attrs[key]
        elif local == "sheet":  # its name and relationship; a number openpyxl accepts
            for key in [k for k in attrs if k != "name" and not k.endswith(":id")]:
                del attrs[key]
            attrs["sheetId"] = str(next(numbers))
        return None

    return edit


# Strict namespaces and relationship types (http://purl.oclc.org/ooxml/AREA/NAME) as
# Transitional writes them (http://schemas.openxmlformats.org/AREA/2006/NAME), and the few
# whose name differs besides.
_STRICT = "http://purl.oclc.org/ooxml/"
_TRANSITIONAL = "http://schemas.openxmlformats.org/"
_RENAMED = {"extendedProperties": "extended-properties",
            "customProperties": "custom-properties"}


def transitional(uri: str) -> str:
    """A Strict namespace or relationship type as Transitional names it; any other as it is."""
    if not uri.startswith(_STRICT):
        return uri
    area, _, rest = uri[len(_STRICT):].partition("/")
    words = rest.split("/")
    words = [_RENAMED.get(word, word) for word in words]
    return f"{_TRANSITIONAL}{area}/2006/{'/'.join(words)}"


def _transitional_edit(local, _qualified, attrs):
    """A Strict part's element as Transitional writes it: a relationship's type renamed, the
    workbook's `conformance="strict"` left out."""
    if local == "Relationship" and "Type" in attrs:
        attrs["Type"] = transitional(attrs["Type"])
    elif local == "workbook":
        attrs.pop("conformance", None)
    return None


def _root_space(archive: zipfile.ZipFile, part: str) -> str:
    """The namespace of a part's first element."""
    found: list[str] = []

    class _Found(Exception):
        pass

    def start(name, _attrs):
        found.append(name.rpartition(" ")[0])
        raise _Found

    try:
        feed(archive, part, parser(start))
    except _Found:
        pass
    return found[0] if found else ""


def _utf8(archive: zipfile.ZipFile, part: str) -> bool:
    """Whether a part starts as UTF-8 does (no other byte order mark, no other encoding
    declared): openpyxl reads it as it is."""
    with archive.open(part) as stream:
        head = stream.read(256)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or head[:2] in (b"<\0",
                                                                                   b"\0<"):
        return False
    declared = _DECLARED.match(head.removeprefix(codecs.BOM_UTF8))
    return declared is None or declared.group(1).decode("ascii").lower() in _UTF8


def _unlink(archive: zipfile.ZipFile, package, dropped: set[str],
            changed: dict[str, bytes | None], strict: bool) -> None:
    """The relationships that point at a part left out, left out too (openpyxl would look for
    the part): each relationships part that has one is written again without it."""
    for name in archive.namelist():
        folder, base = posixpath.split(name)
        if not (base.endswith(".rels") and posixpath.basename(folder) == "_rels") \
                or name in dropped:
            continue
        source = posixpath.join(posixpath.dirname(folder), base.removesuffix(".rels"))
        gone = {rel.id for rel in package.relationships(source) if rel.part in dropped}
        if gone:
            def edit(local, qualified, attrs, gone=gone):
                if local == "Relationship" and attrs.get("Id") in gone:
                    return DROP
                return _transitional_edit(local, qualified, attrs) if strict else None

            changed[name] = rewrite(archive, name, edit, (*MAINS, PACKAGE_RELS),
                                    transitional if strict else None)
