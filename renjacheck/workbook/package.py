"""Where a workbook's parts are: the package's relationships and content types (Open Packaging
Conventions, ECMA-376 Part 2), read as Excel, LibreOffice and openpyxl read them.

Part names are free: the workbook part is the target of the package's `officeDocument`
relationship, and its sheets, shared strings and styles the targets of the workbook's own
relationships, wherever the producer put them. A target is a URI relative to its source part
(`worksheets/sheet1.xml`, `./styles.xml`, `../xl/x.xml`) or absolute (`/xl/x.xml`),
percent-encoded maybe, and part names compare without regard to case. A producer that wrote no
relationships for a part is found by its content type, then by the name Excel gives it.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from renjacheck.workbook.safety import CannotCheck
from renjacheck.workbook.xmlparse import CONTENT_TYPES, PACKAGE_RELS, feed, parser

_SHEETML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
# Content types of a workbook part this reader reads (workbook, template, macro-enabled, add-in).
WORKBOOK_TYPES = (f"{_SHEETML}.sheet.main+xml", f"{_SHEETML}.template.main+xml",
                  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                  "application/vnd.ms-excel.template.macroEnabled.main+xml",
                  "application/vnd.ms-excel.addin.macroEnabled.main+xml")
BINARY_WORKBOOK = "application/vnd.ms-excel.sheet.binary.macroEnabled.main"
WORKSHEET_TYPE = f"{_SHEETML}.worksheet+xml"
_FOUND_BY_TYPE = {"sharedStrings": f"{_SHEETML}.sharedStrings+xml",
                  "styles": f"{_SHEETML}.styles+xml"}
# Sheets that hold no cells: a chart, an Excel 5 dialog, an Excel 4 macro sheet.
CELLLESS = {"chartsheet", "dialogsheet", "xlmacrosheet", "xlintlmacrosheet"}


@dataclass(frozen=True)
class Relationship:
    """One relationship of a part: its id, its type (the last word of the type URI) and the
    part it targets (None: an external target, or none)."""

    id: str
    type: str
    part: str | None


@dataclass
class Package:
    """The parts of a package by name (any case -> as stored) and their content types."""

    archive: zipfile.ZipFile
    parts: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)  # extension -> content type
    overrides: dict[str, str] = field(default_factory=dict)  # part name -> content type

    def find(self, name: str | None) -> str | None:
        """The stored name of part `name`, compared without regard to case; None if absent."""
        return None if name is None else self.parts.get(name.lower())

    def content_type(self, part: str) -> str:
        """The content type `[Content_Types].xml` gives a part ('' when it gives none)."""
        found = self.overrides.get(part.lower())
        if found is None:
            found = self.defaults.get(posixpath.splitext(part)[1][1:].lower(), "")
        return found

    def typed(self, content_type: str) -> str | None:
        """The first part of a content type, in the order `[Content_Types].xml` lists them."""
        return next((self.find(name) for name, kind in self.overrides.items()
                     if kind == content_type and self.find(name)), None)

    def relationships(self, source: str) -> list[Relationship]:
        """The relationships of part `source` ('' for the package's own), in file order."""
        folder, base = posixpath.split(source)
        rels = self.find(posixpath.join(folder, "_rels", f"{base}.rels"))
        if rels is None:
            return []
        found: list[Relationship] = []

        def start(name: str, attrs: dict[str, str]) -> None:
            if name == f"{PACKAGE_RELS} Relationship":
                kind = attrs.get("Type", "").rstrip("/").rsplit("/", 1)[-1]
                external = attrs.get("TargetMode", "Internal") == "External"
                target = None if external else resolve(source, attrs.get("Target", ""))
                found.append(Relationship(attrs.get("Id", ""), kind, self.find(target)))

        feed(self.archive, rels, parser(start))
        return found


def open_package(archive: zipfile.ZipFile) -> Package:
    """The package of `archive`: its part names and content types."""
    package = Package(archive, {name.lower(): name for name in archive.namelist()})
    types = package.find("[Content_Types].xml")
    if types is not None:
        def start(name: str, attrs: dict[str, str]) -> None:
            if name == f"{CONTENT_TYPES} Default":
                package.defaults[attrs.get("Extension", "").lower()] = attrs.get("ContentType")
            elif name == f"{CONTENT_TYPES} Override":
                part = resolve("", attrs.get("PartName", ""))
                if part is not None:
                    package.overrides[part.lower()] = attrs.get("ContentType", "")

        feed(archive, types, parser(start))
    return package


def resolve(source: str, target: str) -> str | None:
    """The part a relationship of `source` targets (ZIP item name), or None for a target that
    is no part of the package (a URI with a scheme, a fragment only, nothing)."""
    split = urlsplit(target.strip())
    if split.scheme or split.netloc or not split.path:
        return None
    path = unquote(split.path).replace("\\", "/")
    if not path.startswith("/"):
        path = posixpath.join("/", posixpath.dirname(source), path)
    path = posixpath.normpath(path)
    return path.lstrip("/") or None


def workbook_part(package: Package) -> str:
    """The workbook part: the package's `officeDocument`, else the part of a workbook content
    type, else `xl/workbook.xml`. CannotCheck for none, or for a binary workbook."""
    main = next((rel.part for rel in package.relationships("")
                 if rel.type == "officeDocument" and rel.part is not None), None)
    if main is None:
        main = next(filter(None, map(package.typed, WORKBOOK_TYPES)), None) \
            or package.find("xl/workbook.xml")
    if main is None:
        if package.typed(BINARY_WORKBOOK) or package.find("xl/workbook.bin"):
            raise CannotCheck("xlsb")
        raise CannotCheck("no_workbook_part")
    if main.lower().endswith(".bin") or package.content_type(main) == BINARY_WORKBOOK:
        raise CannotCheck("xlsb")
    return main


def workbook_parts(package: Package, main: str) -> tuple[dict[str, Relationship],
                                                         dict[str, str | None]]:
    """(the workbook's relationships by id, its shared strings and styles parts by type)."""
    rels = package.relationships(main)
    by_id = {}
    for rel in rels:
        by_id.setdefault(rel.id, rel)
    shared = {}
    for kind, content_type in _FOUND_BY_TYPE.items():
        shared[kind] = next((r.part for r in rels if r.type == kind and r.part), None) \
            or package.typed(content_type)
    return by_id, shared


def sheet_part(package: Package, sheet: str, rel: Relationship | None) -> str | None:
    """The worksheet part of the sheet named `sheet`, None for a sheet that holds no cells
    (a chart sheet, ...). CannotCheck when its part is missing or not a worksheet."""
    if rel is None or rel.part is None:
        raise CannotCheck("sheet_missing", sheet=sheet)
    kind = rel.type.lower()
    if kind in CELLLESS:
        return None
    if kind != "worksheet" and package.content_type(rel.part) != WORKSHEET_TYPE:
        raise CannotCheck("unsupported", what=f"sheet {sheet} ({rel.type})")
    return rel.part
