"""The references and functions of a formula's text, for calc.py: which cells it reads, and its
pattern, the same for every cell a formula is filled into (`SUM(C4:E4)` in F4 and `SUM(C5:E5)`
in F5 both read the three cells to their left), so that it is compiled once.

References are read as Excel writes them in a file: A1 style, `$` for absolute, a sheet before
`!` (quoted when its name needs it), ranges of cells, columns (`A:C`) and rows (`1:3`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from renjacheck.workbook.refs import MAX_COL, MAX_ROW, column_letters, column_number

# A string (left alone), then a reference with its sheet, then a name followed by `(`: a
# function. A reference is never part of a longer name (`LOG10(`, `A1B`, `Q1!`).
_TOKEN = re.compile(r"""
    (?P<string>"(?:[^"]|"")*")
  | (?<![\w.$])(?:(?P<sheet>'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?
    (?:(?P<c1>\$?[A-Za-z]{1,3})(?P<r1>\$?\d{1,7})(?::(?P<c2>\$?[A-Za-z]{1,3})(?P<r2>\$?\d{1,7}))?
      |(?P<cc1>\$?[A-Za-z]{1,3}):(?P<cc2>\$?[A-Za-z]{1,3})
      |(?P<rr1>\$?\d{1,7}):(?P<rr2>\$?\d{1,7}))(?![\w(!.])
  | (?<![\w.$])(?P<function>[A-Za-z_][\w.]*)\s*\(
  | (?<![\w.$])(?P<name>[A-Za-z_][\w.]*)(?![\w(!.])
""", re.VERBOSE)

_STRING = re.compile(r'"(?:[^"]|"")*"')
# (sheet, first row, first col, last row, last col): a range as calc.py reads it; the sheet in
# capitals, as Excel compares sheet names; a cell is a range of one.
Box = tuple[str, int, int, int, int]


@dataclass(frozen=True)
class Ref:
    """One reference of a formula: its sheet ('' for the formula's own), its corners, and which
    of first row, first col, last row, last col are absolute (`$`) and stay when it is filled."""

    sheet: str
    corners: tuple[int, int, int, int]
    fixed: tuple[bool, bool, bool, bool]

    def box(self, sheet: str, rows: int = 0, cols: int = 0) -> Box:
        """Where it reads when its formula is moved `rows` down and `cols` across; ValueError
        off the sheet (Excel's #REF!)."""
        moved = [v if f else v + (rows if n % 2 == 0 else cols)
                 for n, (v, f) in enumerate(zip(self.corners, self.fixed, strict=True))]
        r1, c1, r2, c2 = moved
        if not (1 <= r1 <= MAX_ROW and 1 <= r2 <= MAX_ROW and 1 <= c1 <= MAX_COL
                and 1 <= c2 <= MAX_COL):
            raise ValueError("moved off the sheet")
        return (self.sheet or sheet).upper(), min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


@dataclass(frozen=True)
class Parsed:
    """A formula's references in order, the functions it calls and other names it uses
    (defined names, TRUE and FALSE), what of its syntax calc.py leaves alone (`[`: another
    workbook or a table; `-^`: a minus before a power, which pycel gets wrong: Excel's
    `-2^2` is 4), and its pattern relative to the cell it is in."""

    refs: tuple[Ref, ...]
    functions: frozenset[str]
    names: frozenset[str]
    pattern: str
    syntax: frozenset[str] = frozenset()


def parse(text: str, row: int, col: int) -> Parsed:
    """Read formula `text` (no leading `=`) of the cell at (row, col)."""
    refs: list[Ref] = []
    functions: set[str] = set()
    names: set[str] = set()
    parts: list[str] = []
    last = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup if match.group("string") is None else "string"
        if match.group("function"):
            functions.add(match.group("function").upper())
            continue
        if match.group("name"):
            names.add(match.group("name").upper())
            continue
        if kind == "string":
            continue
        ref = _ref(match)
        refs.append(ref)
        parts.append(text[last:match.start()])
        parts.append(_relative(ref, row, col))
        last = match.end()
    parts.append(text[last:])
    bare = _STRING.sub("", text)
    syntax = {mark for mark, found in (("[", "[" in bare), ("-^", "-" in bare and "^" in bare))
              if found}
    return Parsed(tuple(refs), frozenset(functions), frozenset(names), "".join(parts),
                  frozenset(syntax))


def _ref(match: re.Match) -> Ref:
    sheet = match.group("sheet") or ""
    if sheet.startswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    if match.group("c1"):
        c1, r1 = match.group("c1"), match.group("r1")
        c2, r2 = match.group("c2") or c1, match.group("r2") or r1
    elif match.group("cc1"):
        c1, c2, r1, r2 = match.group("cc1"), match.group("cc2"), "$1", f"${MAX_ROW}"
    else:
        r1, r2, c1, c2 = match.group("rr1"), match.group("rr2"), "$A", f"${column_letters(MAX_COL)}"
    fixed = tuple(part.startswith("$") for part in (r1, c1, r2, c2))
    corners = (int(r1.lstrip("$")), column_number(c1.lstrip("$")),
               int(r2.lstrip("$")), column_number(c2.lstrip("$")))
    return Ref(sheet, corners, fixed)  # type: ignore[arg-type]


def _relative(ref: Ref, row: int, col: int) -> str:
    """The reference as its pattern writes it: absolute parts as they are, relative ones as
    offsets from the formula's cell (R1C1 style)."""
    here = (row, col, row, col)
    parts = [f"{'R' if n % 2 == 0 else 'C'}{v}" if f else f"{'R' if n % 2 == 0 else 'C'}[{v - h}]"
             for n, (v, f, h) in enumerate(zip(ref.corners, ref.fixed, here, strict=True))]
    return f"{ref.sheet.upper()}!{''.join(parts[:2])}:{''.join(parts[2:])}"


def address_box(address: str, sheet: str) -> Box:
    """The box of an address as pycel writes it in compiled code (`Sheet name!C4:E4`, `A:A`,
    `4:4`); ValueError for anything else."""
    where, _, cells = address.rpartition("!")
    match = _TOKEN.fullmatch(cells)
    if match is None or match.group("string") or match.group("function") or match.group("name"):
        raise ValueError(address)
    return _ref(match).box(where or sheet)
