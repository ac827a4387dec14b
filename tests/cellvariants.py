"""Variants of an .xlsx's cells (see tests/variants.py): strings moved to a shared table or
written as rich text with a phonetic run, dates in the 1904 system or as ISO text, formulas
filled down written as shared formulas. Dates are found and formulas compared with openpyxl.
"""

from __future__ import annotations

import posixpath
import re
from html import escape, unescape

from tests.xlsxparts import (CELL, MAIN, REL, SST_TYPE, Parts, attrs_of, cell, each, rels_name,
                             root)


# ---- strings --------------------------------------------------------------------------------

def shared_strings(parts: Parts) -> Parts:
    """Inline strings moved to a shared string table (made, or added to)."""
    parts = dict(parts)
    table = next((name for name, data in parts.items() if root(data) == "sst"), None)
    items = re.findall(r"<si>.*?</si>", parts[table].decode(), re.DOTALL) if table else []
    first = len(items)

    def rewrite(text: str) -> str:
        def one(match: re.Match) -> str:
            attrs, body = attrs_of(match.group(1)), match.group(2) or ""
            inline = re.fullmatch(r"\s*<is>(.*)</is>\s*", body, re.DOTALL)
            if attrs.get("t") != "inlineStr" or inline is None:
                return match.group(0)
            items.append(f"<si>{inline.group(1)}</si>")
            return cell({**attrs, "t": "s"}, f"<v>{len(items) - 1}</v>")

        return CELL.sub(one, text)

    parts = each(parts, "worksheet", rewrite)
    sst = (f'<sst xmlns="{MAIN}" count="{len(items)}" uniqueCount="{len(items)}">'
           + "".join(items) + "</sst>")
    if table is not None:
        parts[table] = sst.encode()
        return parts
    if first == len(items):
        return parts
    book = next(name for name, data in parts.items() if root(data) == "workbook")
    rels = rels_name(book)
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
    ids = [int(attrs_of(a).get("numFmtId", 0)) for a in
           re.findall(r"<xf\b([^>]*)", xfs.group(1) if xfs else "")]
    return {str(n) for n, i in enumerate(ids)
            if is_date_format(custom.get(i) or BUILTIN_FORMATS.get(i))}


def _dates(parts: Parts, rewrite_value) -> Parts:
    dated = _date_styles(parts)

    def rewrite(text: str) -> str:
        def one(match: re.Match) -> str:
            attrs, body = attrs_of(match.group(1)), match.group(2) or ""
            value = re.fullmatch(r"<v>([^<]+)</v>", body)
            if attrs.get("t", "n") != "n" or attrs.get("s") not in dated or value is None:
                return match.group(0)
            return rewrite_value(attrs, float(value.group(1))) or match.group(0)

        return CELL.sub(one, text)

    return each(parts, "worksheet", rewrite)


def date1904(parts: Parts) -> Parts:
    """The 1904 date system: `date1904` set and every date 1,462 days less."""
    def shift(attrs: dict[str, str], serial: float) -> str | None:
        if serial < 1462:
            return None  # a time of day: the same in both systems
        moved = serial - 1462
        return cell(attrs, f"<v>{int(moved) if moved.is_integer() else repr(moved)}</v>")

    parts = _dates(parts, shift)
    return each(parts, "workbook", lambda text: re.sub(
        r"<workbookPr\b", '<workbookPr date1904="1"', text, count=1) if "<workbookPr" in text
        else re.sub(r"(<workbook\b[^>]*>)", r'\1<workbookPr date1904="1"/>', text, count=1))


def iso_dates(parts: Parts) -> Parts:
    """Dates written as ISO 8601 text (`t="d"`), as Strict producers may."""
    from openpyxl.utils.datetime import from_excel

    def iso(attrs: dict[str, str], serial: float) -> str | None:
        if serial < 1:
            return None
        return cell({**attrs, "t": "d"}, f"<v>{from_excel(serial).isoformat()}</v>")

    return _dates(parts, iso)


# ---- formulas -------------------------------------------------------------------------------

def shared_formulas(parts: Parts) -> Parts:
    """A formula filled down a column written once, as Excel writes it: the first cell the
    master (`t="shared"`, its range, an index), each cell below naming the index only."""
    from openpyxl.formula.translate import Translator

    def rewrite(text: str) -> str:
        found = []  # (col letters, row, formula, match)
        for match in CELL.finditer(text):
            formula = re.match(r"<f>([^<]*)</f>", match.group(2) or "")
            ref = attrs_of(match.group(1)).get("r", "")
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
            ref = attrs_of(match.group(1)).get("r", "")
            if ref not in edits:
                return match.group(0)
            return match.group(0).replace(re.search(r"<f>[^<]*</f>", match.group(0)).group(0),
                                          edits[ref], 1)

        return CELL.sub(one, text)

    return each(parts, "worksheet", rewrite)
