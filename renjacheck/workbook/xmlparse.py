"""Parsing the XML of a workbook's parts: the namespaces of ECMA-376 in one place, and one
expat parser for every part, streaming, that refuses DTDs and entities and reads any encoding.

expat resolves namespace prefixes (`<x:c>` is `<c>`), so a handler sees `namespace local`
names. A part may be in Transitional or Strict OOXML: the two differ only in their namespaces,
which `NAMES` maps to one local name each. expat itself reads UTF-8, UTF-16 (with or without
a byte order mark) and the single-byte encodings Python knows; any other encoding Python
knows (UTF-32, Shift_JIS, GBK, ...) is decoded here and fed to expat as text.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from pyexpat import ExpatError, ParserCreate

from renjacheck.workbook.safety import CannotCheck

# SpreadsheetML's main namespace and the relationships namespace of `r:id`, Transitional
# first, then Strict (ISO/IEC 29500 Strict, Excel's "Strict Open XML Spreadsheet").
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
MAINS = (MAIN, "http://purl.oclc.org/ooxml/spreadsheetml/main")
RELATIONSHIPS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                 "http://purl.oclc.org/ooxml/officeDocument/relationships")
# The package's own vocabularies (Open Packaging Conventions): one namespace each, in both.
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
# Under glibc's threshold for giving a block its own mapping (128 KB): each freed megabyte
# chunk raised that threshold, after which the growing column arrays were moved around the heap
# and left holes in it, 8 MB of a national budget's peak.
CHUNK = 1 << 16
# What expat decodes itself; anything else Python knows is decoded before it.
_NATIVE = {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "iso8859-1", "ascii"}
_DECLARED = re.compile(rb"""^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""")
_UTF32 = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
          (b"<\0\0\0", "utf-32-le"), (b"\0\0\0<", "utf-32-be"))


def names(*locals_: str, spaces: tuple[str, ...] = MAINS) -> dict[str, str]:
    """`namespace local` -> `local`, for each local name in each of `spaces`: what a handler
    looks a name up in, one dict look-up whichever namespace a part is in."""
    return {f"{space} {local}": local for space in spaces for local in locals_}


def local(name: str, spaces: tuple[str, ...] = MAINS) -> str | None:
    """The local part of a SpreadsheetML element's name, None for any other vocabulary."""
    space, _, rest = name.rpartition(" ")
    return rest if space in spaces else None


def rel_id(attrs: dict[str, str]) -> str | None:
    """The `r:id` of an element, whichever relationships namespace it is in."""
    for space in RELATIONSHIPS:
        found = attrs.get(f"{space} id")
        if found is not None:
            return found
    return None


def parser(start, end=None, chars=None):
    """A namespace-aware expat parser that refuses DTDs and entities."""
    made = ParserCreate(namespace_separator=" ")
    made.buffer_text = True
    made.buffer_size = CHUNK

    def refuse(*_args):
        raise CannotCheck("xml_dtd", part="?")

    made.StartDoctypeDeclHandler = refuse
    made.EntityDeclHandler = refuse
    made.StartElementHandler = start
    if end is not None:
        made.EndElementHandler = end
    if chars is not None:
        made.CharacterDataHandler = chars
    return made


def feed(archive: zipfile.ZipFile, part: str, made) -> None:
    """Parse the part `part` of `archive` with the parser `made`, 64 KB at a time."""
    try:
        with archive.open(part) as stream:
            first = stream.read(CHUNK)
            decoder = _decoder(first, part)
            chunk = first
            while chunk:
                made.Parse(decoder.decode(chunk) if decoder else chunk, False)
                chunk = stream.read(CHUNK)
        made.Parse(decoder.decode(b"", True) if decoder else b"", True)
    except CannotCheck as exc:
        if exc.args_.get("part") == "?":
            raise CannotCheck(exc.key, part=part) from None
        raise
    except (ExpatError, UnicodeDecodeError):
        raise CannotCheck("broken_workbook", reason="ExpatError") from None


class _Prolog(Exception):
    """The root element of a part opened: its prolog, where a DTD would be, is behind."""


def refuse_dtd(archive: zipfile.ZipFile, part: str) -> None:
    """CannotCheck when the prolog of a part renjacheck does not read otherwise holds a DTD:
    parsed up to its first element only (a DTD can stand nowhere else), whatever its encoding;
    a part that is no XML is not this check's business."""
    def stop(*_args):
        raise _Prolog

    try:
        feed(archive, part, parser(stop))
    except _Prolog:
        pass
    except CannotCheck as exc:
        if exc.key == "xml_dtd":
            raise


def _decoder(first: bytes, part: str):
    """An incremental decoder when expat cannot read the part's encoding itself, else None;
    CannotCheck for an encoding Python does not know either."""
    encoding = next((name for mark, name in _UTF32 if first.startswith(mark)), None)
    if encoding is None:
        declared = _DECLARED.match(first.removeprefix(codecs.BOM_UTF8))
        if declared is None:
            return None  # UTF-8 or UTF-16: expat tells them apart by their first bytes
        name = declared.group(1).decode("ascii")
        try:
            info = codecs.lookup(name)
        except LookupError:
            info = None
        # A codec that is no text encoding (`zlib`, `base64`, `rot13`) is no XML encoding:
        # a declared `zlib` would inflate the part past every limit on its size.
        if info is None or not getattr(info, "_is_text_encoding", True):
            raise CannotCheck("unsupported", what=f"encoding {name} ({part})")
        encoding = info.name
        if encoding in _NATIVE:
            return None
    return codecs.getincrementaldecoder(encoding)()
