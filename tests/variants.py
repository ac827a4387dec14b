"""Legal variants of an .xlsx, made by rewriting its parts as other producers write them
(ECMA-376): Strict namespaces, namespace prefixes, UTF-16, free part names, `./`, `../` and
absolute relationship targets, cells and rows without `r`, lower-case references, attributes
spelled as byte patterns miss them (quotes, line breaks, character references), and the cell
variants of tests/cellvariants.py (shared and rich strings, the 1904 date system, ISO dates,
shared formulas). Each variant shows the same cells as the workbook it was made from.
`apply(parts, names)` makes any combination of them, in the order of VARIANTS (UTF-16 last: the
others rewrite UTF-8 text). The rewrites are independent of renjacheck.
"""

from __future__ import annotations

import posixpath
import re
from xml.etree import ElementTree as ET

from tests.cellvariants import (date1904, iso_dates, rich_strings, shared_formulas,
                                shared_strings)
from tests.xlsxparts import (CT, MAIN, PKG, REL, Parts, attrs_of, column, each, read_parts,
                             rels_name, root, write_parts)

__all__ = ["VARIANTS", "apply", "read_parts", "write_parts"]

STRICT = {MAIN: "http://purl.oclc.org/ooxml/spreadsheetml/main",
          REL: "http://purl.oclc.org/ooxml/officeDocument/relationships",
          "http://schemas.openxmlformats.org/drawingml/2006/main":
          "http://purl.oclc.org/ooxml/drawingml/main"}


# ---- namespaces and encodings ---------------------------------------------------------------

def strict(parts: Parts) -> Parts:
    """Strict Open XML: the Strict namespaces and relationship types, `conformance="strict"`."""
    out = {}
    for name, data in parts.items():
        text = data.decode()
        for old, new in STRICT.items():
            text = text.replace(old, new)
        if root(data) == "workbook":
            text = re.sub(r"<(\w+:)?workbook\b", r'<\1workbook conformance="strict"', text, count=1)
        out[name] = text.encode()
    return out


def prefixed(parts: Parts) -> Parts:
    """Every SpreadsheetML element written with the prefix `x:` instead of a default namespace."""
    out = {}
    for name, data in parts.items():
        text = data.decode()
        match = re.search(r'xmlns="([^"]*)"', text)
        if match and match.group(1) in (MAIN, STRICT[MAIN]) and text.count('xmlns="') == 1:
            text = text.replace('xmlns="', 'xmlns:x="', 1)
            text = re.sub(r"<(/?)(?![?!])(\w+)(?=[\s/>])", r"<\1x:\2", text)
        out[name] = text.encode()
    return out


def utf16(parts: Parts) -> Parts:
    """Every XML part in UTF-16: sheets with a byte order mark, the others without."""
    out = {}
    for name, data in parts.items():
        if not name.endswith((".xml", ".rels")):
            out[name] = data
            continue
        body = re.sub(r"^\ufeff?(<\?xml[^>]*\?>)?", "", data.decode())
        text = '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n' + body
        out[name] = text.encode("utf-16" if root(data) == "worksheet" else "utf-16-le")
    return out


# ---- part names and relationship targets ----------------------------------------------------

def _source(rels: str) -> str:
    folder = posixpath.dirname(posixpath.dirname(rels))
    return posixpath.join(folder, posixpath.basename(rels)[:-5])


