"""Reads the cells of an .xlsx straight from its XML, streaming: values, number formats, merges,
and the formulas whose value was never calculated.

openpyxl builds a Python object per XML element and another per cell; on a national budget of two
million cells that costs five times the time of reading the XML itself. This reader hands
expat's events (C, streaming, 64 KB at a time) to a few small handlers, and gives every
cell the value openpyxl's `load_workbook(data_only=True)` gives it: the same number casts,
shared and inline strings, booleans, errors, dates by number format, and the cells a merge
covers emptied. tests/test_xml_reader.py compares the two on every workbook the tests build.

Files are vetted and prescanned first (safety.py, prescan.py): sizes, cell counts and DTDs are
refused before this reader sees them, and expat here refuses a DTD or an entity again.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pyexpat import ExpatError, ParserCreate

from renjacheck.workbook.cells import Cells
from renjacheck.workbook.safety import CannotCheck

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
# Under glibc's threshold for giving a block its own mapping (128 KB): each freed megabyte
# chunk raised that threshold, after which the growing column arrays were moved around the heap
# and left holes in it, 8 MB of a national budget's peak.
_CHUNK = 1 << 16
_DIGITS = "0123456789"


@dataclass
class SheetCells:
    """What one worksheet holds: values and style indices by (row, col), merges in file order."""

    cells: Cells = field(default_factory=Cells)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    # Formula cells without a cached value, in file order; the last row and column of any cell.
    uncalculated: list[tuple[int, int]] = field(default_factory=list)
    extent: tuple[int, int] = (1, 1)


def parser(start, end=None, chars=None):
    """A namespace-aware expat parser that refuses DTDs and entities."""
    parser = ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.buffer_size = 1 << 16

    def refuse(*_args):
        raise CannotCheck("xml_dtd", part="?")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if chars is not None:
        parser.CharacterDataHandler = chars
    return parser


def feed(archive: zipfile.ZipFile, part: str, parser) -> None:
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(_CHUNK):
                parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except CannotCheck as exc:
        if exc.key == "xml_dtd":
            raise CannotCheck("xml_dtd", part=part) from None
        raise
    except ExpatError:
        raise CannotCheck("broken_workbook", reason="ExpatError") from None


def cast_number(text: str) -> int | float:
    """A numeric cell's <v> as openpyxl casts it; ValueError when it is no number."""
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def _split_ref(ref: str) -> tuple[int, int]:
    """`AB12` -> (12, 28); ValueError when it is no cell reference."""
    digits = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    letters = ref[:len(ref) - len(digits)]
    if not letters or not (digits.isascii() and digits.isdigit()):  # "¹" is isdigit too
        raise ValueError(ref)
    col = 0
    for letter in letters:
        col = col * 26 + ord(letter) - 64
    return int(digits), col


def merge_bounds(ref: str) -> tuple[int, int, int, int]:
    """`A1:C3` -> (1, 1, 3, 3); a lone cell merges with itself."""
    first, _, last = ref.partition(":")
    r1, c1 = _split_ref(first)
    r2, c2 = _split_ref(last) if last else (r1, c1)
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


def read_sheet(archive: zipfile.ZipFile, part: str, strings: list[str],
               formats: list[tuple[str, bool, bool]], mac: bool) -> SheetCells:
    """Every cell of one worksheet part, as openpyxl's data_only load would give it."""
    reader = _SheetReader(strings, formats, mac)
    feed(archive, part, parser(reader.start, reader.end, reader.chars))
    reader.sheet.extent = (reader.last_row, reader.last_col)
    return reader.sheet


_TAGS = {f"{MAIN} {t}": t for t in ("row", "c", "v", "f", "is", "t", "rPh", "mergeCell")}


