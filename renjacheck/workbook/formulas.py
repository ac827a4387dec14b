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
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from renjacheck.workbook.refs import MAX_COL, MAX_ROW, column_letters, column_number


@dataclass(frozen=True)
class Shared:
    """A shared formula's master: where it is, its text, and the range it covers (`C2:C10`)."""

    row: int
    col: int
    text: str
    ref: str


class Formulas:
    """A sheet's formulas by (row, col): `text(row, col)` gives each cell's own formula.

    A budget made in Excel may hold half a million formulas: their texts are kept end to end in
    one UTF-8 buffer and their cells in arrays, in file order, some thirty bytes a formula where a
    dict of strings would take two hundred. A cell of a shared formula keeps no text of its own
    but -1 - the shared index: its text is its master's, moved."""

    __slots__ = ("keys", "ids", "buffer", "ends", "masters", "arrays", "_sorted")

    def __init__(self) -> None:
        self.keys = array("Q")  # row << 15 | col of each formula cell, in file order
        self.ids = array("i")  # its text's number, or -1 - its shared index
        self.buffer = bytearray()
        self.ends = array("I")  # where each text ends in `buffer` (a part: 200 MB at most)
        self.masters: dict[int, Shared] = {}  # shared index -> its master
        self.arrays: dict[tuple[int, int], str] = {}  # an array formula's first cell -> range
        self._sorted = True

    def add(self, row: int, col: int, text: str, kind: str | None, ref: str | None,
            index: str | None) -> None:
        """A cell's <f>: its text, its type (`shared`, `array`, ...), `ref` and `si`."""
        if kind == "shared" and index is not None:
            try:
                si = int(index)
            except ValueError:
                return
            if text and si not in self.masters:
                self.masters[si] = Shared(row, col, text, ref or "")
            if not 0 <= si < 1 << 30:
                return
            number = -1 - si
        elif text:
            self.buffer += text.encode()
            self.ends.append(len(self.buffer))
            number = len(self.ends) - 1
            if kind == "array" and ref:
                self.arrays[row, col] = ref
        else:
            return
        key = row << 15 | col
        if self.keys and key <= self.keys[-1]:
            self._sorted = False  # a file written out of order: sorted when first looked up
        self.keys.append(key)
        self.ids.append(number)

    def _number(self, row: int, col: int) -> int | None:
        if not self._sorted:
            order = sorted(range(len(self.keys)), key=self.keys.__getitem__)  # stable
            self.keys = array("Q", (self.keys[i] for i in order))
            self.ids = array("i", (self.ids[i] for i in order))
            self._sorted = True
        key = row << 15 | col
        at = bisect_right(self.keys, key) - 1  # a cell written twice: the last one
        return self.ids[at] if at >= 0 and self.keys[at] == key else None

    def text(self, row: int, col: int) -> str | None:
        """The formula of the cell at (row, col) as Excel shows it (no `=`); None for none, or
        for a cell of a shared formula whose master the file lacks."""
        number = self._number(row, col)
        if number is None:
            return None
        if number >= 0:
            start = self.ends[number - 1] if number else 0
            return self.buffer[start:self.ends[number]].decode()
        master = self.masters.get(-1 - number)
        if master is None:
            return None
        return translate(master.text, row - master.row, col - master.col)

    def master(self, row: int, col: int) -> Shared | None:
        """The master of the shared formula the cell at (row, col) belongs to, if any."""
        number = self._number(row, col)
        return self.masters.get(-1 - number) if number is not None and number < 0 else None

    def cells(self) -> Iterator[tuple[int, int]]:
        """Every cell that holds a formula (written or shared), in file order."""
        seen: set[int] = set()
        for key in self.keys:
            if key not in seen:
                seen.add(key)
                yield key >> 15, key & 0x7FFF

    def items(self) -> Iterator[tuple[tuple[int, int], str | None]]:
        """((row, col), formula text) of every formula cell."""
        for row, col in self.cells():
            yield (row, col), self.text(row, col)

    def __len__(self) -> int:
        return len(set(self.keys))  # a cell written twice counts once

    def __bool__(self) -> bool:
        return bool(self.keys)


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
