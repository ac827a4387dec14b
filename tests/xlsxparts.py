"""The parts of an .xlsx as the variants of tests/variants.py rewrite them: read, written, and
their cells and relationships as text."""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
CELL = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
_ATTR = re.compile(r'\s(\w+)="([^"]*)"')
_ROOT = re.compile(r"^(?:<\?xml[^>]*\?>\s*)?<(?:\w+:)?(\w+)")

Parts = dict[str, bytes]


def read_parts(path: Path) -> Parts:
    """The parts of an .xlsx, by name, in zip order."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_parts(path: Path, parts: Parts) -> Path:
    """An .xlsx of these parts."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def root(data: bytes) -> str | None:
    """The local name of a part's first element (`worksheet`, `sst`, ...), for UTF-8 XML."""
    found = _ROOT.match(data[:400].decode("utf-8", "replace").lstrip("\ufeff"))
    return found.group(1) if found else None


def each(parts: Parts, kind: str, rewrite) -> Parts:
    """`parts` with the text of each part whose first element is `kind` rewritten."""
    return {name: rewrite(data.decode()).encode() if root(data) == kind else data
            for name, data in parts.items()}


def attrs_of(text: str) -> dict[str, str]:
    """The attributes written in an element's start tag (after its name)."""
    return dict(_ATTR.findall(" " + text))


def cell(attrs: dict[str, str], body: str) -> str:
    """A <c> element of these attributes and this content."""
    return "<c" + "".join(f' {k}="{v}"' for k, v in attrs.items()) + f">{body}</c>"


def rels_name(part: str) -> str:
    """The relationships part of a part."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def column(letters: str) -> int:
    """`AB` (or `ab`) -> 28."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number