class _SheetReader:
    """expat's handlers for one worksheet, and the cell being read: where, its type and style,
    formula?, <v> seen?, <is> seen?, phonetic depth, its text parts, and whether text is being
    collected now (inside <v>, or <t> of <is>). Slots: this runs for every cell of a national
    budget, two million of them."""

    __slots__ = ("sheet", "strings", "formats", "mac", "columns", "known_texts", "row", "col",
                 "style", "phonetic", "kind", "formula", "seen_v", "seen_is", "collecting",
                 "text", "row_counter", "col_counter", "last_row", "last_col", "row_digits",
                 "add")

    def __init__(self, strings: list[str], formats: list[tuple[str, bool, bool]],
                 mac: bool) -> None:
        self.sheet = SheetCells()
        self.strings, self.formats, self.mac = strings, formats, mac
        self.columns: dict[str, int] = {}  # column letters -> number, computed once each
        self.known_texts: dict[str, str] = {}
        self.row = self.col = self.style = self.phonetic = 0
        self.kind = "n"
        self.formula = self.seen_v = self.seen_is = self.collecting = False
        self.text: list[str] = []
        self.row_counter = self.col_counter = 0  # for rows and cells written without `r`
        self.last_row = self.last_col = 1
        self.row_digits: str | None = None  # the digits `row` was read from; None: none read
        self.add = self.sheet.cells.add  # looked up once, not once a cell

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """An element opens."""
        tag = _TAGS.get(name)
        if tag == "c":  # where it is (its `r`, or the next place), its type and style
            ref = attrs.get("r")
            if ref:
                letters = ref.rstrip(_DIGITS)
                col = self.columns.get(letters) or _column(letters, self.columns)
                digits = ref[len(letters):]
                if digits != self.row_digits:  # one int a row, shared by its cells' keys
                    self.row_digits, self.row = digits, int(digits)
                self.col = self.col_counter = col
            else:
                self.col_counter += 1
                self.row, self.col, self.row_digits = self.row_counter, self.col_counter, None
            self.kind = attrs.get("t", "n")
            number = attrs.get("s")
            self.style = int(number) if number else 0
            self.formula = self.seen_v = self.seen_is = False
            self.phonetic = 0
            self.text.clear()
            if self.row > self.last_row:
                self.last_row = self.row
            if self.col > self.last_col:
                self.last_col = self.col
        elif tag == "v":
            self.seen_v = self.collecting = True
        elif tag == "row":
            ref = attrs.get("r")
            self.row_counter = int(float(ref)) if ref else self.row_counter + 1
            self.col_counter = 0
        elif tag == "f":
            self.formula = True
        elif tag == "is":
            self.seen_is = True
        elif tag == "t":
            self.collecting = self.seen_is and not self.phonetic
        elif tag == "rPh":
            self.phonetic += 1
        elif tag == "mergeCell":
            self.sheet.merges.append(merge_bounds(attrs.get("ref", "")))

    def chars(self, data: str) -> None:
        """Text inside the element open now."""
        if self.collecting:
            self.text.append(data)

    def end(self, name: str) -> None:
        """An element closes: a cell's value is stored when its <c> does."""
        tag = _TAGS.get(name)
        if tag == "c":
            text = self.text
            written = (text[0] if len(text) == 1 else "".join(text)) if text else None
            if self.formula and not written and not (self.kind == "str" and self.seen_v):
                self.sheet.uncalculated.append((self.row, self.col))
            if self.kind == "n" and written is not None:  # most cells of a budget: inline
                try:
                    value = cast_number(written)
                except ValueError:
                    value = _value("str", written, False, 0, self)
                else:
                    fmt = self.formats[self.style] if self.style < len(self.formats) else _GENERAL
                    if fmt[1]:
                        value = _date(value, self.mac, fmt[2])
            else:
                value = _value(self.kind, written, self.seen_is, self.style, self)
            if value is not None:
                self.add(self.row, self.col, value, self.style)
        elif tag == "v" or tag == "t":
            self.collecting = False
        elif tag == "rPh":
            self.phonetic -= 1


_GENERAL = ("General", False, False)


def _value(kind: str, written: str | None, seen_is: bool, style: int, reader: _SheetReader):
    """A cell's value from its type and the text written for it, as openpyxl casts it; None for
    a cell that shows nothing (blank text included)."""
    if written is None and not (kind == "inlineStr" and seen_is):
        return None
    if kind == "n":
        try:
            value = cast_number(written)
        except ValueError:
            value = written  # junk a script wrote where a number belongs: the schema reports it
        else:
            formats = reader.formats
            fmt = formats[style] if style < len(formats) else _GENERAL
            return _date(value, reader.mac, fmt[2]) if fmt[1] else value
    elif kind == "s":
        value = reader.strings[int(written)]
        return value if value.strip() else None
    elif kind == "inlineStr":
        value = written if seen_is else None
    elif kind == "b":
        return bool(int(written))
    elif kind == "d":
        from openpyxl.utils.datetime import from_ISO8601  # rare: a strict-OOXML date

        return from_ISO8601(written)
    else:
        value = written
    if value is None or not value.strip():
        return None
    # Inline strings (openpyxl's write-only mode writes every text so) are one object a cell;
    # the same Kode or Uraian written again is kept once.
    return reader.known_texts.setdefault(value, value)


def _column(letters: str, known: dict[str, int]) -> int:
    """The number of column `letters` (`AB` is 28), remembered in `known`."""
    if not letters or not letters.isalpha() or not letters.isupper():
        raise ValueError(letters)
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    known[letters] = number
    return number


def _date(value: int | float, mac: bool, duration: bool):
    """A serial number shown as a date, as openpyxl converts it; `#VALUE!` when out of range."""
    # Lazy: only a sheet with dates loads openpyxl (and numpy behind it), which a check avoids.
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

    try:
        return from_excel(value, CALENDAR_MAC_1904 if mac else CALENDAR_WINDOWS_1900,
                          timedelta=duration)
    except (OverflowError, ValueError):
        return "#VALUE!"
