"""Legal variants of an .xlsx, made by rewriting its parts as other producers write them
(ECMA-376): Strict namespaces, namespace prefixes, UTF-16, free part names, `./`, `../` and
absolute relationship targets, cells and rows without `r`, lower-case references, shared and
rich strings, the 1904 date system, ISO dates, shared formulas. Each variant shows the same cells
as the workbook it was made from. `apply(parts, names)` makes any combination of them, in the
order of VARIANTS (UTF-16 last: the others rewrite UTF-8 text).

The rewrites are independent of renjacheck: dates are found and formulas compared with openpyxl.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from html import escape, unescape
from pathlib import Path
from xml.etree import ElementTree as ET

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
STRICT = {MAIN: "http://purl.oclc.org/ooxml/spreadsheetml/main",
          REL: "http://purl.oclc.org/ooxml/officeDocument/relationships",
          "http://schemas.openxmlformats.org/drawingml/2006/main":
          "http://purl.oclc.org/ooxml/drawingml/main"}
SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_CELL = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
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


def _each(parts: Parts, kind: str, rewrite) -> Parts:
    return {name: rewrite(data.decode()).encode() if root(data) == kind else data
            for name, data in parts.items()}


def _attrs(text: str) -> dict[str, str]:
    return dict(_ATTR.findall(" " + text))


def _cell(attrs: dict[str, str], body: str) -> str:
    return "<c" + "".join(f' {k}="{v}"' for k, v in attrs.items()) + f">{body}</c>"


# ---- namespaces and encodings ---------------------------------------------------------------

def strict(parts: Parts) -> Parts:
    """Strict Open XML: the Strict namespaces and relationship types, `conformance="strict"`."""
    out = {}
    for name, data in parts.items():
        text = data.decode()
        for old, new in STRICT.items():
            text = text.replace(old, new)
        if root(data) == "workbook":
            text = re.sub(r"<(\w+:)?workbook\b", r'<\1workbook conformance="strict"', text, 1)
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

def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


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
            name, data = _rels_name(renamed.get(source, source)), ET.tostring(tree)
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
            tag, attrs = match.group(1), _attrs(match.group(2))
            ref = attrs.get("r", "")
            if tag == "row":
                row = int(ref) if ref else state["row"] + 1
                if row == state["row"] + 1:
                    attrs.pop("r", None)
                state.update(row=row, col=0)
            else:
                letters = ref.rstrip("0123456789")
                col = _col(letters) if letters else state["col"] + 1
                if col == state["col"] + 1:
                    attrs.pop("r", None)
                state["col"] = col
            close = "/>" if match.group(0).endswith("/>") else ">"
            return f"<{tag}" + "".join(f' {k}="{v}"' for k, v in attrs.items()) + close

        return re.sub(r"<(row|c)\b([^>]*?)/?>", one, text)

    return _each(parts, "worksheet", rewrite)


def _col(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def lower_refs(parts: Parts) -> Parts:
    """Cell, merge and dimension references in lower case (`a1`, `a1:b2`)."""
    def rewrite(text: str) -> str:
        return re.sub(r'(<(?:c|mergeCell|dimension|f)\b[^>]*?\s(?:r|ref)=")([^"]*)"',
                      lambda m: m.group(1) + m.group(2).lower() + '"', text)

    return _each(parts, "worksheet", rewrite)


# ---- strings --------------------------------------------------------------------------------

def shared_strings(parts: Parts) -> Parts:
    """Inline strings moved to a shared string table (made, or added to)."""
    parts = dict(parts)
    table = next((name for name, data in parts.items() if root(data) == "sst"), None)
    items = re.findall(r"<si>.*?</si>", parts[table].decode(), re.DOTALL) if table else []
    first = len(items)

    def rewrite(text: str) -> str:
        def one(match: re.Match) -> str:
            attrs, body = _attrs(match.group(1)), match.group(2) or ""
            inline = re.fullmatch(r"\s*<is>(.*)</is>\s*", body, re.DOTALL)
            if attrs.get("t") != "inlineStr" or inline is None:
                return match.group(0)
            items.append(f"<si>{inline.group(1)}</si>")
            return _cell({**attrs, "t": "s"}, f"<v>{len(items) - 1}</v>")

        return _CELL.sub(one, text)

    parts = _each(parts, "worksheet", rewrite)
    sst = (f'<sst xmlns="{MAIN}" count="{len(items)}" uniqueCount="{len(items)}">'
           + "".join(items) + "</sst>")
    if table is not None:
        parts[table] = sst.encode()
        return parts
    if first == len(items):
        return parts
    book = next(name for name, data in parts.items() if root(data) == "workbook")
    rels = _rels_name(book)
    parts[posixpath.join(posixpath.dirname(book), "sharedStrings.xml")] = sst.encode()
    parts[rels] = parts[rels].replace(b"</Relationships>", (
        f'<Relationship Id="rIdStrings" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>").encode())
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", (
        f'<Override PartName="/{posixpath.dirname(book)}/sharedStrings.xml" '
        f'ContentType="{SST_TYPE}"/></Types>').encode())
    return parts


def rich_strings(parts: Parts) -> Parts:
    """Every string of one text written as two runs (the first bold) and a phonetic run."""
    def runs(match: re.Match) -> str:
        text = unescape(match.group(2))
        half = len(text) // 2
        pieces = "".join(f'<r>{"<rPr><b/></rPr>" if n == 0 else ""}'
                         f'<t xml:space="preserve">{escape(piece, quote=False)}</t></r>'
                         for n, piece in enumerate((text[:half], text[half:])) if piece)
        return f'<{match.group(1)}>{pieces}<rPh sb="0" eb="1"><t>ヨミ</t></rPh></{match.group(1)}>'

    pattern = re.compile(r"<(is|si)><t(?:\s[^>]*)?>([^<]*)</t></\1>")
    out = {}
    for name, data in parts.items():
        kind = root(data)
        out[name] = pattern.sub(runs, data.decode()).encode() if kind in ("worksheet", "sst") \
            else data
    return out


# ---- dates ----------------------------------------------------------------------------------

def _date_styles(parts: Parts) -> set[str]:
    """The style indices (as written) whose number format shows a date, as openpyxl sees it."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    styles = next((d.decode() for d in parts.values() if root(d) == "styleSheet"), "")
    custom = {int(i): unescape(code) for i, code in
              re.findall(r'<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"', styles)}
    xfs = re.search(r"<cellXfs\b[^>]*>(.*?)</cellXfs>", styles, re.DOTALL)
    ids = [int(_attrs(a).get("numFmtId", 0)) for a in
           re.findall(r"<xf\b([^>]*)", xfs.group(1) if xfs else "")]
    return {str(n) for n, i in enumerate(ids)
            if is_date_format(custom.get(i) or BUILTIN_FORMATS.get(i))}