def _target_part(source: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _relink(parts: Parts, renamed: dict[str, str], style) -> Parts:
    """Parts renamed (`renamed`: old -> new name) and every internal target written by
    `style(new source, new target part)`; content types follow."""
    out: Parts = {}
    ET.register_namespace("", PKG)
    for name, data in parts.items():
        if name.endswith(".rels"):
            source = _source(name)
            tree = ET.fromstring(data)
            for rel in tree:
                if rel.get("TargetMode") != "External":
                    part = _target_part(source, rel.get("Target"))
                    rel.set("Target", style(renamed.get(source, source),
                                            renamed.get(part, part)))
            name, data = rels_name(renamed.get(source, source)), ET.tostring(tree)
        elif name == "[Content_Types].xml":
            ET.register_namespace("", CT)
            tree = ET.fromstring(data)
            for item in tree:
                part = item.get("PartName", "").lstrip("/")
                if part in renamed:
                    item.set("PartName", "/" + renamed[part])
            data = ET.tostring(tree)
        out[renamed.get(name, name)] = data
    return out


def _relative(source: str, part: str) -> str:
    return posixpath.relpath(part, posixpath.dirname(source) or ".").replace(" ", "%20")


def free_names(parts: Parts) -> Parts:
    """The workbook, its sheets, strings and styles under names and folders of their own (a
    space in one, percent-encoded in its target), relative targets."""
    renamed = {}
    for name, data in parts.items():
        kind = root(data)
        if kind == "workbook":
            renamed[name] = "buku/utama.xml"
        elif kind == "worksheet":
            renamed[name] = f"data/lembar-{len(renamed)}.xml"
        elif kind in ("sst", "styleSheet"):
            renamed[name] = f"umum/{kind}.xml"
    return _relink(parts, renamed, _relative)


def dot_targets(parts: Parts) -> Parts:
    """Relative targets written `./x.xml`."""
    return _relink(parts, {}, lambda source, part: "./" + _relative(source, part))


def absolute_targets(parts: Parts) -> Parts:
    """Absolute targets, `/xl/x.xml`."""
    return _relink(parts, {}, lambda _source, part: "/" + part.replace(" ", "%20"))


def parent_targets(parts: Parts) -> Parts:
    """Relative targets through the parent folder, `../xl/x.xml`."""
    def style(source: str, part: str) -> str:
        folder = posixpath.dirname(source)
        return "../" * (folder.count("/") + 1 if folder else 0) + part.replace(" ", "%20")

    return _relink(parts, {}, style)


# ---- cell references ------------------------------------------------------------------------

def no_refs(parts: Parts) -> Parts:
    """`r` left out of every row that follows the row before and every cell that follows the
    cell before (a cell after a gap keeps it, as producers that omit `r` do)."""
    def rewrite(text: str) -> str:
        state = {"row": 0, "col": 0}

        def one(match: re.Match) -> str:
            tag, attrs = match.group(1), attrs_of(match.group(2))
            ref = attrs.get("r", "")
            if tag == "row":
                row = int(ref) if ref else state["row"] + 1
                if row == state["row"] + 1:
                    attrs.pop("r", None)
                state.update(row=row, col=0)
            else:
                letters = ref.rstrip("0123456789")
                col = column(letters) if letters else state["col"] + 1
                if col == state["col"] + 1:
                    attrs.pop("r", None)
                state["col"] = col
            close = "/>" if match.group(0).endswith("/>") else ">"
            return f"<{tag}" + "".join(f' {k}="{v}"' for k, v in attrs.items()) + close

        return re.sub(r"<(row|c)\b([^>]*?)/?>", one, text)

    return each(parts, "worksheet", rewrite)



def lower_refs(parts: Parts) -> Parts:
    """Cell, merge and dimension references in lower case (`a1`, `a1:b2`)."""
    def rewrite(text: str) -> str:
        return re.sub(r'(<(?:c|mergeCell|dimension|f)\b[^>]*?\s(?:r|ref)=")([^"]*)"',
                      lambda m: m.group(1) + m.group(2).lower() + '"', text)

    return each(parts, "worksheet", rewrite)


def spelled(parts: Parts) -> Parts:
    """Cell, row, merge and dimension tags spelled as XML allows and byte patterns miss: each
    attribute on a line of its own after two spaces, in single quotes, a reference's row with a
    leading zero and its first digit a character reference (`A1` is `A&#48;&#49;`)."""
    def ref(value: str) -> str:
        return re.sub(r"(?<=[A-Za-z])(\d)", lambda m: f"&#48;&#{48 + int(m.group(1))};", value)

    def one(match: re.Match) -> str:
        tag, attrs, close = match.group(1), attrs_of(match.group(2)), match.group(3)
        spelled = {k: ref(v) if k in ("r", "ref") and tag != "row" else v
                   for k, v in attrs.items()}
        return f"<{tag}" + "".join(f"\n  {k}='{v}'" for k, v in spelled.items()) + f"\n{close}>"

    return each(parts, "worksheet", lambda text: re.sub(
        r"<(row|c|mergeCell|mergeCells|dimension)\b([^>]*?)(/?)>", one, text))


# In the order they are applied: the cell rewrites first (ISO dates before the 1904 system moves
# the serial ones), then the names, UTF-16 last.
VARIANTS = {"shared_strings": shared_strings, "rich_strings": rich_strings,
            "shared_formulas": shared_formulas, "iso_dates": iso_dates, "date1904": date1904,
            "no_refs": no_refs, "lower_refs": lower_refs, "spelled": spelled, "strict": strict,
            "prefixed": prefixed, "free_names": free_names, "dot_targets": dot_targets,
            "absolute_targets": absolute_targets, "parent_targets": parent_targets,
            "utf16": utf16}


def apply(parts: Parts, names: list[str] | tuple[str, ...]) -> Parts:
    """`parts` rewritten into every variant of `names`, in the order of VARIANTS."""
    for name in VARIANTS:
        if name in names:
            parts = VARIANTS[name](parts)
    return parts
