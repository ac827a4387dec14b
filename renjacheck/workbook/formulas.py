"""The formulas of a sheet as its file writes them, for whatever calculates them (the cached
values are the cells' values; a formula never calculated is listed in Grid.uncalculated).

A formula is kept as its text without the leading `=` (`SUM(C7:C9)`), as the file holds it.
Excel writes a formula filled down or across once, in the first cell (the master of a shared
formula, with the range it covers), and each other cell names the master only: that cell's own
formula is the master's, its relative references moved by the cell's offset from the master
(`translate`), as Excel shows it. An array formula is kept on its first cell, with its range.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from renjacheck.workbook.refs import MAX_COL, MAX_ROW, column_letters, column_number


@dataclass(frozen=True)
class Shared:
    """A shared formula's master: where it is, its text, and the range it covers (`C2:C10`)."""

    row: int
    col: int
    text: str
    ref: str


@dataclass
class Formulas:
    """A sheet's formulas by (row, col): `text(row, col)` gives each cell's own formula."""

    own: dict[tuple[int, int], str] = field(default_factory=dict)  # written in the cell
    members: dict[tuple[int, int], int] = field(default_factory=dict)  # cell -> shared index
    masters: dict[int, Shared] = field(default_factory=dict)  # shared index -> its master
    arrays: dict[tuple[int, int], str] = field(default_factory=dict)  # first cell -> range

    def add(self, row: int, col: int, text: str, kind: str | None, ref: str | None,
            index: str | None) -> None:
        """A cell's <f>: its text, its type (`shared`, `array`, ...), `ref` and `si`."""
        if kind == "shared" and index is not None:
            try:
                si = int(index)
            except ValueError:
                return
            self.members[row, col] = si
            if text and si not in self.masters:
                self.masters[si] = Shared(row, col, text, ref or "")
            return
        if text:
            self.own[row, col] = text
            if kind == "array" and ref:
                self.arrays[row, col] = ref

    def text(self, row: int, col: int) -> str | None:
        """The formula of the cell at (row, col) as Excel shows it (no `=`); None for none, or
        for a cell of a shared formula whose master the file lacks."""
        own = self.own.get((row, col))
        if own is not None:
            return own
        si = self.members.get((row, col))
        master = self.masters.get(si) if si is not None else None
        if master is None:
            return None
        return translate(master.text, row - master.row, col - master.col)

    def master(self, row: int, col: int) -> Shared | None:
        """The master of the shared formula the cell at (row, col) belongs to, if any."""
        si = self.members.get((row, col))
        return self.masters.get(si) if si is not None else None

    def cells(self) -> Iterator[tuple[int, int]]:
        """Every cell that holds a formula (written or shared), in no particular order."""
        yield from self.own
        yield from (key for key in self.members if key not in self.own)

    def __len__(self) -> int:
        return len(self.own) + sum(1 for key in self.members if key not in self.own)

    def __bool__(self) -> bool:
        return bool(self.own or self.members)


# A formula's parts a move leaves alone: strings, quoted sheet names, bracketed names
# (structured references, external books); then the references it moves: a cell (`$A$1`), a
# column range (`A:C`), a row range (`1:3`), none of them part of a longer name, a function's
# name (`LOG10(`) or a sheet's (`Q1!`).
_FORMULA = re.compile(r"""
    (?P<keep>"(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\])
  | (?<![\w.$:])(?P<c1>\$?[A-Za-z]{1,3}):(?P<c2>\$?[A-Za-z]{1,3})(?![\w(!.:])
  | (?<![\w.$:])(?P<r1>\$?\d{1,7}):(?P<r2>\$?\d{1,7})(?![\w(!.:])
  | (?<![\w.$])(?P<col>\$?[A-Za-z]{1,3})(?P<row>\$?\d{1,7})(?![\w(!.])
""", re.VERBOSE)


def translate(text: str, rows: int, cols: int) -> str:
    """Formula `text` as it reads `rows` down and `cols` across (negative: up, left): its
    relative references moved, its absolute ones (`$`) kept; one moved off the sheet is
    `#REF!`, as Excel writes it."""
    if not rows and not cols:
        return text

    def move(match: re.Match) -> str:
        if match.group("keep") or (match.group("col") and not _on_sheet(match)):
            return match.group(0)  # a string, ..., or a name such as `ZZZ1` (past XFD)
        try:
            if match.group("c1"):
                return f"{_col(match.group('c1'), cols)}:{_col(match.group('c2'), cols)}"
            if match.group("r1"):
                return f"{_row(match.group('r1'), rows)}:{_row(match.group('r2'), rows)}"
            return _col(match.group("col"), cols) + _row(match.group("row"), rows)
        except ValueError:
            return "#REF!"

    return _FORMULA.sub(move, text)


def _on_sheet(match: re.Match) -> bool:
    col, row = match.group("col").lstrip("$"), match.group("row").lstrip("$")
    return column_number(col) <= MAX_COL and 1 <= int(row) <= MAX_ROW


def _col(letters: str, by: int) -> str:
    if letters.startswith("$"):
        return letters
    number = column_number(letters) + by
    if not 1 <= number <= MAX_COL:
        raise ValueError(letters)
    return column_letters(number)


def _row(digits: str, by: int) -> str:
    if digits.startswith("$"):
        return digits
    number = int(digits) + by
    if not 1 <= number <= MAX_ROW:
        raise ValueError(digits)
    return str(number)