def _dates(parts: Parts, rewrite_value) -> Parts:
    dated = _date_styles(parts)

    def rewrite(text: str) -> str:
        def one(match: re.Match) -> str:
            attrs, body = _attrs(match.group(1)), match.group(2) or ""
            value = re.fullmatch(r"<v>([^<]+)</v>", body)
            if attrs.get("t", "n") != "n" or attrs.get("s") not in dated or value is None:
                return match.group(0)
            return rewrite_value(attrs, float(value.group(1))) or match.group(0)

        return _CELL.sub(one, text)

    return _each(parts, "worksheet", rewrite)


def date1904(parts: Parts) -> Parts:
    """The 1904 date system: `date1904` set and every date 1,462 days less."""
    def shift(attrs: dict[str, str], serial: float) -> str | None:
        if serial < 1462:
            return None  # a time of day: the same in both systems
        moved = serial - 1462
        return _cell(attrs, f"<v>{int(moved) if moved.is_integer() else repr(moved)}</v>")

    parts = _dates(parts, shift)
    return _each(parts, "workbook", lambda text: re.sub(
        r"<workbookPr\b", '<workbookPr date1904="1"', text, 1) if "<workbookPr" in text
        else re.sub(r"(<workbook\b[^>]*>)", r'\1<workbookPr date1904="1"/>', text, 1))


def iso_dates(parts: Parts) -> Parts:
    """Dates written as ISO 8601 text (`t="d"`), as Strict producers may."""
    from openpyxl.utils.datetime import from_excel

    def iso(attrs: dict[str, str], serial: float) -> str | None:
        if serial < 1:
            return None
        return _cell({**attrs, "t": "d"}, f"<v>{from_excel(serial).isoformat()}</v>")

    return _dates(parts, iso)


# ---- formulas -------------------------------------------------------------------------------

def shared_formulas(parts: Parts) -> Parts:
    """A formula filled down a column written once, as Excel writes it: the first cell the
    master (`t="shared"`, its range, an index), each cell below naming the index only."""
    from openpyxl.formula.translate import Translator

    def rewrite(text: str) -> str:
        found = []  # (col letters, row, formula, match)
        for match in _CELL.finditer(text):
            formula = re.match(r"<f>([^<]*)</f>", match.group(2) or "")
            ref = _attrs(match.group(1)).get("r", "")
            if formula and ref:
                letters = ref.rstrip("0123456789")
                found.append((letters, int(ref[len(letters):]), unescape(formula.group(1))))
        groups, index, edits = {}, 0, {}
        for letters, row, formula in found:
            key = groups.get((letters, row - 1))
            if key is not None:
                master = key[1]
                moved = Translator("=" + master[2], f"{letters}{master[1]}").translate_formula(
                    f"{letters}{row}")[1:]
                if moved == formula:
                    groups[(letters, row)] = key
                    key[2].append(row)
                    continue
            groups[(letters, row)] = (index, (letters, row, formula), [row])
            index += 1
        for si, (letters, first, formula), rows in {id(g): g for g in groups.values()}.values():
            if len(rows) < 2:
                continue
            ref = f"{letters}{first}:{letters}{rows[-1]}"
            edits[f"{letters}{first}"] = \
                f'<f t="shared" ref="{ref}" si="{si}">{escape(formula, quote=False)}</f>'
            edits.update({f"{letters}{row}": f'<f t="shared" si="{si}"/>' for row in rows[1:]})

        def one(match: re.Match) -> str:
            ref = _attrs(match.group(1)).get("r", "")
            if ref not in edits:
                return match.group(0)
            return match.group(0).replace(re.search(r"<f>[^<]*</f>", match.group(0)).group(0),
                                          edits[ref], 1)

        return _CELL.sub(one, text)

    return _each(parts, "worksheet", rewrite)


# In the order they are applied: the cell rewrites first (ISO dates before the 1904 system moves
# the serial ones), then the names, UTF-16 last.
VARIANTS = {"shared_strings": shared_strings, "rich_strings": rich_strings,
            "shared_formulas": shared_formulas, "iso_dates": iso_dates, "date1904": date1904,
            "no_refs": no_refs, "lower_refs": lower_refs, "strict": strict,
            "prefixed": prefixed, "free_names": free_names, "dot_targets": dot_targets,
            "absolute_targets": absolute_targets, "parent_targets": parent_targets,
            "utf16": utf16}


def apply(parts: Parts, names: list[str] | tuple[str, ...]) -> Parts:
    """`parts` rewritten into every variant of `names`, in the order of VARIANTS."""
    for name in VARIANTS:
        if name in names:
            parts = VARIANTS[name](parts)
    return parts
