"""Reads the cells of a worksheet straight from its XML, streaming, in one pass: values, number
formats, merges, formulas, and the formulas whose value was never calculated; and the limits
(cells, merged cells, characters of a text) counted on what it parses, whatever the encoding or
prefixes, refused at the first element or character past them.

openpyxl builds a Python object per XML element and another per cell; on a national budget of two
million cells that costs five times the time of reading the XML itself. This reader hands
expat's events (C, streaming, 64 KB at a time) to a few small handlers, and gives every
cell the value openpyxl's `load_workbook(data_only=True)` gives it: the same number casts,
shared and inline strings, booleans, errors, dates by number format, and the cells a merge
covers emptied. tests/test_xml_reader.py compares the two on every workbook the tests build,
tests/test_producers.py on workbooks as other programs write them.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field

from renjacheck.workbook.cells import Cells
from renjacheck.workbook.cellvalues import GENERAL, cast_number, date, value_of
from renjacheck.workbook.formulas import Formulas
from renjacheck.workbook.refs import (MAX_COL, area, clamp, column_letters, column_number,
                                      merge_bounds, range_text)
from renjacheck.workbook.safety import CannotCheck, Limits
from renjacheck.workbook.xmlparse import MAINS, feed, names, parser

_DIGITS = "0123456789"
# All merges of a workbook together may cover this many times the limit of one merge.
MERGED_TOTAL = 10


@dataclass
class SheetCells:
    """What one worksheet holds: values and style indices by (row, col), merges (cut down to
    the cells in use where too large: `clamped`, as written and as read), formulas."""

    cells: Cells = field(default_factory=Cells)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    clamped: list[tuple[str, str]] = field(default_factory=list)
    formulas: Formulas = field(default_factory=Formulas)
    # Formula cells without a cached value, in file order, with their style (for the value
    # calc.py gives them); the last row and column of any cell.
    uncalculated: dict[tuple[int, int], int] = field(default_factory=dict)
    extent: tuple[int, int] = (1, 1)
    # The cells its part holds, and its merged cells as the tally counted them.
    counted: int = 0
    merged: int = 0


@dataclass
class Tally:
    """The cells and merged cells of a workbook's sheets read so far, against its limits."""

    limits: Limits
    cells: int = 0
    merged: int = 0

    def merge(self, covered: int) -> None:
        """Count `covered` merged cells; CannotCheck past the workbook's bound."""
        self.merged += covered
        if self.merged > MERGED_TOTAL * self.limits.merged_cells:
            raise CannotCheck("too_many_merged", count=self.merged,
                              limit=MERGED_TOTAL * self.limits.merged_cells)

    def again(self, sheet: SheetCells) -> None:
        """Count a sheet already read once more (another sheet names its part)."""
        self.cells += sheet.counted
        if self.cells > self.limits.cells:
            raise CannotCheck("too_many_cells", count=self.cells, limit=self.limits.cells)
        self.merge(sheet.merged)


def read_sheet(archive: zipfile.ZipFile, part: str, strings: list[str],
               formats: list[tuple[str, bool, bool]], mac: bool, tally: Tally) -> SheetCells:
    """Every cell of one worksheet part, as openpyxl's data_only load would give it."""
    reader = _SheetReader(strings, formats, mac, tally)
    before = tally.merged
    made = parser(reader.root, reader.end, reader.chars)
    reader.parser = made
    feed(archive, part, made)
    tally.cells += reader.counted
    sheet = reader.sheet
    sheet.extent = (reader.last_row, reader.last_col)
    limit = tally.limits.merged_cells
    for at, bounds in enumerate(sheet.merges):
        if area(bounds) > limit:  # cut down to the cells in use, now that they are known
            sheet.merges[at] = cut = clamp(bounds, sheet.extent, limit)
            sheet.clamped.append((range_text(bounds), range_text(cut)))
            tally.merge(area(cut) - 1)  # counted as one cell while read
    sheet.counted, sheet.merged = reader.counted, tally.merged - before
    return sheet


_TAGS = names("row", "c", "v", "f", "is", "t", "rPh", "mergeCell")


