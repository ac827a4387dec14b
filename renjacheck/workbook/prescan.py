"""A look at the worksheet XML before openpyxl parses it (for the annotated copy, which
openpyxl writes; a check reads with workbook/xmlreader.py): what openpyxl would choke on or hide.

openpyxl builds one object for every cell a merged range covers, so a few-KB file merging
A1:XFD1048576 would take all the memory there is: such a merge is clamped to the cells the sheet
really uses, in a copy made in memory (the user's file is never touched). openpyxl also reads a
formula whose value was never calculated (a file written by a script) as an empty cell, which
would silently count as zero: those cells are listed so the reader can say so; and it drops the
cached results of formulas, which are kept here to be put back (writers/xlsx.py). A numeric or
date cell holding no number or date (NaN, junk a script wrote) would make openpyxl refuse the
whole file: it is read as text instead, as the check reads it.

Everything is found on parsed XML (the reader's expat parser: any encoding, prefix, quoting or
spacing, DTDs refused), in one pass a sheet; a sheet that must change is written again from
its parsed events (workbook/xmlwrite.py), never by a pattern over its text.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from renjacheck.workbook.book import sheet_parts
from renjacheck.workbook.cellvalues import cast_number
from renjacheck.workbook.refs import area, clamp, column_letters, column_number, merge_bounds
from renjacheck.workbook.refs import MAX_COL, range_text
from renjacheck.workbook.safety import CannotCheck, Limits, open_zip
from renjacheck.workbook.xmlparse import feed, names, parser
from renjacheck.workbook.xmlreader import MERGED_TOTAL
from renjacheck.workbook.xmlwrite import DROP, rewrite, text

__all__ = ["Prescan", "prescan", "rewritten", "sheet_parts"]

_DIGITS = "0123456789"
_TAGS = names("row", "c", "v", "f", "mergeCell", "hyperlink")
# Worksheet features of newer Excel versions (in the sheet's extLst, which openpyxl drops),
# counted for writers/losses.py.
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
FEATURES = ("conditionalFormatting", "dataValidation", "sparklineGroup")
_FEATURES = names(*FEATURES, spaces=(X14,))
# A formula's cached result: the type its cell gives (None: none given) and the text of <v>.
Result = tuple[str | None, str]


@dataclass
class Prescan:
    """What the sheets hold that openpyxl must not see as it is, per sheet name: formulas
    never calculated, merges cut down (as written, as loaded), formulas' cached results, and
    the workbook as openpyxl is given it (`source`)."""

    uncalculated: dict[str, list[str]] = field(default_factory=dict)
    clamped: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    results: dict[str, dict[str, Result]] = field(default_factory=dict)
    source: Path | io.BytesIO | None = None
    features: dict[str, int] = field(default_factory=dict)  # FEATURES, in all sheets


def prescan(source: Path | bytes, limits: Limits,
            replaced: dict[str, bytes | None] | None = None, rename=None,
            styles: int | None = None) -> Prescan:
    """Scan every worksheet part of an already vetted .xlsx (a path, or its bytes); the parts
    in `replaced` (name -> content) are changed in the copy too, and a sheet written again
    has its namespaces renamed by `rename` (xmlwrite.rewrite); a cell's style index past the
    `styles` the workbook has is left out. CannotCheck on hostile XML."""
    result = Prescan(source=source)
    replaced = dict(replaced or {})
    merged = cells = 0
    scans: dict[str, _Scan] = {}
    # The zip by its real end record, as the check reads it (safety.open_zip).
    with open_zip(source) as archive:
        for name, part in sheet_parts(archive, limits).items():
            scan = scans.get(part)
            if scan is None:  # a part several sheets name is scanned once, as it is read once
                scan = scans[part] = _Scan(limits, styles)
                feed(archive, part, parser(scan.start, scan.end, scan.chars))
                merged += scan.finish(limits)
                # Many merges each under the limit cost as much as one huge merge.
                if merged > MERGED_TOTAL * limits.merged_cells:
                    raise CannotCheck("too_many_merged", count=merged,
                                      limit=MERGED_TOTAL * limits.merged_cells)
                for feature, count in scan.features.items():
                    result.features[feature] = result.features.get(feature, 0) + count
                if scan.cut or scan.as_text or scan.unstyled or scan.links_cut:
                    replaced[part] = rewrite(archive, part, scan.edit(), rename=rename)
            cells += scan.cell + 1  # every sheet costs its cells, as in the check
            if cells > limits.cells:
                raise CannotCheck("too_many_cells", count=cells, limit=limits.cells)
            if scan.uncalculated:
                result.uncalculated[name] = scan.uncalculated
            if scan.results:
                result.results[name] = scan.results
            if scan.clamped:
                result.clamped[name] = scan.clamped
        # What openpyxl is given: a copy with the changes, else the zip as found (without a
        # comment that holds a false end record).
        if replaced:
            result.source = rewritten(archive, replaced)
        elif isinstance(archive.fp, io.BytesIO):
            result.source = io.BytesIO(archive.fp.getvalue())
    if hasattr(result.source, "seek"):
        result.source.seek(0)
    return result


class _Scan:
    """expat's handlers for one worksheet: where each cell is (as xmlreader.py places it),
    its type, formula and <v>, and the merges; what must change, by the element's place in
    the part (the n-th cell, the n-th merge), which is how `edit` finds it again."""

    def __init__(self, limits: Limits, styles: int | None) -> None:
        self.limit, self.styles = limits.merged_cells, styles
        self.cell = self.merge = self.link = -1  # the place of the cell, merge, link read last
        self.row = self.col = self.row_counter = self.col_counter = 0
        self.columns: dict[str, int] = {}  # column letters -> number, computed once each
        self.row_digits: str | None = None  # the digits `row` was read from
        self.last_row = self.last_col = 1
        self.kind: str | None = None
        self.formula = self.seen_v = False
        self.sink: list[str] | None = None
        self.value: list[str] = []
        self.merges: list[tuple[int, tuple[int, int, int, int]]] = []
        self.uncalculated: list[str] = []
        self.results: dict[str, Result] = {}
        self.clamped: list[tuple[str, str]] = []
        self.cut: dict[int, str] = {}  # merge place -> the range it is cut down to
        self.as_text: dict[int, str] = {}  # cell place -> the text it shows
        self.unstyled: set[int] = set()  # cell places whose style index is past the styles
        # Hyperlinks (openpyxl makes a cell for each one a range covers): place -> range or
        # None for one that names no cell; those cut down (or left out: None).
        self.links: list[tuple[int, tuple[int, int, int, int] | None]] = []
        self.links_cut: dict[int, str | None] = {}
        self.features: dict[str, int] = {}

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = _TAGS.get(name)
        if tag == "c":  # as xmlreader.py places it; this runs for every cell
            self.cell += 1
            ref = attrs.get("r")
            if ref:
                letters = ref.rstrip(_DIGITS)
                col = self.columns.get(letters)
                if col is None:
                    col = self.columns[letters] = column_number(letters)
                    if col > MAX_COL:
                        raise CannotCheck("broken_workbook", reason="column past XFD")
                digits = ref[len(letters):]
                if digits != self.row_digits:
                    self.row_digits, self.row = digits, int(digits)
                self.col = self.col_counter = col
            else:
                self.col_counter += 1
                if self.col_counter > MAX_COL:
                    raise CannotCheck("broken_workbook", reason="column past XFD")
                self.row, self.col, self.row_digits = self.row_counter, self.col_counter, None
            if self.row > self.last_row:
                self.last_row = self.row
            if self.col > self.last_col:
                self.last_col = self.col
            self.kind = attrs.get("t")
            style = attrs.get("s")
            if style and self.styles is not None and int(style) >= self.styles:
                self.unstyled.add(self.cell)
            self.formula = self.seen_v = False
            if self.value:
                self.value = []
        elif tag == "v":
            self.seen_v, self.sink = True, self.value
        elif tag == "f":
            self.formula = True
        elif tag == "row":
            ref = attrs.get("r")
            self.row_counter = int(float(ref)) if ref else self.row_counter + 1
            self.col_counter = 0
        elif tag == "mergeCell":
            self.merge += 1
            self.merges.append((self.merge, merge_bounds(attrs.get("ref", ""))))
        elif tag is None:
            feature = _FEATURES.get(name)
            if feature is not None:
                self.features[feature] = self.features.get(feature, 0) + 1
        elif tag == "hyperlink":  # the check never reads one: one naming no cell is dropped
            self.link += 1
            try:
                self.links.append((self.link, merge_bounds(attrs.get("ref", ""))))
            except ValueError:
                self.links.append((self.link, None))

    def chars(self, data: str) -> None:
        if self.sink is not None:
            self.sink.append(data)

    def end(self, name: str) -> None:
        tag = _TAGS.get(name)
        if tag == "v":
            self.sink = None
        elif tag == "c":
            value = self.value
            written = (value[0] if len(value) == 1 else "".join(value)) if value else ""
            if self.formula:
                ref = f"{column_letters(self.col)}{self.row}"
                if not written and not (self.kind == "str" and self.seen_v):
                    self.uncalculated.append(ref)
                if self.seen_v:
                    self.results[ref] = (self.kind, written)
            elif written and not _readable(self.kind or "n", written):
                self.as_text[self.cell] = written

    def finish(self, limits: Limits) -> int:
        """Cut down each merge too large, now that the cells in use are known; the number of
        cells the merges cover in all. Hyperlinks are cut down likewise, and once they cover
        as many cells as all merges may, each further one to its first cell."""
        covered = 0
        for place, bounds in self.merges:
            if area(bounds) > self.limit:
                cut = clamp(bounds, (self.last_row, self.last_col), self.limit)
                self.clamped.append((range_text(bounds), range_text(cut)))
                self.cut[place] = range_text(cut)
                bounds = cut
            covered += area(bounds)
        linked = 0
        for place, written in self.links:
            if written is None:
                self.links_cut[place] = None
                continue
            bounds = written
            if area(bounds) > self.limit:
                bounds = clamp(bounds, (self.last_row, self.last_col), self.limit)
            if linked + area(bounds) > MERGED_TOTAL * self.limit:
                bounds = (bounds[0], bounds[1], bounds[0], bounds[1])
            if bounds != written:
                self.links_cut[place] = range_text(bounds)
            linked += area(bounds)
        return covered

    def edit(self):
        """What `rewrite` changes: the merges and hyperlinks cut down, the unreadable values as
        text, the style indices past the styles left out."""
        places = {"c": -1, "mergeCell": -1, "hyperlink": -1}
        cut, as_text, unstyled, links = self.cut, self.as_text, self.unstyled, self.links_cut

        def edit(local: str | None, qualified: str, attrs: dict[str, str]) -> str | None:
            if local not in places:
                return None
            places[local] += 1
            place = places[local]
            if local == "c":
                if place in unstyled:
                    del attrs["s"]
                if place in as_text:
                    attrs["t"] = "inlineStr"
                    prefix = qualified[:-1]  # `x:` of `x:c`: the inline string in its vocabulary
                    return f"<{prefix}is><{prefix}t>{text(as_text[place])}</{prefix}t>" \
                           f"</{prefix}is>"
            elif local == "mergeCell" and place in cut:
                attrs["ref"] = cut[place]
            elif local == "hyperlink" and place in links:
                if links[place] is None:
                    return DROP
                attrs["ref"] = links[place]
            return None

        return edit


def _readable(kind: str, written: str) -> bool:
    """Whether openpyxl reads the <v> of a cell of this type without failing."""
    try:
        if kind == "n":
            cast_number(written)
        elif kind == "b":
            int(written)
        elif kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            from_ISO8601(written)
    except (ValueError, TypeError, OverflowError):
        return False
    return True


def rewritten(archive: zipfile.ZipFile, replaced: dict[str, bytes]) -> io.BytesIO:
    """A copy of the archive in memory with some parts replaced (b"" or None: left out)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            if info.filename in replaced:
                if replaced[info.filename]:
                    copy.writestr(info, replaced[info.filename])
            else:
                copy.writestr(info, archive.read(info.filename))
        for name, data in replaced.items():  # parts added (where openpyxl looks for them)
            if data and name not in archive.NameToInfo:
                copy.writestr(name, data)
    buffer.seek(0)
    return buffer