class _SheetReader:
    """expat's handlers for one worksheet, and the cell being read: where, its type and style,
    formula?, <v> seen?, <is> seen?, phonetic depth, its text parts, and where text goes now
    (`sink`: the value's parts inside <v> or <t> of <is>, the formula's inside <f>). Slots:
    this runs for every cell of a national budget, two million of them."""

    __slots__ = ("sheet", "strings", "formats", "mac", "columns", "known_texts", "row", "col",
                 "style", "phonetic", "kind", "formula", "seen_v", "seen_is", "sink", "text",
                 "row_counter", "col_counter", "last_row", "last_col", "row_digits", "add",
                 "f_text", "f_attrs", "tally", "counted", "room", "parser", "length")

    def __init__(self, strings: list[str], formats: list[tuple[str, bool, bool]],
                 mac: bool, tally: Tally) -> None:
        self.sheet = SheetCells()
        self.strings, self.formats, self.mac = strings, formats, mac
        self.columns: dict[str, int] = {}  # column letters -> number, computed once each
        self.known_texts: dict[str, str] = {}
        self.row = self.col = self.style = self.phonetic = 0
        self.kind = "n"
        self.formula = self.seen_v = self.seen_is = False
        self.text: list[str] = []
        self.f_text: list[str] = []
        self.f_attrs: dict[str, str] = {}
        self.sink: list[str] | None = None
        self.row_counter = self.col_counter = 0  # for rows and cells written without `r`
        self.last_row = self.last_col = 1
        self.row_digits: str | None = None  # the digits `row` was read from; None: none read
        self.add = self.sheet.cells.add  # looked up once, not once a cell
        self.tally = tally
        self.counted, self.room = 0, tally.limits.cells - tally.cells  # cells read, allowed
        self.parser = None
        self.length = 0  # characters of the text being read (a value, a formula)

    def root(self, name: str, attrs: dict[str, str]) -> None:
        """The first element: a worksheet of SpreadsheetML, else the part is refused (a sheet
        in a vocabulary this reader does not know never reads as an empty sheet)."""
        space, _, tag = name.rpartition(" ")
        if space not in MAINS or tag != "worksheet":
            raise CannotCheck("unsupported", what=f"worksheet ({name.replace(' ', ': ')})")
        self.parser.StartElementHandler = self.start

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """An element opens."""
        tag = _TAGS.get(name)
        if tag == "c":  # where it is (its `r`, or the next place), its type and style
            self.counted += 1
            if self.counted > self.room:  # at each cell: one <row> may hold any number
                self._over()
            ref = attrs.get("r")
            if ref:
                letters = ref.rstrip(_DIGITS)
                col = self.columns.get(letters) or self._column(letters)
                digits = ref[len(letters):]
                if digits != self.row_digits:  # one int a row, shared by its cells' keys
                    self.row_digits, self.row = digits, int(digits)
                self.col = self.col_counter = col
            else:
                self.col_counter += 1
                if self.col_counter > MAX_COL:
                    raise CannotCheck("broken_workbook", reason="column past XFD")
                self.row, self.col, self.row_digits = self.row_counter, self.col_counter, None
            self.kind = attrs.get("t", "n")
            number = attrs.get("s")
            self.style = int(number) if number else 0
            self.formula = self.seen_v = self.seen_is = False
            self.phonetic = self.length = 0
            self.text.clear()
            if self.row > self.last_row:
                self.last_row = self.row
            if self.col > self.last_col:
                self.last_col = self.col
        elif tag == "v":
            self.seen_v = True
            self.sink = self.text
            self.length = 0
        elif tag == "row":
            ref = attrs.get("r")
            self.row_counter = int(float(ref)) if ref else self.row_counter + 1
            self.col_counter = 0
        elif tag == "f":
            self.formula = True
            self.f_attrs = attrs
            self.f_text.clear()
            self.sink = self.f_text
            self.length = 0
        elif tag == "is":
            self.seen_is = True
        elif tag == "t":
            self.sink = self.text if self.seen_is and not self.phonetic else None
        elif tag == "rPh":
            self.phonetic += 1
        elif tag == "mergeCell":
            bounds = merge_bounds(attrs.get("ref", ""))
            covered = area(bounds)
            # Counted as they come, so that a sheet of countless merges stops early; one
            # too large is cut down at the end of the sheet, and counted then.
            self.tally.merge(covered if covered <= self.tally.limits.merged_cells else 1)
            self.sheet.merges.append(bounds)

    def chars(self, data: str) -> None:
        """Text inside the element open now."""
        sink = self.sink
        if sink is not None:
            sink.append(data)
            # Counted as it comes (expat hands a long text over in 64 KB pieces, a rich text in
            # runs), so that a text of hundreds of megabytes is refused before it is held.
            self.length += len(data)
            if self.length > self.tally.limits.text_chars:
                raise CannotCheck("text_too_long", cell=f"{column_letters(self.col)}{self.row}",
                                  limit=self.tally.limits.text_chars)

    def end(self, name: str) -> None:
        """An element closes: a cell's value is stored when its <c> does."""
        tag = _TAGS.get(name)
        if tag == "c":
            text = self.text
            written = (text[0] if len(text) == 1 else "".join(text)) if text else None
            if self.formula:
                self._formula(written)
            if self.kind == "n" and written is not None:  # most cells of a budget: inline
                try:
                    value = cast_number(written)
                except ValueError:
                    value = value_of("str", written, False, 0, self)
                else:
                    fmt = self.formats[self.style] if self.style < len(self.formats) else GENERAL
                    if fmt[1]:
                        value = date(value, self.mac, fmt[2])
            else:
                value = value_of(self.kind, written, self.seen_is, self.style, self)
            if value is not None:
                self.add(self.row, self.col, value, self.style)
        elif tag == "v" or tag == "t" or tag == "f":
            self.sink = None
        elif tag == "rPh":
            self.phonetic -= 1

    def _formula(self, written: str | None) -> None:
        """The cell just read holds a formula: keep it, and say whether it was calculated (an
        empty text result still has its <v>)."""
        if not written and not (self.kind == "str" and self.seen_v):
            self.sheet.uncalculated[self.row, self.col] = self.style
        attrs, parts = self.f_attrs, self.f_text
        text = (parts[0] if len(parts) == 1 else "".join(parts)) if parts else ""
        if attrs:
            self.sheet.formulas.add(self.row, self.col, text, attrs.get("t"), attrs.get("ref"),
                                    attrs.get("si"))
        else:  # most formulas: no type, no range
            self.sheet.formulas.add(self.row, self.col, text, None, None, None)

    def _column(self, letters: str) -> int:
        """The number of column `letters` (`AB` is 28, `ab` too), remembered."""
        number = column_number(letters)
        if number > MAX_COL:
            raise CannotCheck("broken_workbook", reason="column past XFD")
        self.columns[letters] = number
        return number

    def _over(self) -> None:
        """One cell more than the workbook may hold: refused there, before the rest of the part
        is parsed (a part may hold tens of millions more, each costing parse time)."""
        raise CannotCheck("too_many_cells", count=self.tally.cells + self.counted,
                          limit=self.tally.limits.cells)
